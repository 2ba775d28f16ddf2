#!/usr/bin/env python3
"""Recompute every published lottery number of an enroll run, without enroll.

Usage: recompute-lottery.py RUN
Reads RUN/manifest.json (the seed, and each step's draw) and every CSV output of the run that
has student_id and lottery_number columns (lottery-numbers.csv, placements.csv). Each number
must be SHA-256("enroll-lottery/1" LF seed LF draw LF key), where seed is the run's, or a second
round's own (its step's option round_seed), and key is the row's twin_group
when that column is present and filled, else its student_id (docs/LOTTERY.md, section 1);
rows with no lottery_number are skipped.
Prints "ok N numbers" and exits 0, or prints the first mismatch and exits 1.
"""
import csv
import hashlib
import json
import os
import sys


def number(seed, draw, key):
    return hashlib.sha256(f"enroll-lottery/1\n{seed}\n{draw}\n{key}".encode()).hexdigest()


def main(run):
    with open(os.path.join(run, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    seed, checked = manifest["seed"], 0
    for step in manifest["steps"]:
        only_draw = step["draws"][0] if len(step["draws"]) == 1 else None
        step_seed = step.get("options", {}).get("round_seed", seed)
        for output in step["outputs"]:
            name = output["file"]
            if os.path.basename(name) not in ("lottery-numbers.csv", "placements.csv"):
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
