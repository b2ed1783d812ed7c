// Ladybug has no labels() or properties(): label(n), and the node itself, which comes
// back as a map of its properties. Each id looked up on its own uses the id index
// (a scan with IN took 10x longer); in Neo4j an unlabelled lookup is a scan per id.
// The key is the internal id, by which _subgraph-edges.ladybug names the far ends.
UNWIND $ids AS wanted
MATCH (n {id: wanted})
RETURN label(n) AS label, string(ID(n)) AS key, n AS props
