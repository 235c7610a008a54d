"""Servers that fail for real, on local ports: one that refuses, one that never answers."""

import socket
import threading
from contextlib import contextmanager


def closed_port():
    """A local port nothing listens on: connections to it are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SilentServer:
    """Accepts connections and never answers, like a paused or overloaded server; counts
    the connections clients made, so tests see whether a client came back."""

    def __init__(self):
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.port = self._socket.getsockname()[1]
        self._accepted = []
        self._probes = set()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while True:
            try:
                connection, address = self._socket.accept()
            except OSError:  # stop()
                return
            with self._changed:
                self._accepted.append((connection, address))
                self._changed.notify_all()

    def connections(self):
        """How many connections clients made so far. Connections are accepted in the
        order they were made: once a probe made now is accepted, every earlier one is."""
        with socket.create_connection(("127.0.0.1", self.port)) as probe:
            address = probe.getsockname()
            self._probes.add(address)
            with self._changed:
                self._changed.wait_for(
                    lambda: any(seen == address for _c, seen in self._accepted), timeout=10
                )
        return sum(1 for _c, seen in self._accepted if seen not in self._probes)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._socket.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self._socket.close()
        self._thread.join()
        for connection, _address in self._accepted:
            connection.close()


@contextmanager
def silent_server():
    server = SilentServer().start()
    try:
        yield server
    finally:
        server.stop()


class RecordingServer:
    """A local HTTP endpoint answering 200 to every POST (or PURGE) and keeping what it
    received (method, path, headers, body): a stand-in for a provider's API or a front
    cache, on a real socket."""

    def __init__(self, status=200):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                received.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": self.rfile.read(length),
                    }
                )
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            # A front cache's purge (Varnish, nginx's purge module): recorded the same way.
            do_PURGE = do_POST

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/messages"


@contextmanager
def recording_server(status=200):
    server = RecordingServer(status)
    server._thread.start()
    try:
        yield server
    finally:
        server._server.shutdown()
        server._server.server_close()
