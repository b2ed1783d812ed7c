MATCH p = (a:Person {id: $person})-[:AUTHORED|ADVISED|MENTORED*1..4]-(b:Person {id: $other})
WHERE is_acyclic(p)
RETURN length(p) AS steps, properties(nodes(p), 'id') AS ids,
       list_transform(nodes(p), n -> coalesce(n.name, n.title)) AS names
ORDER BY steps
LIMIT $k
