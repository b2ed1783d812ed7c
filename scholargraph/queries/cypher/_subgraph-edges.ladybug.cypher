// Ladybug has no type() or properties(): label(r), and the relationship itself, which
// comes back as a map of its properties. Walked from each node looked up by id, as in
// _subgraph-nodes.ladybug: every relationship out of it, the far end named by its
// internal id (the caller keeps those that end at one of the nodes). Reading the far
// end's id property and keeping those IN $ids took the statement half as long again.
UNWIND $ids AS wanted
MATCH (a {id: wanted})-[r]->(b)
RETURN wanted AS from_id, string(ID(b)) AS to_key, label(r) AS type, r AS props
