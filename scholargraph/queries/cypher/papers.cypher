// A person's papers, newest first: year, venue, status and the co-authors (with
// their ids, in the order of their names).
// param person: person - whose papers
// param limit: int = 200 - at most this many papers
// lists: coauthors+coauthor_ids
MATCH (me:Person {id: $person})-[:AUTHORED]->(w:Publication)
OPTIONAL MATCH (w)<-[:AUTHORED]-(co:Person)
WHERE co.id <> me.id
WITH w, collect(co.name) AS coauthors, collect(co.id) AS coauthor_ids
OPTIONAL MATCH (w)-[:PUBLISHED_IN]->(v:Venue)
RETURN w.id AS id, w.title AS title, w.year AS year, v.name AS venue, w.status AS status,
       coauthors, coauthor_ids
ORDER BY coalesce(w.year, 0) DESC, title, id
LIMIT $limit
