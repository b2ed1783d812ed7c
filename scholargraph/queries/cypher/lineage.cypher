// Academic lineage: advisor chains up (generation -1 is the advisor, -2 the advisor's
// advisor …) and down (+1 students, +2 their students) to a depth, one row per chain.
// param person: person - whose lineage
// param depth: int = 3 - how many generations each way (at most 6)
// sort: generation, names
// layout: hierarchical
MATCH p = (a:Person)-[:ADVISED*1..6]->(me:Person {id: $person})
WHERE length(p) <= $depth
RETURN -length(p) AS generation, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | r.kind] AS kinds
UNION
MATCH p = (me:Person {id: $person})-[:ADVISED*1..6]->(s:Person)
WHERE length(p) <= $depth
RETURN length(p) AS generation, [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | r.kind] AS kinds
