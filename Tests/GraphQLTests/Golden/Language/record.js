#!/usr/bin/env node
// Records graphql-js's answer for every document of corpus.js into golden.json.
//
//   NODE_PATH=/usr/share/nodejs node Tests/GraphQLTests/Golden/Language/record.js
//
// graphql-js 16.6 is Debian's node-graphql package (apt-get install -y node-graphql).
// For each document: the canonical print(parse(source)), or the syntax error's message and
// location. graphql-js counts columns in UTF-16 code units; the spec (and our parser) counts
// Unicode code points, so locations are recomputed here from the error's position.
// Cases marked `deviation` are where we follow the September 2025 spec and graphql-js 16.6
// does not: graphql-js's answer is still recorded (as `graphqlJS`) next to ours (`expected`).
'use strict';
const fs = require('fs');
const path = require('path');
const { parse, print, version } = require('graphql');
const corpus = require('./corpus.js');

function location(body, position) {
  // Line terminators exactly as the spec: \r\n, \n, \r.
  let line = 1;
  let lineStart = 0;
  const re = /\r\n|[\n\r]/g;
  let match;
  while ((match = re.exec(body)) && match.index < position) {
    line += 1;
    lineStart = match.index + match[0].length;
  }
  const column = [...body.slice(lineStart, position)].length + 1;
  return { line, column };
}

function answer(source) {
  try {
    return { printed: print(parse(source)) };
  } catch (error) {
    if (!error.positions) throw error;
    return {
      error: {
        message: error.message,
        locations: error.positions.map((p) => location(source, p)),
      },
    };
  }
}

const names = new Set();
const cases = corpus.map((item) => {
  if (names.has(item.name)) throw new Error('duplicate case name ' + item.name);
  names.add(item.name);
  const recorded = { name: item.name, source: item.source, result: answer(item.source) };
  if (item.deviation) {
    recorded.deviation = item.deviation.reason;
    recorded.graphqlJS = recorded.result;
    recorded.result = item.deviation.expected;
  }
  return recorded;
});
// JSON with lone surrogates (graphql-js slices UTF-16) is not valid UTF-8 JSON; use U+FFFD.
const wellFormed = (key, value) =>
  typeof value === 'string'
    ? value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    : value;
const out = { recordedWith: 'graphql-js ' + version, cases };
fs.writeFileSync(path.join(__dirname, 'golden.json'), JSON.stringify(out, wellFormed, 1) + '\n');
const errors = cases.filter((c) => c.result.error).length;
console.log(`${cases.length} cases (${cases.length - errors} valid, ${errors} errors) with graphql-js ${version}`);
