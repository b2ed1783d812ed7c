// Who advised or mentored a person: advisors (kind: phd, masters, undergrad, postdoc,
// supervisor) and internship mentors (kind: mentor, with the organization), with the
// lines they were read from.
// param person: person - whose advisors
// sort: kind, name
MATCH (a:Person)-[r:ADVISED]->(s:Person {id: $person})
RETURN a.id AS id, a.name AS name, a.native_name AS native_name, r.kind AS kind,
       NULL AS organization, r.evidence AS evidence
UNION
MATCH (a:Person)-[r:MENTORED]->(s:Person {id: $person})
RETURN a.id AS id, a.name AS name, a.native_name AS native_name, 'mentor' AS kind,
       r.organization AS organization, r.evidence AS evidence
