// The shortest chains of co-authorship and advising that link two people: who links
// them and through which papers (all chains of the shortest length, up to 8 steps).
// param person: person - where the chains start
// param other: person - where they end
// param limit: int = 20 - at most this many chains
// sort: ids
MATCH p = allShortestPaths((a:Person {id: $person})-[:AUTHORED|ADVISED|MENTORED*..8]-(b:Person {id: $other}))
RETURN length(p) AS steps, [n IN nodes(p) | n.id] AS ids,
       [n IN nodes(p) | coalesce(n.name, n.title)] AS names
LIMIT $limit
