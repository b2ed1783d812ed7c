// Internal: people whose name, alias or native-script name contains the text (any
// case), shortest name first, for type-ahead search.
// param text: text - a part of a name in any script
// param limit: int = 10 - at most this many people
WITH toLower($text) AS needle
MATCH (p:Person)
WHERE toLower(p.name) CONTAINS needle OR toLower(p.native_name) CONTAINS needle
   OR any(a IN p.aliases WHERE toLower(a) CONTAINS needle)
RETURN p.id AS id, p.name AS name, p.native_name AS native_name, p.aliases AS aliases
ORDER BY size(p.name), name, id
LIMIT $limit
