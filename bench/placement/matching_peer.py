#!/usr/bin/env python3
"""The same instance solved by the `matching` package (HospitalResident, resident-optimal).

usage: matching_peer.py DIR
Each school ranks exactly the students who listed it, by (tier, tie_rank); schools without
seats are left out (nobody can be placed there). Writes DIR/matching-matching.csv and prints
the times of create_from_dictionaries and of solve. The package deep-copies its object graph
recursively, so this runs in a thread with a large stack and a raised recursion limit.
"""
import os
import sys
import threading
import time
import warnings

from matching.games import HospitalResident

from instance import load, write_matching


def main():
    folder = sys.argv[1]
    capacities, tie_ranks, offsets, schools, tiers = load(folder)
    n = len(tie_ranks)
    open_schools = {s for s, c in enumerate(capacities) if c > 0}
    resident_prefs, applicants = {}, {s: [] for s in open_schools}
    for i in range(n):
        listed = [c for c in range(offsets[i], offsets[i + 1]) if schools[c] in open_schools]
        if listed:
            resident_prefs[i] = [schools[c] for c in listed]
            for c in listed:
                applicants[schools[c]].append(((tiers[c], tie_ranks[i]), i))
    hospital_prefs = {s: [i for _, i in sorted(a)] for s, a in applicants.items() if a}
    hospital_capacities = {s: capacities[s] for s in hospital_prefs}
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, hospital_capacities)
        created = time.perf_counter()
        solution = game.solve(optimal="resident")
    solved = time.perf_counter()
    print(f"matching (HospitalResident) deferred-acceptance: solve {(solved - created) * 1000:.0f} ms, "
          f"create_from_dictionaries {(created - start) * 1000:.0f} ms (1 run)")
    assignment = [None] * n
    for hospital, residents in solution.items():
        for r in residents:
            assignment[r.name] = hospital.name
    write_matching(os.path.join(folder, "matching-matching.csv"), assignment)


if __name__ == "__main__":
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
