// Internal: for each pair of the given people who wrote together, how many papers
// they share (in the whole graph, not only those drawn), for co-author edge widths.
// param ids: group - the people's ids
UNWIND $ids AS a
MATCH (p:Person {id: a})-[:AUTHORED]->(w:Publication)<-[:AUTHORED]-(q:Person)
WHERE p.id < q.id AND q.id IN $ids
RETURN p.id AS a, q.id AS b, count(DISTINCT w.id) AS papers
ORDER BY a, b
