// Topics two people share (stated interests or topics of their papers), with each
// side's papers on the topic.
// param person: person - one of the two
// param other: person - the other
// sort: topic
// Each side is matched from its person and the sides meet on the topic id (see
// shared-collaborators for why).
MATCH (:Person {id: $person})-[:AUTHORED|ABOUT|INTERESTED_IN*1..2]->(t:Topic)
WITH DISTINCT t.id AS id, t.name AS topic
MATCH (:Person {id: $other})-[:AUTHORED|ABOUT|INTERESTED_IN*1..2]->(t:Topic)
WHERE t.id = id
WITH DISTINCT id, topic
OPTIONAL MATCH (:Person {id: $person})-[:AUTHORED]->(wa:Publication)-[:ABOUT]->(:Topic {id: id})
WITH id, topic, collect(DISTINCT wa.title) AS papers_person
OPTIONAL MATCH (:Person {id: $other})-[:AUTHORED]->(wb:Publication)-[:ABOUT]->(:Topic {id: id})
RETURN id, topic, papers_person, collect(DISTINCT wb.title) AS papers_other
