// Co-authorship between two groups of people (an organization's members, or an
// advisor and their students): the pairs, their joint papers and how many.
// param group_a: group - an organization name, or a person (with their students)
// param group_b: group - the other group, given the same way
// param limit: int = 50 - at most this many pairs
// lists: titles, paper_ids
MATCH (pa:Person)-[:AUTHORED]->(w:Publication)<-[:AUTHORED]-(pb:Person)
WHERE pa.id IN $group_a AND pb.id IN $group_b AND pa.id <> pb.id
RETURN pa.id AS id, pa.name AS name, pb.id AS other_id, pb.name AS other,
       count(DISTINCT w.id) AS papers, collect(DISTINCT w.title) AS titles,
       collect(DISTINCT w.id) AS paper_ids
ORDER BY papers DESC, name, other
LIMIT $limit
