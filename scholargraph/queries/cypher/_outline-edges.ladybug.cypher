// label(r) for type(r); walked from each node looked up by id, as in
// _subgraph-edges.ladybug: every relationship out of it, the far end named by its
// internal id (the caller keeps those that end at one of the nodes).
UNWIND $ids AS wanted
MATCH (a {id: wanted})-[r]->(b)
RETURN wanted AS from_id, string(ID(b)) AS to_key, label(r) AS type,
       {id: r.id, papers: r.papers} AS props
