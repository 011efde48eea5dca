// Records graphql-js 16.6's answers for the differential corpus (corpus.txt):
// validation errors (message and locations) and, for valid documents, the execution
// result on the test schema (Fixtures/test-schema.graphql, Fixtures/test-data.json).
// Entries marked "core:" are recorded by record.py with graphql-core instead.
//
//   NODE_PATH=/usr/share/nodejs node Tests/GraphQLTests/Golden/Execution/record.js
'use strict';
const fs = require('fs');
const path = require('path');
const graphql = require('graphql');
const { makeResolvers } = require('./resolvers.js');
const { readCorpus } = require('./corpus.js');

const here = __dirname;
const fixtures = path.join(here, '..', '..', 'Fixtures');
const sdl = fs.readFileSync(path.join(fixtures, 'test-schema.graphql'), 'utf8');
const data = JSON.parse(fs.readFileSync(path.join(fixtures, 'test-data.json'), 'utf8'));

function plainError(error) {
  const result = { message: error.message };
  if (error.locations) result.locations = error.locations.map((l) => ({ line: l.line, column: l.column }));
  if (error.path) result.path = error.path;
  return result;
}

const golden = {};
for (const entry of readCorpus(path.join(here, 'corpus.txt'))) {
  if (entry.peer !== 'js') continue;
  // A fresh schema per entry, so mutation counters start again.
  const schema = graphql.buildSchema(sdl);
  const resolvers = makeResolvers(data);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve;
  }
  let document;
  try {
    document = graphql.parse(entry.document);
  } catch (error) {
    golden[entry.name] = { syntaxError: plainError(error) };
    continue;
  }
  const errors = graphql.validate(schema, document);
  if (errors.length > 0) {
    golden[entry.name] = { validation: errors.map(plainError) };
    continue;
  }
  const result = graphql.execute({
    schema, document, variableValues: entry.variables, operationName: entry.operationName,
  });
  const response = {};
  if (result.errors) response.errors = result.errors.map(plainError);
  if ('data' in result) response.data = result.data;
  golden[entry.name] = { result: response };
}
fs.writeFileSync(path.join(here, 'golden-js.json'), JSON.stringify(golden, null, 1) + '\n');
console.log(`recorded ${Object.keys(golden).length} entries`);
