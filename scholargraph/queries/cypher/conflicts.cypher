// Facts a public API gave differently from your own documents (yours were kept):
// people and papers with what each side said, from `scholargraph enrich`.
// param limit: int = 200 - at most this many people and as many papers
// sort: kind, id
MATCH (p:Person)
WHERE size(p.conflicts) > 0
RETURN p.id AS id, 'Person' AS kind, p.name AS name, p.conflicts AS conflicts
ORDER BY id
LIMIT $limit
UNION ALL
MATCH (w:Publication)
WHERE size(w.conflicts) > 0
RETURN w.id AS id, 'Publication' AS kind, w.title AS name, w.conflicts AS conflicts
ORDER BY id
LIMIT $limit
