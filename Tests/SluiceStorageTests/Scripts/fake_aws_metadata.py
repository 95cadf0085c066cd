#!/usr/bin/env python3
"""A fake of the two AWS metadata endpoints the S3 credential chain reads, for tests.

Serves the ECS container endpoint (GET /ecs/<anything>, checking the Authorization header when
--ecs-token is given) and EC2 instance metadata IMDSv2 (PUT /latest/api/token, then the role name
and the role's credentials, each GET requiring the token the PUT issued). Every credentials answer
carries a new access key id and an Expiration --lifetime seconds ahead, so a test can see a refresh.

Test controls: GET /_count answers the request counts as JSON; POST /_mode?ecs=M&imds=M sets how
each endpoint answers: ok, fail (HTTP 500), garbage (200 with a body lacking AccessKeyId but
holding a secret) or hang (answers after 60 seconds: far past any client deadline, even one
that a busy test runner is slow to act on).

Prints `PORT n` on the first line of stdout once it listens on 127.0.0.1. Standard library only.
"""

import argparse
import datetime
import json
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

ROLE = "sluice-test-role"
CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/"
# What the garbage and fail modes put in their bodies; tests check no error message quotes them.
LEAKED_SECRET = "LEAKED-SECRET-IN-BODY"


class State:
    def __init__(self, lifetime, ecs_token):
        self.lock = threading.Lock()
        self.lifetime = lifetime
        self.ecs_token = ecs_token
        self.counts = {"ecs": 0, "imds_token": 0, "imds_role": 0, "imds_credentials": 0, "rejected": 0}
        self.modes = {"ecs": "ok", "imds": "ok"}
        self.tokens = set()
        self.issued = 0

    def count(self, name):
        with self.lock:
            self.counts[name] += 1

    def new_credentials(self, code=None):
        with self.lock:
            self.issued += 1
            n = self.issued
        expiration = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=self.lifetime)
        document = {
            "AccessKeyId": "ASIAFAKE%08d" % n,
            "SecretAccessKey": "fake-secret-%d-%s" % (n, uuid.uuid4().hex),
            "Token": "fake-session-token-%d-%s" % (n, uuid.uuid4().hex),
            "Expiration": expiration.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        if code is not None:
            document = {"Code": code, "LastUpdated": document["Expiration"], "Type": "AWS-HMAC", **document}
        return document


class Handler(BaseHTTPRequestHandler):
    state = None  # set in main

    def log_message(self, format, *args):
        pass  # keep the test output clean

    def answer(self, status, body, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def reject(self, status):
        self.state.count("rejected")
        self.answer(status, "")

    def credentials_in_mode(self, endpoint, code=None):
        """Answers a credentials request the way the endpoint's mode says."""
        mode = self.state.modes[endpoint]
        if mode == "hang":
            time.sleep(60)
        if mode == "fail":
            return self.answer(500, json.dumps({"message": "broken", "SecretAccessKey": LEAKED_SECRET}))
        if mode == "garbage":
            return self.answer(200, json.dumps({"SecretAccessKey": LEAKED_SECRET, "Token": LEAKED_SECRET}))
        self.answer(200, json.dumps(self.state.new_credentials(code)))

    def token_valid(self):
        return self.headers.get("X-aws-ec2-metadata-token") in self.state.tokens

    def do_PUT(self):
        if self.path != "/latest/api/token":
            return self.reject(404)
        if self.headers.get("X-aws-ec2-metadata-token-ttl-seconds") is None:
            return self.reject(400)
        self.state.count("imds_token")
        token = "imds-token-" + uuid.uuid4().hex
        with self.state.lock:
            self.state.tokens.add(token)
        self.answer(200, token, "text/plain")

    def do_GET(self):
        path = urlparse(self.path).path
        if path == "/_count":
            with self.state.lock:
                return self.answer(200, json.dumps(self.state.counts))
        if path.startswith("/ecs/"):
            if self.state.ecs_token is not None and self.headers.get("Authorization") != self.state.ecs_token:
                return self.reject(401)
            self.state.count("ecs")
            return self.credentials_in_mode("ecs")
        if path == CREDENTIALS_PATH:
            if not self.token_valid():
                return self.reject(401)
            self.state.count("imds_role")
            return self.answer(200, ROLE + "\n", "text/plain")
        if path == CREDENTIALS_PATH + ROLE:
            if not self.token_valid():
                return self.reject(401)
            self.state.count("imds_credentials")
            return self.credentials_in_mode("imds", code="Success")
        self.reject(404)

    def do_POST(self):
        url = urlparse(self.path)
        if url.path != "/_mode":
            return self.reject(404)
        for endpoint, values in parse_qs(url.query).items():
            if endpoint in self.state.modes:
                self.state.modes[endpoint] = values[-1]
        self.answer(200, json.dumps(self.state.modes))


def main():
    # The test process may start us with every signal blocked (it spawns from a thread that blocks
    # them); without this, the SIGTERM that stops us would wait forever.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lifetime", type=int, default=3, help="seconds until issued credentials expire")
    parser.add_argument("--ecs-token", help="the Authorization header the ECS endpoint requires")
    arguments = parser.parse_args()
    Handler.state = State(arguments.lifetime, arguments.ecs_token)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
