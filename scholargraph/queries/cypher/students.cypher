// Whom a person advised or mentored (kind as in advisors), with evidence.
// param person: person - whose students
// sort: kind, name
MATCH (a:Person {id: $person})-[r:ADVISED]->(s:Person)
RETURN s.id AS id, s.name AS name, s.native_name AS native_name, r.kind AS kind,
       NULL AS organization, r.evidence AS evidence
UNION
MATCH (a:Person {id: $person})-[r:MENTORED]->(s:Person)
RETURN s.id AS id, s.name AS name, s.native_name AS native_name, 'mentor' AS kind,
       r.organization AS organization, r.evidence AS evidence
