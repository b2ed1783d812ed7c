// Ladybug has no labels() or properties(): label(n), and the node itself, which comes
// back as a map of its properties. Each id looked up on its own uses the id index
// (a scan with IN took 10x longer); in Neo4j an unlabelled lookup is a scan per id.
UNWIND $ids AS wanted
MATCH (n {id: wanted})
RETURN label(n) AS label, n AS props
