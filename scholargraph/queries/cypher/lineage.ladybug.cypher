MATCH p = (a:Person)-[:ADVISED*1..6]->(me:Person {id: $person})
WHERE length(p) <= $depth
RETURN -length(p) AS generation, properties(nodes(p), 'id') AS ids,
       properties(nodes(p), 'name') AS names, properties(rels(p), 'kind') AS kinds
UNION
MATCH p = (me:Person {id: $person})-[:ADVISED*1..6]->(s:Person)
WHERE length(p) <= $depth
RETURN length(p) AS generation, properties(nodes(p), 'id') AS ids,
       properties(nodes(p), 'name') AS names, properties(rels(p), 'kind') AS kinds
