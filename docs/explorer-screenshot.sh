#!/usr/bin/env bash
# Screenshot of the explorer page (/graphiql) running a query with a token, in headless
# Chromium (Debian's `chromium`): what README.md shows. Outside `swift test`.
#
#   docs/explorer-screenshot.sh            # writes docs/explorer.png
#
# It loads the sample runs into a scratch database (demo --no-serve), sets up account 1
# with the metadata API on and a Metadata Only token through the command line, serves the
# database on a free port, opens /graphiql with the token and a query in the URL fragment
# (#token=...&query=...&run=1: never sent to the server) and saves the screenshot.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
command -v chromium >/dev/null || { echo "needs Debian's chromium: apt-get install chromium" >&2; exit 1; }
cd "$root"
swift build -c release --product dbt-metadata >&2
bin="$root/.build/release/dbt-metadata"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/demo.sqlite"

"$bin" demo --no-serve --db "$db" >/dev/null
admin="$("$bin" account create --db "$db" --id 1 --name "Demo shop" --plan enterprise --json |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"
DBT_METADATA_TOKEN="$admin" "$bin" account set --db "$db" --metadata-api on >/dev/null
token="$(DBT_METADATA_TOKEN="$admin" "$bin" token create --db "$db" --kind metadata-only \
  --name screenshot --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bin" serve --db "$db" --port "$port" 2>"$work/access.log" >"$work/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

query='# Ctrl+Enter runs the query.
query Health {
  environment(id: 1) {
    applied {
      sources(first: 2) {
        edges { node {
          uniqueId
          freshness { freshnessStatus maxLoadedAt }
        } }
      }
      tests(first: 2) {
        totalCount
        edges { node {
          name
          executionInfo { lastRunStatus }
        } }
      }
    }
  }
}'
fragment="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlencode({"token": sys.argv[1], "query": sys.argv[2], "variables": "{}", "run": "1"}))' "$token" "$query")"
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,900 \
  --virtual-time-budget=8000 --screenshot="$here/explorer.png" \
  "http://127.0.0.1:$port/graphiql#$fragment" 2>"$work/chromium.log"
grep -q ' /graphql ' "$work/access.log" || { echo "the page sent no query:" >&2; cat "$work/access.log" >&2; exit 1; }
if grep -q "$token" "$work/access.log"; then echo "the token reached the access log" >&2; exit 1; fi
echo "wrote $here/explorer.png"
