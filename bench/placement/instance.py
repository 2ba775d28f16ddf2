"""Reads an instance exported by `enroll-bench placement --export DIR` and writes matchings.

students.csv (student,tie_rank), schools.csv (school,capacity),
choices.csv (student,rank,school,tier; rows grouped by student, ranks ascending),
matching-*.csv (student,school; empty school for none).
"""
import os


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            yield line.rstrip("\n").split(",")


def load(folder):
    """Returns (capacities, tie_ranks, offsets, schools, tiers) with flat choice lists:
    the choices of student i are schools[offsets[i]:offsets[i + 1]], best first."""
    capacities = [int(c) for _, c in read_rows(os.path.join(folder, "schools.csv"))]
    tie_ranks = [int(r) for _, r in read_rows(os.path.join(folder, "students.csv"))]
    n = len(tie_ranks)
    counts = [0] * n
    schools, tiers = [], []
    for student, _, school, tier in read_rows(os.path.join(folder, "choices.csv")):
        counts[int(student)] += 1
        schools.append(int(school))
        tiers.append(int(tier))
    offsets = [0] * (n + 1)
    for i in range(n):
        offsets[i + 1] = offsets[i] + counts[i]
    return capacities, tie_ranks, offsets, schools, tiers


def load_matching(path):
    return [int(s) if s else None for _, s in read_rows(path)]


def write_matching(path, assignment):
    with open(path, "w", encoding="utf-8") as f:
        f.write("student,school\n")
        for i, s in enumerate(assignment):
            f.write(f"{i},{'' if s is None else s}\n")
