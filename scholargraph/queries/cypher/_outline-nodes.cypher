// Internal: what drawing the nodes with these ids needs, each as a map (its id, names,
// title and year; the rest of each fact, its sources and evidence, is _subgraph-nodes),
// whatever their labels; and the key _outline-edges names it by (here its id).
// param ids: group - the nodes' ids
MATCH (n)
WHERE n.id IN $ids
RETURN labels(n)[0] AS label, n.id AS key,
       {id: n.id, name: n.name, native_name: n.native_name, aliases: n.aliases,
        title: n.title, year: n.year, path: n.path} AS props
