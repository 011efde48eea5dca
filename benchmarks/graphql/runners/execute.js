// graphql-js (Debian's node-graphql, 16.6) on the execution benchmark: the same schema,
// data (500 items x 30 fields) and query as ExecuteBenchmark; plus validation of the
// standard introspection query against the service schema. One JSON line per measurement.
//
//   NODE_PATH=/usr/share/nodejs node runners/execute.js INPUTS_DIR SERVICE_SCHEMA
'use strict';
const fs = require('fs');
const path = require('path');
const graphql = require('graphql');

const [inputs, serviceSchemaPath] = process.argv.slice(2);
const sdl = fs.readFileSync(path.join(inputs, 'execute-schema.graphql'), 'utf8');
const queryText = fs.readFileSync(path.join(inputs, 'execute-query.graphql'), 'utf8');
const introspectionText = fs.readFileSync(path.join(inputs, 'introspection.graphql'), 'utf8');

function measure(body, seconds = 2) {
  let iterations = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) body();
    if (Number(process.hrtime.bigint() - start) / 1e9 >= 0.05) break;
    iterations *= 2;
  }
  let best = Infinity;
  const deadline = Date.now() + seconds * 1000;
  do {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) body();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9 / iterations);
  } while (Date.now() < deadline);
  return best;
}

function report(task, seconds, fields) {
  const line = { engine: 'graphql-js', task, microseconds: seconds * 1e6 };
  if (fields) line.ns_per_field = (seconds * 1e9) / fields;
  console.log(JSON.stringify(line));
}

const items = [];
for (let n = 0; n < 500; n++) {
  const item = {};
  for (let k = 0; k < 10; k++) item['s' + k] = `item ${n} string ${k}`;
  for (let k = 0; k < 10; k++) item['i' + k] = n * 10 + k;
  for (let k = 0; k < 5; k++) item['f' + k] = n + k / 4;
  for (let k = 0; k < 5; k++) item['b' + k] = (n + k) % 2 === 0;
  items.push(item);
}
const fields = 500 * 30 + 1;
const schema = graphql.buildSchema(sdl);
const rootValue = { items: () => items };
const document = graphql.parse(queryText);
if (graphql.validate(schema, document).length) throw new Error('invalid query');
const check = graphql.execute({ schema, document, rootValue });
if (check.errors || check.data.items.length !== 500) throw new Error('bad result');
report('execute', measure(() => graphql.execute({ schema, document, rootValue })), fields);
report('execute+json', measure(() => JSON.stringify(graphql.execute({ schema, document, rootValue }))), fields);
report('request', measure(() => JSON.stringify(graphql.graphqlSync({ schema, source: queryText, rootValue }))), fields);

const service = graphql.buildSchema(fs.readFileSync(serviceSchemaPath, 'utf8'));
const introspection = graphql.parse(introspectionText);
report('validate-introspection', measure(() => graphql.validate(service, introspection)));
report('execute-introspection', measure(() => JSON.stringify(graphql.execute({ schema: service, document: introspection }))));
