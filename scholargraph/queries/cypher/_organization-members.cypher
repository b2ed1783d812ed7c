// Internal: everyone affiliated with an organization (name in any case).
// param text: text - the organization's name
MATCH (o:Organization)<-[:AFFILIATED_WITH]-(p:Person)
WHERE toLower(o.name) = toLower($text)
RETURN DISTINCT p.id AS id
ORDER BY id
