#!/usr/bin/env python3
"""Student-proposing deferred acceptance in plain Python (heapq), the peer of the Swift engine.

usage: da.py DIR [--runs R]
Reads the instance exported by `enroll-bench placement --export DIR`, runs the same procedure
as Sources/Enrollment/Placement/DeferredAcceptance.swift in its plain form (a binary max-heap
per school of keys tier << 32 | tie_rank, by heapq on negated keys; a refused student applies
again at once), writes DIR/matching-python.csv and prints the median time of R runs (loading
excluded).
"""
import heapq
import os
import statistics
import sys
import time

from instance import load, write_matching


def deferred_acceptance(capacities, tie_ranks, offsets, schools, tiers):
    n = len(tie_ranks)
    student_of_rank = [0] * n
    for i, r in enumerate(tie_ranks):
        student_of_rank[r] = i
    held = [[] for _ in capacities]  # max-heaps by negated key
    nxt = offsets[:-1]
    heappush, heapreplace = heapq.heappush, heapq.heapreplace
    for first in range(n):
        i = first
        while True:
            c = nxt[i]
            if c == offsets[i + 1]:
                break
            nxt[i] = c + 1
            s = schools[c]
            key = (tiers[c] << 32) | tie_ranks[i]
            h = held[s]
            if len(h) < capacities[s]:
                heappush(h, -key)
                break
            if h and key < -h[0]:
                refused = -heapreplace(h, -key)
                i = student_of_rank[refused & 0xFFFFFFFF]
    assignment = [None] * n
    for s, h in enumerate(held):
        for k in h:
            assignment[student_of_rank[(-k) & 0xFFFFFFFF]] = s
    return assignment


def main():
    folder = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1
    start = time.perf_counter()
    instance = load(folder)
    print(f"python-heap: loaded {len(instance[1])} students in {time.perf_counter() - start:.1f} s")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        assignment = deferred_acceptance(*instance)
        times.append(time.perf_counter() - start)
    print(f"python-heap deferred-acceptance: median {statistics.median(times) * 1000:.0f} ms of {runs} runs")
    write_matching(os.path.join(folder, "matching-python.csv"), assignment)


if __name__ == "__main__":
    main()
