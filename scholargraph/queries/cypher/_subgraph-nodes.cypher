// Internal: the nodes with these ids, each with its label and every property it has,
// for drawing the part of the graph an answer is about (one statement, whatever the
// labels; the relationships among them are _subgraph-edges, which names each node by
// the key given here: its id).
// param ids: group - the nodes' ids
MATCH (n)
WHERE n.id IN $ids
RETURN labels(n)[0] AS label, n.id AS key, properties(n) AS props
