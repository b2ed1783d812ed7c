// What a person works on, strongest first: each topic with its score (what they
// state plus their papers about it), how strongly they state it (1 listed as an
// interest, 0.5 named in prose about their work), how many of their papers are
// about it, its cluster and the evidence (document lines, papers).
// param person: person - whose topics
// param limit: int = 30 - at most this many topics
MATCH (:Person {id: $person})-[i:INTERESTED_IN]->(t:Topic)
OPTIONAL MATCH (t)-[:IN_CLUSTER]->(c:Cluster)
RETURN t.id AS id, t.name AS topic, i.score AS score, i.stated AS stated,
       i.papers AS papers, c.name AS cluster, i.evidence AS evidence
ORDER BY score DESC, topic
LIMIT $limit
