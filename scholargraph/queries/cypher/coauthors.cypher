// A person's collaborators ranked by joint papers, with the first and last year they
// published together (a collaboration timeline) and the joint papers.
// param person: person - whose collaborators
// param limit: int = 50 - at most this many collaborators
// lists: paper_ids
MATCH (me:Person {id: $person})-[:AUTHORED]->(w:Publication)<-[:AUTHORED]-(co:Person)
WHERE co.id <> me.id
RETURN co.id AS id, co.name AS name, count(DISTINCT w.id) AS papers,
       min(w.year) AS first_year, max(w.year) AS last_year, collect(DISTINCT w.id) AS paper_ids
ORDER BY papers DESC, name
LIMIT $limit
