MATCH p = (a:Person {id: $person})-[:AUTHORED|ADVISED|MENTORED* ALL SHORTEST 1..8]-(b:Person {id: $other})
RETURN length(p) AS steps, properties(nodes(p), 'id') AS ids,
       list_transform(nodes(p), n -> coalesce(n.name, n.title)) AS names
LIMIT $limit
