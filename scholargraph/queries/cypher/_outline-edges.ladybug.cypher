// label(r) for type(r); walked from each node looked up by id, as in
// _subgraph-edges.ladybug.
UNWIND $ids AS wanted
MATCH (a {id: wanted})-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS from_id, b.id AS to_id, label(r) AS type, {id: r.id, papers: r.papers} AS props
