"""What the Python benches share: sluice nodes started from the build tree on loopback, a small
upstream, free ports and percentiles."""
import http.client
import os
import socket
import subprocess
import time
from http.server import BaseHTTPRequestHandler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BUILD_DIR", os.path.join(ROOT, "build"))
# SLUICE_TEST_BINARY: another build's gateway (the test suite's sanitizer pass).
SLUICE = os.environ.get("SLUICE_TEST_BINARY") or os.path.join(BUILD, "server", "sluice")
FIXTURE = os.path.join(ROOT, "tests", "support", "postgres_fixture.sh")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Upstream(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


class Node:
    def __init__(self, work, name, pg_port, extra=None):
        self.admin = free_port()
        self.proxy = free_port()
        self.prefix = os.path.join(work, name)
        os.makedirs(self.prefix)
        self.env = dict(os.environ, SLUICE_DATABASE="postgres", SLUICE_PG_PORT=str(pg_port),
                        SLUICE_PREFIX=self.prefix, SLUICE_ADMIN_LISTEN=f"127.0.0.1:{self.admin}",
                        SLUICE_PROXY_LISTEN=f"127.0.0.1:{self.proxy}", SLUICE_WORKER_PROCESSES="1",
                        SLUICE_LOG_LEVEL=os.environ.get("NODE_LOG_LEVEL", "warn"), **(extra or {}))
        self.process = None

    def run(self, *args):
        subprocess.run([SLUICE, *args], env=self.env, check=True, stdout=subprocess.DEVNULL)

    def start(self):
        self.log = open(os.path.join(self.prefix, "out.log"), "w")
        self.process = subprocess.Popen([SLUICE, "start"], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.admin, timeout=2)
                c.request("GET", "/status")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"node on {self.admin} did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(30)
