// label(n) for labels(n)[0]; each id looked up on its own, as in _subgraph-nodes.ladybug.
UNWIND $ids AS wanted
MATCH (n {id: wanted})
RETURN label(n) AS label,
       {id: n.id, name: n.name, native_name: n.native_name, aliases: n.aliases,
        title: n.title, year: n.year, path: n.path} AS props
