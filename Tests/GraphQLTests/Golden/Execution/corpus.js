// Reads corpus.txt: entries start with a line "--- [core:]NAME [| VARIABLES-JSON [| OPERATION]]";
// the lines after it, up to the next entry, are the document.
'use strict';
const fs = require('fs');

function readCorpus(file) {
  const entries = [];
  let current = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('--- ')) {
      const parts = line.slice(4).split(' | ');
      let name = parts[0].trim();
      let peer = 'js';
      if (name.startsWith('core:')) { peer = 'core'; name = name.slice(5); }
      current = {
        name, peer, lines: [],
        variables: parts[1] ? JSON.parse(parts[1]) : undefined,
        operationName: parts[2] ? parts[2].trim() : undefined,
      };
      entries.push(current);
    } else if (current) {
      current.lines.push(line);
    }
  }
  for (const entry of entries) {
    while (entry.lines.length && entry.lines[entry.lines.length - 1] === '') entry.lines.pop();
    entry.document = entry.lines.join('\n');
    delete entry.lines;
  }
  const names = new Set();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error('duplicate corpus entry ' + entry.name);
    names.add(entry.name);
  }
  return entries;
}

module.exports = { readCorpus };
