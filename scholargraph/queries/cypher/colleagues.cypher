// People at the same organization at overlapping times who never wrote a paper with
// the person (worked together without co-authoring), with the overlap. Open or
// unknown dates count as overlapping.
// param person: person - whose colleagues
// sort: organization, name
MATCH (me:Person {id: $person})-[r1:AFFILIATED_WITH]->(o:Organization)<-[r2:AFFILIATED_WITH]-(c:Person)
WHERE c.id <> me.id
  AND coalesce(r1.start, '0000') <= coalesce(r2.`end`, '9999')
  AND coalesce(r2.start, '0000') <= coalesce(r1.`end`, '9999')
  AND NOT EXISTS { MATCH (me)-[:AUTHORED]->(:Publication)<-[:AUTHORED]-(c) }
RETURN DISTINCT c.id AS id, c.name AS name, o.name AS organization, r2.role AS role,
       CASE WHEN coalesce(r1.start, '') > coalesce(r2.start, '') THEN r1.start ELSE r2.start END AS overlap_from,
       CASE WHEN coalesce(r1.`end`, '9999') < coalesce(r2.`end`, '9999') THEN r1.`end` ELSE r2.`end` END AS overlap_to
