#!/usr/bin/env python3
"""Load driver of the two-node test (scripts/test-postgres.sh): spreads claim previews and claim reads
over two nodes, alternating, from THREADS threads with keep-alive connections, paced to RATE requests a
second in all (a thread that falls behind catches up without sleeping), until STOP_FILE exists; then writes a
JSON summary (requests and failures per node, per second, the first failures).

  two-nodes-load.py BASE_A BASE_B TOKEN PREVIEW_FILE STOP_FILE OUT_FILE [THREADS] [RATE]

A node that does not answer (killed) counts as a failure of that node; the test requires none on B.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

base_a, base_b, token, preview_file, stop_file, out_file = sys.argv[1:7]
threads = int(sys.argv[7]) if len(sys.argv) > 7 else 12
rate = float(sys.argv[8]) if len(sys.argv) > 8 else 250.0
interval = threads / rate
preview = open(preview_file, 'rb').read()
nodes = {'A': urllib.parse.urlparse(base_a), 'B': urllib.parse.urlparse(base_b)}
lock = threading.Lock()
stats = {n: {'ok': 0, 'failed': 0, 'errors': []} for n in nodes}
per_second = {}
started = time.time()


def record(node, ok, error=None):
    second = int(time.time() - started)
    with lock:
        s = stats[node]
        bucket = per_second.setdefault(second, {'A': [0, 0], 'B': [0, 0]})
        if ok:
            s['ok'] += 1
            bucket[node][0] += 1
        else:
            s['failed'] += 1
            bucket[node][1] += 1
            if len(s['errors']) < 20:
                s['errors'].append('%.1f s: %s' % (time.time() - started, error))


def worker(index):
    connections = {}
    i = index
    due = time.time() + index * interval / threads
    while not os.path.exists(stop_file):
        wait = due - time.time()
        if wait > 0:
            time.sleep(wait)
        due = max(due + interval, time.time() - 1.0)
        node = 'A' if i % 2 == 0 else 'B'
        read = (i // 2) % 2 == 1
        i += 1
        url = nodes[node]
        try:
            c = connections.get(node)
            if c is None:
                c = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
                connections[node] = c
            headers = {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}
            if read:
                c.request('GET', '/api/v1/claims?limit=20', headers=headers)
            else:
                headers['Content-Type'] = 'application/json'
                c.request('POST', '/api/v1/claims/preview', body=preview, headers=headers)
            r = c.getresponse()
            body = r.read()
            if r.status == 200:
                record(node, True)
            else:
                record(node, False, '%s %d %s' % ('GET claims' if read else 'POST preview', r.status, body[:200]))
        except Exception as e:  # a dead node: connection refused or reset
            connections.pop(node, None)
            record(node, False, '%s %s' % ('GET claims' if read else 'POST preview', repr(e)[:200]))
            time.sleep(0.02)


workers = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = time.time() - started
total = sum(s['ok'] + s['failed'] for s in stats.values())
json.dump({'seconds': round(elapsed, 1), 'requests': total, 'perSecond': round(total / elapsed, 1),
           'nodes': stats, 'timeline': per_second}, open(out_file, 'w'), indent=1)
