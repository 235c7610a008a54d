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
