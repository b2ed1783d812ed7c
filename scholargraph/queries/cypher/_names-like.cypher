// Internal: names containing a fragment (any case), to suggest close matches.
// param text: text - a part of a name
MATCH (p:Person)
WHERE toLower(p.name) CONTAINS toLower($text)
RETURN DISTINCT p.name AS name
ORDER BY name
LIMIT 500
