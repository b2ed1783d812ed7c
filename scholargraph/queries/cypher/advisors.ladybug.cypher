MATCH (a:Person)-[r:ADVISED]->(s:Person {id: $person})
RETURN a.id AS id, a.name AS name, a.native_name AS native_name, r.kind AS kind,
       CAST(NULL AS STRING) AS organization, r.evidence AS evidence
UNION
MATCH (a:Person)-[r:MENTORED]->(s:Person {id: $person})
RETURN a.id AS id, a.name AS name, a.native_name AS native_name, 'mentor' AS kind,
       r.organization AS organization, r.evidence AS evidence
