// Internal: people a written name can mean (id, exact name in any case, native-script
// name, or alias), with their organizations and papers to tell them apart.
// param text: text - the name as the user wrote it
MATCH (p:Person)
WHERE p.id = $text OR toLower(p.name) = toLower($text) OR p.native_name = $text
   OR $text IN p.aliases
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
WITH p, collect(DISTINCT o.name) AS organizations
OPTIONAL MATCH (p)-[:AUTHORED]->(w:Publication)
RETURN p.id AS id, p.name AS name, organizations, collect(DISTINCT w.title) AS papers
ORDER BY id
