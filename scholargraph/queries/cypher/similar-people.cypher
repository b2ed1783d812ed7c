// People whose topics are most like a person's: cosine similarity of their topic
// scores, with the topics they share as the reason.
// param person: person - whom to compare with
// param limit: int = 10 - at most this many people
// lists: shared+topic_ids
MATCH (:Person {id: $person})-[a:INTERESTED_IN]->(:Topic)
WITH sqrt(sum(a.score * a.score)) AS norm
MATCH (:Person {id: $person})-[a:INTERESTED_IN]->(t:Topic)<-[b:INTERESTED_IN]-(o:Person)
WHERE o.id <> $person
WITH norm, o.id AS id, o.name AS name, sum(a.score * b.score) AS dot,
     collect(t.name) AS shared, collect(t.id) AS topic_ids
MATCH (:Person {id: id})-[c:INTERESTED_IN]->(:Topic)
WITH id, name, shared, topic_ids, dot, norm, sum(c.score * c.score) AS own
RETURN id, name, round(dot / (norm * sqrt(own)), 3) AS similarity, shared, topic_ids
ORDER BY similarity DESC, name
LIMIT $limit
