#!/usr/bin/env python3
"""usage: compare.py A.csv B.csv — exits 1 unless both matchings place every student alike."""
import sys

from instance import load_matching

a, b = load_matching(sys.argv[1]), load_matching(sys.argv[2])
differing = sum(1 for x, y in zip(a, b) if x != y) + abs(len(a) - len(b))
print(f"{sys.argv[1]} vs {sys.argv[2]}: {differing} students placed differently")
sys.exit(0 if differing == 0 else 1)
