#!/usr/bin/env python3
"""Resident memory of a running `mizon serve` under bursts of password checks.

Not part of the test suite (figures depend on the machine): run by hand
against a release build started with --trust-proxy on loopback, e.g.

    target/release/mizon serve --addr 127.0.0.1:3999 --trust-proxy \
        --database-url sqlite:///tmp/mizon-load/db.sqlite &
    python3 server/tests/load/password_burst.py 3999 $!

It prints VmRSS (from /proc/PID/status) idle, the peak while 64 parallel
sign-ins with unknown usernames run, the peak while 320 more run 32 at a
time, and 60 s after the last one. Each request comes from its own
X-Forwarded-For address and name, so that the sign-in throttle lets every
one through to a password check.
"""

import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

PORT, PID = int(sys.argv[1]), int(sys.argv[2])
URL = f"http://127.0.0.1:{PORT}/api/sign_in"


def rss_mb():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Peak:
    def __init__(self):
        self.peak, self.stop = 0.0, False

    def run(self):
        while not self.stop:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.01)


def sign_in(i):
    body = urllib.parse.urlencode(
        {"username": f"nobody-{i}", "password": "wrong password here"}
    ).encode()
    request = urllib.request.Request(URL, data=body, method="POST")
    request.add_header("content-type", "application/x-www-form-urlencoded")
    request.add_header("x-forwarded-for", f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}")
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception as e:  # a refused or dropped connection
        return type(e).__name__


def burst(label, total, parallel, first):
    peak = Peak()
    sampler = threading.Thread(target=peak.run)
    sampler.start()
    started = time.time()
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        statuses = Counter(pool.map(sign_in, range(first, first + total)))
    took = time.time() - started
    time.sleep(0.5)
    peak.stop = True
    sampler.join()
    print(f"{label}: peak {peak.peak:.0f} MB, {total} checks ({parallel} at a time) "
          f"in {took:.1f} s, answers {dict(statuses)}")


time.sleep(5)
print(f"idle: {rss_mb():.0f} MB")
burst("burst of 64 parallel", 64, 64, 0)
print(f"just after: {rss_mb():.0f} MB")
burst("320, 32 at a time", 320, 32, 1000)
for wait in (10, 30, 60):
    time.sleep(wait - (10 if wait == 30 else 30 if wait == 60 else 0))
    print(f"+{wait} s: {rss_mb():.0f} MB")
