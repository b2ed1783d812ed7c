// Topics two people share (stated interests or topics of their papers), with each
// side's papers on the topic.
// param person: person - one of the two
// param other: person - the other
// sort: topic
MATCH (a:Person {id: $person})-[:AUTHORED|ABOUT|INTERESTED_IN*1..2]->(t:Topic)
WITH DISTINCT a, t
MATCH (b:Person {id: $other})-[:AUTHORED|ABOUT|INTERESTED_IN*1..2]->(t)
WITH DISTINCT a, b, t
OPTIONAL MATCH (a)-[:AUTHORED]->(wa:Publication)-[:ABOUT]->(t)
WITH a, b, t, collect(DISTINCT wa.title) AS papers_person
OPTIONAL MATCH (b)-[:AUTHORED]->(wb:Publication)-[:ABOUT]->(t)
RETURN t.id AS id, t.name AS topic, papers_person, collect(DISTINCT wb.title) AS papers_other
