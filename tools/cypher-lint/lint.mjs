// Reads a JSON array of Cypher queries on stdin; prints a JSON array with, for each
// query, the list of Neo4j 5 parser/semantic errors (empty when the query is valid).
// Only errors count (not warnings); "Parameter $x is not defined" is dropped: parameters
// are bound at run time.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const queries = JSON.parse(input);
  const results = queries.map((query) => {
    const result = lintCypherQuery(query, {});
    const diagnostics = Array.isArray(result) ? result : result.diagnostics;
    return diagnostics
      .filter((d) => d.severity === 1)  // errors; warnings such as cartesian products are kept out
      .filter((d) => !/^Parameter \$\w+ is not defined\.?$/.test(d.message))
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
  });
  process.stdout.write(JSON.stringify(results));
});
