// A person's neighbourhood to a depth (2: their papers and co-authors, advisors,
// organizations, topics; 3 adds the co-authors' other papers), for exploration.
// param person: person - whose neighbourhood
// param depth: int = 2 - how many steps out (at most 3)
// param limit: int = 500 - at most this many nodes
// Only people and papers are walked through: a topic, venue or organization ends a
// path, or one popular topic would pull in half the graph.
MATCH (me:Person {id: $person})
OPTIONAL MATCH p = (me)-[:AUTHORED|ADVISED|MENTORED*0..2]-(v)
WHERE length(p) < $depth
WITH v, min(length(p)) AS d
MATCH (v)--(n)
WITH n, min(d) + 1 AS distance
WHERE n.id <> $person
RETURN n.id AS id, coalesce(n.name, n.title) AS name, distance
ORDER BY distance, id
LIMIT $limit
