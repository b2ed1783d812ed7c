// Internal: the person with this id (an indexed lookup, tried before name search).
// param text: text - a person id
MATCH (p:Person {id: $text})
RETURN p.id AS id
