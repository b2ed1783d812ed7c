// People with the same advisor as a person (academic siblings), with the advisor.
// param person: person - whose siblings
// sort: name
MATCH (me:Person {id: $person})<-[:ADVISED]-(adv:Person)-[r:ADVISED]->(sib:Person)
WHERE sib.id <> me.id
RETURN sib.id AS id, sib.name AS name, adv.id AS advisor_id, adv.name AS advisor, r.kind AS kind
