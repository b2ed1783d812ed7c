// A person's neighbourhood to a depth (2: their papers and co-authors, advisors,
// organizations, topics; 3 adds the co-authors' other papers), for exploration.
// param person: person - whose neighbourhood
// param depth: int = 2 - how many steps out (at most 3)
// param limit: int = 500 - at most this many nodes
MATCH p = (me:Person {id: $person})-[*1..3]-(n)
WHERE length(p) <= $depth AND n.id <> me.id
WITH n, min(length(p)) AS distance
RETURN n.id AS id, coalesce(n.name, n.title) AS name, distance
ORDER BY distance, id
LIMIT $limit
