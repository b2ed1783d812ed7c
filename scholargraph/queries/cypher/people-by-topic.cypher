// People who work on a topic (name contains the text, any case): stated interests
// and papers about it, ranked by how many of these links they have.
// param topic: text - part of a topic name
// param limit: int = 50 - at most this many people
MATCH (t:Topic)
WHERE toLower(t.name) CONTAINS toLower($topic)
MATCH (p:Person)-[:AUTHORED|ABOUT|INTERESTED_IN*1..2]->(t)
RETURN p.id AS id, p.name AS name, count(*) AS links, collect(DISTINCT t.name) AS topics
ORDER BY links DESC, name
LIMIT $limit
