// Internal: every relationship between two of the nodes with these ids, with its type,
// ends (the far one by the key _subgraph-nodes gives it) and every property it has
// (one statement, whatever the types).
// param ids: group - the nodes' ids
MATCH (a)-[r]->(b)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS from_id, b.id AS to_key, type(r) AS type, properties(r) AS props
