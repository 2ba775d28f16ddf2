#!/usr/bin/env python3
"""Recompute every published lottery number of an enroll run, without enroll.

Usage: recompute-lottery.py RUN
Reads RUN/manifest.json (the seed, and each step's draw) and every CSV output of the run that
has student_id and lottery_number columns (lottery-numbers.csv, placements.csv). Each number
must be SHA-256("enroll-lottery/1" LF seed LF draw LF key), where seed is the run's, or a second
round's own (its step's option round_seed), and key is the row's twin_group
when that column is present and filled, else its student_id (docs/LOTTERY.md, section 1);
rows with no lottery_number are skipped. A placement drawn by a ring draw (the step's options
ring_start s and ring_interval k) numbers its applicants 1..n in student_id order and takes them
by the rule of section 7; each number must be the applicant's position in that order, as 64 hex
digits. A school drawn by a ring of its own (the step's option ring_schools: school_id -> start,
interval) numbers the applicants whose list holds it (its rows of ranks.csv) 1..n in student_id
order; each of those rows' lottery_number must be the applicant's position in the school's ring.
Prints "ok N numbers" and exits 0, or prints the first mismatch and exits 1.
"""
import csv
import hashlib
import json
import os
import sys


def number(seed, draw, key):
    return hashlib.sha256(f"enroll-lottery/1\n{seed}\n{draw}\n{key}".encode()).hexdigest()


def ring_positions(n, start, interval):
    """Position (1 = taken first) of each number 1..n in the ring's order (docs/LOTTERY.md,
    section 7), by a Fenwick tree of the numbers not yet taken: O(n log n)."""
    tree = [0] * (n + 1)
    for i in range(1, n + 1):
        tree[i] = i & -i

    def remove(p):
        while p <= n:
            tree[p] -= 1
            p += p & -p

    def untaken_up_to(p):
        total = 0
        while p > 0:
            total += tree[p]
            p -= p & -p
        return total

    def untaken_at(index):  # the untaken number with `index` untaken numbers below it
        position, left, step = 0, index + 1, 1 << (n.bit_length() - 1)
        while step:
            if position + step <= n and tree[position + step] < left:
                position += step
                left -= tree[position]
            step >>= 1
        return position + 1

    positions = [0] * (n + 1)
    last, remaining = start, n - 1
    positions[start] = 1
    remove(start)
    for taken in range(2, n + 1):
        last = untaken_at((untaken_up_to(last) + (interval - 1) % remaining) % remaining)
        positions[last] = taken
        remove(last)
        remaining -= 1
    return positions


def check_ring(run, name, options):
    """Checks a ring-drawn placements.csv; returns the numbers checked, or None on a mismatch."""
    with open(os.path.join(run, name), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    ids = sorted(row["student_id"] for row in rows)
    positions = ring_positions(len(ids), options["ring_start"], options["ring_interval"])
    roster = {student: k + 1 for k, student in enumerate(ids)}
    for line, row in enumerate(rows, start=2):
        expected = format(positions[roster[row["student_id"]]], "064x")
        if row["lottery_number"] != expected:
            print(f"{name}:{line}: {row['student_id']}: published {row['lottery_number']}, ring position {expected}")
            return None
    return len(rows)


def check_school_rings(run, name, rings):
    """Checks the ranks.csv rows at schools drawn by rings of their own; returns the numbers
    checked, or None on a mismatch."""
    with open(os.path.join(run, name), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    checked = 0
    for school, draw in sorted(rings.items()):
        at = sorted((row["student_id"], line) for line, row in enumerate(rows, start=2) if row["school_id"] == school)
        positions = ring_positions(len(at), draw["start"], draw["interval"]) if at else []
        for number, (student, line) in enumerate(at, start=1):
            expected = format(positions[number], "064x")
            if rows[line - 2]["lottery_number"] != expected:
                print(f"{name}:{line}: {student} at {school}: published {rows[line - 2]['lottery_number']}, ring position {expected}")
                return None
            checked += 1
    return checked


def main(run):
    with open(os.path.join(run, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    seed, checked = manifest["seed"], 0
    for step in manifest["steps"]:
        only_draw = step["draws"][0] if len(step["draws"]) == 1 else None
        options = step.get("options", {})
        step_seed = options.get("round_seed", seed)
        for output in step["outputs"]:
            name = output["file"]
            if "ring_schools" in options and os.path.basename(name) == "ranks.csv":
                ring_checked = check_school_rings(run, name, options["ring_schools"])
                if ring_checked is None:
                    return 1
                checked += ring_checked
                continue
            if os.path.basename(name) not in ("lottery-numbers.csv", "placements.csv"):
                continue
            if "ring_start" in options and os.path.basename(name) == "placements.csv":
                ring_checked = check_ring(run, name, options)
                if ring_checked is None:
                    return 1
                checked += ring_checked
                continue
            with open(os.path.join(run, name), encoding="utf-8-sig", newline="") as f:
                rows = csv.DictReader(f)
                if not {"student_id", "lottery_number"} <= set(rows.fieldnames or []):
                    continue
                for row in rows:
                    if not row["lottery_number"]:
                        continue
                    draw = row.get("draw") or only_draw
                    if draw is None:
                        print(f"{name}:{rows.line_num}: no draw column, and the step used {len(step['draws'])} draws")
                        return 1
                    key = row.get("twin_group") or row["student_id"]
                    expected = number(step_seed, draw, key)
                    if row["lottery_number"] != expected:
                        print(f"{name}:{rows.line_num}: {row['student_id']}: published {row['lottery_number']}, "
                              f"recomputed {expected}")
                        return 1
                    checked += 1
    print(f"ok {checked} numbers")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
