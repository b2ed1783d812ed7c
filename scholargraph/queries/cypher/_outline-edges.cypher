// Internal: what drawing the relationships between two of the nodes with these ids
// needs: their ends (the far one by the key _outline-nodes gives it), type, id and
// joint papers (the rest of each fact is _subgraph-edges), whatever their types.
// param ids: group - the nodes' ids
MATCH (a)-[r]->(b)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS from_id, b.id AS to_key, type(r) AS type, {id: r.id, papers: r.papers} AS props
