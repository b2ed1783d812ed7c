// People who wrote papers with both of two people, with the papers on each side.
// param person: person - one of the two
// param other: person - the other
// param limit: int = 50 - at most this many collaborators
// Each side is matched on its own and the two meet on the collaborator's id: a
// paper all three wrote counts on both sides, and Ladybug plans the id join in
// well under a millisecond where a pattern through a bound node scans every edge.
// lists: with_person, with_other, paper_ids, other_paper_ids
MATCH (:Person {id: $person})-[:AUTHORED]->(wa:Publication)<-[:AUTHORED]-(c:Person)
WHERE c.id <> $person AND c.id <> $other
WITH c.id AS id, c.name AS name, collect(DISTINCT wa.id) AS paper_ids,
     collect(DISTINCT wa.title) AS with_person
MATCH (:Person {id: $other})-[:AUTHORED]->(wb:Publication)<-[:AUTHORED]-(c:Person)
WHERE c.id = id
WITH id, name, paper_ids, with_person, collect(DISTINCT wb.id) AS other_paper_ids,
     collect(DISTINCT wb.title) AS with_other
RETURN id, name, size(paper_ids) AS papers_with_person,
       size(other_paper_ids) AS papers_with_other, with_person, with_other, paper_ids,
       other_paper_ids
ORDER BY papers_with_person + papers_with_other DESC, name
LIMIT $limit
