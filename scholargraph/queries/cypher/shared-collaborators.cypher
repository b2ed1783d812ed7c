// People who wrote papers with both of two people, with the papers on each side.
// param person: person - one of the two
// param other: person - the other
// param limit: int = 50 - at most this many collaborators
// Two MATCH clauses, not one pattern: a paper all three wrote counts on both sides.
MATCH (a:Person {id: $person})-[:AUTHORED]->(wa:Publication)<-[:AUTHORED]-(c:Person)
MATCH (c)-[:AUTHORED]->(wb:Publication)<-[:AUTHORED]-(b:Person {id: $other})
WHERE c.id <> a.id AND c.id <> b.id
RETURN c.id AS id, c.name AS name, count(DISTINCT wa.id) AS papers_with_person,
       count(DISTINCT wb.id) AS papers_with_other, collect(DISTINCT wa.title) AS with_person,
       collect(DISTINCT wb.title) AS with_other, collect(DISTINCT wa.id) AS paper_ids,
       collect(DISTINCT wb.id) AS other_paper_ids
ORDER BY papers_with_person + papers_with_other DESC, name
LIMIT $limit
