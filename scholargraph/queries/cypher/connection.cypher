// The shortest chains of co-authorship and advising that link two people: who links
// them and through which papers (all chains of the shortest length, up to 8 steps).
// param person: person - where the chains start
// param other: person - where they end
// param limit: int = 20 - at most this many chains
// sort: ids
MATCH (a:Person {id: $person}), (b:Person {id: $other})
WHERE a <> b
MATCH p = allShortestPaths((a)-[:AUTHORED|ADVISED|MENTORED*..8]-(b))
RETURN length(p) AS steps, [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | coalesce(n.name, n.title)] AS names
LIMIT $limit
