#!/usr/bin/env python3
"""HTTP peer of dbt-metadata's service for the HTTP benchmark (benchmarks/http/run.sh): the
metadata API peer (metadata_api_peer.py: graphql-core + sqlite3) served by the standard
library's ThreadingHTTPServer over HTTP/1.1 with keep-alive.

  POST /graphql   {"query": ..., "variables": {...}, "operationName": ...}
                  Authorization: Bearer <service token>

Authentication as the service does it: the token's SHA-256 digest is looked up in the same
database's `token` table (not revoked), the token must hold a metadata permission set and
the account must have the metadata API switched on; the stored digest is compared with
hmac.compare_digest (constant time). Answers 401 without a valid token, 403 without the
permission, 400 for a body that is not a GraphQL request.

Usage: metadata_api_http_peer.py DB PORT
"""
import hashlib
import hmac
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from metadata_api_peer import Peer

MAX_BODY = 1 << 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body are separate writes: without TCP_NODELAY each keep-alive response
    # waits for the client's delayed ACK (about 40 ms on Linux).
    disable_nagle_algorithm = True
    peer = None

    def log_message(self, format, *args):  # no access log (the service logs to stderr; run.sh discards it)
        pass

    def reply(self, status, payload, headers=()):
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/graphql-response+json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, code, message, headers=()):
        self.reply(status, {"errors": [{"message": message, "extensions": {"code": code}}]}, headers)

    def principal(self):
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() not in ("bearer", "token") or not token.strip():
            return None
        digest = hashlib.sha256(token.strip().encode()).digest()
        row = self.peer.connection().execute(
            "SELECT t.digest, t.account_id, "
            "EXISTS (SELECT 1 FROM token_permission p WHERE p.token_id = t.id "
            "AND p.permission_set IN ('metadata-only', 'account-admin')), "
            "coalesce((SELECT metadata_api_enabled FROM account_setting a WHERE a.account_id = t.account_id), 0) "
            "FROM token t WHERE t.digest = ? AND t.revoked_at IS NULL", (digest,)).fetchone()
        if row is None or not hmac.compare_digest(bytes(row[0]), digest):
            return None
        return {"account_id": row[1], "allowed": bool(row[2]) and bool(row[3])}

    def do_POST(self):
        if self.path.split("?")[0] != "/graphql":
            return self.error(404, "NOT_FOUND", "No such route.")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self.error(413, "PAYLOAD_TOO_LARGE", "The body exceeds 1 MiB.")
        body = self.rfile.read(length)
        principal = self.principal()
        if principal is None:
            return self.error(401, "UNAUTHENTICATED", "A valid service token is required.",
                              [("WWW-Authenticate", 'Bearer realm="dbt-metadata"')])
        if not principal["allowed"]:
            return self.error(403, "FORBIDDEN", "The token may not query the metadata API.")
        try:
            request = json.loads(body)
            query = request["query"]
            variables = request.get("variables") or {}
            if not isinstance(query, str) or not isinstance(variables, dict):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            return self.error(400, "BAD_REQUEST", "The body must be a JSON GraphQL request.")
        response = self.peer.execute(query, variables, request.get("operationName"), principal["account_id"])
        self.reply(200 if "data" in response else 400, response)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    Handler.peer = Peer(sys.argv[1])
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
