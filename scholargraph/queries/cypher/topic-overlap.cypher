// Topics two people share, strongest for both first, with each side's score and
// papers on the topic.
// param person: person - one of the two
// param other: person - the other
// Each side is matched from its person and the sides meet on the topic id (see
// shared-collaborators for why).
// lists: papers_person, papers_other
MATCH (:Person {id: $person})-[a:INTERESTED_IN]->(t:Topic)
WITH t.id AS id, t.name AS topic, a.score AS score_person
MATCH (:Person {id: $other})-[b:INTERESTED_IN]->(t:Topic)
WHERE t.id = id
WITH id, topic, score_person, b.score AS score_other
OPTIONAL MATCH (:Person {id: $person})-[:AUTHORED]->(wa:Publication)-[:ABOUT]->(:Topic {id: id})
WITH id, topic, score_person, score_other, collect(DISTINCT wa.title) AS papers_person
OPTIONAL MATCH (:Person {id: $other})-[:AUTHORED]->(wb:Publication)-[:ABOUT]->(:Topic {id: id})
WITH id, topic, score_person, score_other, papers_person,
     collect(DISTINCT wb.title) AS papers_other
RETURN id, topic, score_person, score_other, papers_person, papers_other
ORDER BY score_person * score_other DESC, topic
