// Up to k chains of co-authorship and advising between two people, shortest first
// (chains of at most 4 steps that visit nobody twice: at most one person between).
// param person: person - where the chains start
// param other: person - where they end
// param k: int = 5 - how many chains
// sort: steps, ids
MATCH p = (a:Person {id: $person})-[:AUTHORED|ADVISED|MENTORED*1..4]-(b:Person {id: $other})
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN length(p) AS steps, [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | coalesce(n.name, n.title)] AS names
ORDER BY steps, ids
LIMIT $k
