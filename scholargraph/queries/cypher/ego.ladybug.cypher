// Ladybug has no zero-length paths: the first ring is collected on its own and
// joined to the rings reached from the people and papers within depth - 1.
MATCH (me:Person {id: $person})-[]-(n1)
WITH me, collect({id: n1.id, name: coalesce(n1.name, n1.title), distance: 1}) AS near
OPTIONAL MATCH p = (me)-[:AUTHORED|ADVISED|MENTORED* SHORTEST 1..2]-(v)
WHERE length(p) < $depth
OPTIONAL MATCH (v)-[]-(n)
WITH near, n, min(length(p)) + 1 AS d
WITH near, collect({id: n.id, name: coalesce(n.name, n.title), distance: d}) AS far
UNWIND list_concat(near, far) AS row
WITH row.id AS id, row.name AS name, min(row.distance) AS distance
WHERE id IS NOT NULL AND id <> $person
RETURN id, name, distance
ORDER BY distance, id
LIMIT $limit
