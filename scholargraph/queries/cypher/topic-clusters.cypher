// Topic clusters, largest first: topics that occur together on papers and in
// people's stated interests (Louvain, seeded), each labelled by its most central
// topics, with its topics in order and its top people and papers.
// param limit: int = 50 - at most this many clusters
// draw: IN_CLUSTER, MEMBER_OF
// lists: topic_ids, people_ids
MATCH (c:Cluster)
OPTIONAL MATCH (t:Topic)-[:IN_CLUSTER]->(c)
WITH c, collect(t.id) AS topic_ids
OPTIONAL MATCH (p:Person)-[:MEMBER_OF]->(c)
WHERE p.name IN c.top_people
WITH c, topic_ids, collect(p.id) AS people_ids
RETURN c.id AS id, c.name AS cluster, c.size AS size, c.topics AS topics,
       c.top_people AS people, c.top_papers AS papers, topic_ids, people_ids
ORDER BY size DESC, cluster
LIMIT $limit
