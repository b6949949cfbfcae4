#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The language server under hostile clients: a client that
disappears mid-message, 10,000 changes in a burst, 1,000 open documents and
a 100 MB Content-Length. Each case checks that the server answers a request
afterwards (responsive), that its peak RSS (VmHWM) stays under a bound (memory), and
that it exits by itself, without a signal, once stdin closes.
Usage: lsp_stress.py PATH/TO/modelfile-lsp"""
import json, os, subprocess, sys, threading, time

LSP = sys.argv[1]
RSS_LIMIT_MB = 256
# Under AddressSanitizer freed memory is held in a quarantine (256 MB unless
# ASAN_OPTIONS says otherwise) to catch use after free: the bound is for the
# server's own memory, so an instrumented server gets the quarantine on top.
with open(LSP, "rb") as _f:
    if b"__asan_init" in _f.read():
        _q = 256
        for _o in os.environ.get("ASAN_OPTIONS", "").split(":"):
            if _o.startswith("quarantine_size_mb="):
                _q = max(0, int(_o.split("=", 1)[1]))
        RSS_LIMIT_MB += _q
failures = []


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def req(i, method, params=None):
    return frame({"jsonrpc": "2.0", "id": i, "method": method, "params": params or {}})


def note(method, params=None):
    return frame({"jsonrpc": "2.0", "method": method, "params": params or {}})


INIT = req(1, "initialize", {"capabilities": {"textDocument": {"diagnostic": {}}}}) + note("initialized")


class Server:
    def __init__(self):
        env = dict(os.environ, MODELFILE_LSP_DEBOUNCE_MS="50")
        self.p = subprocess.Popen([LSP], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env=env)
        self.out = b""
        self.peak = 0
        self.done = False
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._watch, daemon=True).start()

    def _read(self):
        while True:
            b = self.p.stdout.read1(65536)
            if not b:
                break
            self.out += b

    def sample(self):
        try:
            with open("/proc/%d/status" % self.p.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):  # the high-water mark
                        self.peak = max(self.peak, int(line.split()[1]) // 1024)
        except (OSError, ValueError, IndexError):
            return False
        return True

    def _watch(self):
        while self.p.poll() is None and self.sample():
            time.sleep(0.02)

    def send(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def wait_for(self, needle, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            if needle in self.out:
                return True
            time.sleep(0.01)
        return False

    def close(self, timeout=20):
        self.sample()
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return None


def check(name, srv, answered, rc):
    ok = True
    why = []
    if not answered:
        ok = False
        why.append("no answer to the probe request")
    if srv.peak > RSS_LIMIT_MB:
        ok = False
        why.append("peak RSS (VmHWM) %d MB" % srv.peak)
    if rc is None or rc < 0:
        ok = False
        why.append("did not exit cleanly on EOF (rc %s)" % rc)
    line = "%s: %s (answered %s, peak RSS %d MB, exit %s)" % (
        "ok" if ok else "FAIL", name, answered, srv.peak, rc)
    print(line + ("" if ok else ": " + "; ".join(why)))
    if not ok:
        failures.append(name)


def probe(srv, i):
    srv.send(req(i, "textDocument/documentSymbol", {"textDocument": {"uri": "file:///s/0"}}))
    return srv.wait_for(b'"id":%d' % i) or srv.wait_for(b'"id": %d' % i, 1)


def open_doc(uri, text):
    return note("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "modelfile", "version": 1, "text": text}})


DOC = "FROM llama3.2\nPARAMETER num_ctx 4096\nSYSTEM You are terse.\n"

# 1. A client that disappears in the middle of a message.
s = Server()
s.send(INIT + open_doc("file:///s/0", DOC))
s.send(b"Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":9,\"meth")
answered = s.wait_for(b'"id":1')
check("client disappears mid-message", s, answered, s.close())

# 2. 10,000 changes in a burst, then a request.
s = Server()
s.send(INIT + open_doc("file:///s/0", DOC))
burst = b"".join(note("textDocument/didChange", {
    "textDocument": {"uri": "file:///s/0", "version": v + 2},
    "contentChanges": [{"range": {"start": {"line": 2, "character": 7},
                                  "end": {"line": 2, "character": 7}}, "text": "x"}]})
    for v in range(10000))
t0 = time.time()
s.send(burst)
answered = probe(s, 2)
print("   10,000 changes + request answered in %.2f s" % (time.time() - t0))
check("10,000 changes in a burst", s, answered, s.close())

# 3. 1,000 open documents.
s = Server()
s.send(INIT + b"".join(open_doc("file:///s/%d" % i, DOC + "# doc %d\n" % i) for i in range(1000)))
answered = probe(s, 3)
check("1,000 open documents", s, answered, s.close())

# 4. A 100 MB Content-Length: the body is skipped, never buffered.
s = Server()
s.send(INIT + open_doc("file:///s/0", DOC))
s.send(b"Content-Length: 104857600\r\n\r\n")
chunk = b"x" * (1 << 20)
for _ in range(100):
    s.send(chunk)
answered = probe(s, 4)
check("100 MB Content-Length", s, answered, s.close())

# 5. A Content-Length that never arrives: EOF ends the server.
s = Server()
s.send(INIT + b"Content-Length: 104857600\r\n\r\n" + b"x" * 1000)
answered = s.wait_for(b'"id":1')
check("EOF inside a 100 MB body", s, answered, s.close())

print("lsp_stress: %d failed" % len(failures))
sys.exit(1 if failures else 0)
