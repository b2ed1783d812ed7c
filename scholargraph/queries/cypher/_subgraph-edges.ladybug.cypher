// Ladybug has no type() or properties(): label(r), and the relationship itself, which
// comes back as a map of its properties. Walked from each node looked up by id, as in
// _subgraph-nodes.ladybug.
UNWIND $ids AS wanted
MATCH (a {id: wanted})-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS from_id, b.id AS to_id, label(r) AS type, r AS props
