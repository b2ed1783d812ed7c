// People who work on a topic, strongest first: the canonical topic the words name
// ("serving large language models" is LLM serving), or every topic whose name or
// stated wording contains them; score sums what they state and their papers on it.
// param topic: topic - a topic, in any words
// param limit: int = 50 - at most this many people
// lists: topics+topic_ids
MATCH (p:Person)-[i:INTERESTED_IN]->(t:Topic)
WHERE t.id IN $topic
RETURN p.id AS id, p.name AS name, sum(i.score) AS score, sum(i.papers) AS papers,
       max(i.stated) AS stated, collect(t.name) AS topics, collect(t.id) AS topic_ids
ORDER BY score DESC, name
LIMIT $limit
