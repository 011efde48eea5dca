// graphql-js runner: same measurement as the Swift runner (best batch over ~1.5 s after
// growing the batch to >= 20 ms), one JSON line per input.
//   NODE_PATH=/usr/share/nodejs node runners/parse.js INPUT...
'use strict';
const fs = require('fs');
const path = require('path');
const { parse, Source, version } = require('graphql');

function measure(body, seconds = 1.5) {
  let iterations = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) body();
    if (Number(process.hrtime.bigint() - start) / 1e9 >= 0.02) break;
    iterations *= 2;
  }
  let best = Infinity;
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  do {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) body();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9 / iterations);
  } while (process.hrtime.bigint() < deadline);
  return best;
}

for (const file of process.argv.slice(2)) {
  const name = path.basename(file, path.extname(file));
  const buffer = fs.readFileSync(file);
  // From bytes, as a server gets a request body: decoding is part of the work.
  const seconds = measure(() => parse(new Source(buffer.toString('utf8'), name)));
  const bytes = buffer.length;
  console.log(JSON.stringify({ parser: `graphql-js ${version}`, input: name, bytes,
    microseconds: seconds * 1e6, mbps: bytes / seconds / 1e6 }));
}
