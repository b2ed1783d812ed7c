// Internal: papers whose title contains the text (any case), shortest title first,
// with their year and authors' ids, for type-ahead search.
// param text: text - a part of a title
// param limit: int = 10 - at most this many papers
MATCH (w:Publication)
WHERE toLower(w.title) CONTAINS toLower($text)
WITH w ORDER BY size(w.title), w.title, w.id LIMIT $limit
OPTIONAL MATCH (w)<-[:AUTHORED]-(p:Person)
RETURN w.id AS id, w.title AS title, w.year AS year, collect(p.id) AS author_ids
ORDER BY size(title), title, id
