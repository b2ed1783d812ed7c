// label(n) for labels(n)[0]; each id looked up on its own, as in _subgraph-nodes.ladybug;
// its key is its internal id, as _outline-edges.ladybug names the nodes it reaches.
UNWIND $ids AS wanted
MATCH (n {id: wanted})
RETURN label(n) AS label, string(ID(n)) AS key,
       {id: n.id, name: n.name, native_name: n.native_name, aliases: n.aliases,
        title: n.title, year: n.year, path: n.path} AS props
