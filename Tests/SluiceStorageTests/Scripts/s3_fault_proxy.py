"""An HTTP/1.1 forwarding proxy that injects S3 faults, for the object-store retry tests.

Usage: s3_fault_proxy.py --upstream HOST:PORT [--port N] [--match-method M] [--match-path REGEX]
                         [--fail-status 503 --fail-count N] [--reset-count N] [--log FILE]

Listens on 127.0.0.1 (port 0 by default: a free one) and prints `PORT <n>` as its first stdout line.
Each request is forwarded unchanged (request line, every header including Host, which the client
signed, and the body), on one upstream connection per client connection, so keep-alive works both
ways. Bodies stream through in both directions; request bodies may have a Content-Length or be
chunked, responses may also end at connection close.

Requests that match (--match-method, if given, equals the method; --match-path, if given, is
found in the request target) are tampered with, in this order:
- the first --reset-count of them: after their headers are read, the connection is closed abruptly
  (SO_LINGER 0, so the client sees a TCP reset) and nothing reaches the upstream;
- the next --fail-count of them: answered with --fail-status and an S3 XML error body (SlowDown
  for 503, InternalError for 500) without reaching the upstream.
Every other request is forwarded.

Each request writes a JSON line to --log (stderr if absent):
{"n": 1, "method": "GET", "path": "/bucket/key", "action": "forwarded", "status": 200}
with action one of forwarded, injected, reset; status is null for reset and when the upstream
connection failed.
"""
import argparse
import json
import re
import signal
import socket
import socketserver
import struct
import sys
import threading

CHUNK = 256 * 1024
ERROR_CODES = {500: "InternalError", 503: "SlowDown"}
REASONS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


class Faults:
    """The tampering budget, shared by all connections, and the request log."""

    def __init__(self, args):
        self.method = args.match_method.upper() if args.match_method else None
        self.path = re.compile(args.match_path) if args.match_path else None
        self.resets = args.reset_count
        self.failures = args.fail_count
        self.status = args.fail_status
        self.count = 0
        self.lock = threading.Lock()
        self.log = open(args.log, "a", buffering=1) if args.log else sys.stderr

    def decide(self, method, path):
        """Returns the request number and the action: "reset", "injected" or "forwarded"."""
        with self.lock:
            self.count += 1
            matches = (self.method is None or method == self.method) and (
                self.path is None or self.path.search(path) is not None)
            if matches and self.resets > 0:
                self.resets -= 1
                return self.count, "reset"
            if matches and self.failures > 0:
                self.failures -= 1
                return self.count, "injected"
            return self.count, "forwarded"

    def record(self, n, method, path, action, status):
        line = json.dumps({"n": n, "method": method, "path": path, "action": action, "status": status})
        with self.lock:
            self.log.write(line + "\n")
            self.log.flush()


class Head:
    """A request or response head: its raw bytes (forwarded as read) and the parsed fields."""

    def __init__(self, raw, first, headers):
        self.raw, self.first, self.headers = raw, first, headers

    def header(self, name):
        return self.headers.get(name.lower())

    def content_length(self):
        value = self.header("content-length")
        return int(value) if value is not None else None

    def chunked(self):
        return "chunked" in (self.header("transfer-encoding") or "").lower()


def read_head(reader):
    """Reads lines up to the blank line; None at a clean end of stream before any byte."""
    lines = []
    while True:
        line = reader.readline(65536)
        if not line:
            if lines:
                raise ConnectionError("stream ended inside a message head")
            return None
        lines.append(line)
        if line in (b"\r\n", b"\n"):
            break
    headers = {}
    for line in lines[1:-1]:
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return Head(b"".join(lines), lines[0].decode("latin-1").rstrip("\r\n"), headers)


def copy_exact(reader, sink, size):
    """Copies exactly size bytes from reader to sink (a socket or None to discard)."""
    while size > 0:
        data = reader.read1(min(CHUNK, size))
        if not data:
            raise ConnectionError("stream ended inside a body")
        if sink is not None:
            sink.sendall(data)
        size -= len(data)


def copy_chunked(reader, sink):
    """Copies a chunked body, framing included, up to and including its trailer."""
    while True:
        line = reader.readline(65536)
        if not line:
            raise ConnectionError("stream ended inside a chunked body")
        if sink is not None:
            sink.sendall(line)
        size = int(line.split(b";")[0].strip(), 16)
        if size == 0:
            break
        copy_exact(reader, sink, size + 2)  # the chunk and its CRLF
    while True:  # trailer fields, then the blank line
        line = reader.readline(65536)
        if not line:
            raise ConnectionError("stream ended inside a chunked trailer")
        if sink is not None:
            sink.sendall(line)
        if line in (b"\r\n", b"\n"):
            return


def copy_request_body(head, reader, sink):
    if head.chunked():
        copy_chunked(reader, sink)
    else:
        copy_exact(reader, sink, head.content_length() or 0)


def copy_response_body(method, head, reader, sink):
    """Copies the body of a final response; returns False when it ended with the connection."""
    status = int(head.first.split()[1])
    if method == "HEAD" or status in (204, 304):
        return True
    if head.chunked():
        copy_chunked(reader, sink)
        return True
    length = head.content_length()
    if length is not None:
        copy_exact(reader, sink, length)
        return True
    while data := reader.read1(CHUNK):
        sink.sendall(data)
    return False


def error_response(status, close):
    code = ERROR_CODES.get(status, "InjectedFault")
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>injected</Message></Error>'
    head = (f"HTTP/1.1 {status} {REASONS.get(status, 'Injected')}\r\nContent-Type: application/xml\r\n"
            f"Content-Length: {len(body)}\r\nx-amz-request-id: fault-proxy\r\n"
            f"Connection: {'close' if close else 'keep-alive'}\r\n\r\n")
    return (head + body).encode()


class Handler(socketserver.BaseRequestHandler):
    """One client connection: requests in order, each tampered with or forwarded."""

    def handle(self):
        faults, upstream_address = self.server.faults, self.server.upstream
        client = self.request
        reader = client.makefile("rb")
        upstream = upstream_reader = None
        try:
            while True:
                head = read_head(reader)
                if head is None:
                    return
                method, path = head.first.split()[0], head.first.split()[1]
                n, action = faults.decide(method, path)
                if action == "reset":
                    faults.record(n, method, path, action, None)
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    # Closed here, not by socketserver, whose shutdown(SHUT_WR) would send a FIN
                    # before the reset.
                    reader.close()
                    client.close()
                    return
                if action == "injected":
                    # A client that sent Expect: 100-continue may or may not send the body now
                    # that it has a final answer, so the connection cannot be reused after it.
                    expects = (head.header("expect") or "").lower() == "100-continue"
                    if not expects:
                        copy_request_body(head, reader, None)
                    client.sendall(error_response(faults.status, close=expects))
                    faults.record(n, method, path, action, faults.status)
                    if expects:
                        return
                    continue
                if upstream is None:
                    try:
                        upstream = socket.create_connection(upstream_address)
                    except OSError:
                        client.sendall(error_response(502, close=True))
                        faults.record(n, method, path, action, None)
                        return
                    upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    upstream_reader = upstream.makefile("rb")
                status, reusable = self.forward(head, method, reader, client, upstream, upstream_reader)
                faults.record(n, method, path, action, status)
                if not reusable:
                    return
        except (ConnectionError, OSError, ValueError):
            return
        finally:
            if upstream is not None:
                upstream.close()

    @staticmethod
    def forward(head, method, reader, client, upstream, upstream_reader):
        """Forwards one request and its answer; returns the final status and whether both
        connections may carry another request."""
        upstream.sendall(head.raw)
        # The body goes up while the answer comes down, so a 100 Continue (or an early final
        # answer) reaches the client while it waits to send the body.
        body_sent = threading.Event()
        body_failed = []

        def send_body():
            try:
                copy_request_body(head, reader, upstream)
            except (ConnectionError, OSError, ValueError) as error:
                body_failed.append(error)
            body_sent.set()

        pump = threading.Thread(target=send_body, daemon=True)
        pump.start()
        while True:
            answer = read_head(upstream_reader)
            if answer is None:
                raise ConnectionError("upstream closed before answering")
            client.sendall(answer.raw)
            status = int(answer.first.split()[1])
            if status >= 200 or status == 101:
                break
        complete = copy_response_body(method, answer, upstream_reader, client)
        closing = "close" in (answer.header("connection") or "").lower()
        # An answer that came before the whole body was sent leaves the body's fate unknown: the
        # connection cannot be reused.
        body_done = body_sent.wait(timeout=0 if not complete else 5)
        return status, complete and not closing and body_done and not body_failed


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    # The test process may start us with every signal blocked; SIGTERM must end us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser(description="HTTP/1.1 forwarding proxy that injects S3 faults.")
    parser.add_argument("--upstream", required=True, help="HOST:PORT to forward to")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    parser.add_argument("--match-method", help="tamper only with requests of this method")
    parser.add_argument("--match-path", help="tamper only with requests whose target has this regex")
    parser.add_argument("--fail-status", type=int, default=503, help="status of injected answers")
    parser.add_argument("--fail-count", type=int, default=0, help="matching requests to answer with --fail-status")
    parser.add_argument("--reset-count", type=int, default=0, help="matching requests to reset")
    parser.add_argument("--log", help="file for the JSON request log (default: stderr)")
    args = parser.parse_args()
    host, _, port = args.upstream.rpartition(":")
    server = Server(("127.0.0.1", args.port), Handler)
    server.faults = Faults(args)
    server.upstream = (host, int(port))
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
