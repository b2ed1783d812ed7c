"""Named Cypher queries and their interactive pyvis renders."""
