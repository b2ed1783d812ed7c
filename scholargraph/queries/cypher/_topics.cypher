// Internal: every topic with its name and stated wordings, to resolve a topic
// argument (there are few topics; matching words is done in Python).
MATCH (t:Topic)
RETURN t.id AS id, t.name AS name, t.aliases AS aliases
ORDER BY id
