#!/usr/bin/env python3
"""Exact optimum of the class-formation objective by MILP (HiGHS through highspy), beside
enroll's result, for the instances `enroll-bench classes` exports (bench/out/classes/*.json).

Model (docs/CLASSES.md, "Objective" and "Benchmark"): one binary x[u][c] per block u (pupils
that must share a class: together_with and twins) and class c.
  minimise   sum_m w_m sum_c |sum_{u} x[u][c] * D[u][m]|    (w_m = 1 for every measure here)
  where      D[u][m] = sum over the block's pupils of (value - school mean of m), 0 if no value
  subject to each block in exactly one class;
             per class: pupils, boys, girls and each care group within [floor(T/k), ceil(T/k)];
             size <= cap; disabled <= limit; blocks to be apart never in one class;
             symmetry breaking: the u-th block (0-based) only in classes 0..u;
             with whole-number values, |class sum| >= distance of size * mean to a whole number,
             and, per measure, sum_c |class sum| >= the rounding bound (lower_bound below; the
             class sizes are fixed up to order by the balance rows, so it is a valid cut).
The absolute values are linearised with p, n >= 0: sum_u x D - p + n = 0, cost p + n.
enroll's assignment is checked against every constraint and its objective recomputed here by
the same formula. Reported: enroll's objective, HiGHS's best solution and proven lower bound,
whether HiGHS proved its best optimal (status Optimal), and
  gap to optimum = (enroll - optimum) / optimum  where HiGHS proved the optimum;
  gap to bound   = (enroll - bound) / bound      otherwise (an upper limit on the true gap).

With --warm-start the MILP starts from enroll's assignment (its result is then never worse).
With --below X the MILP gets the further row "objective <= X" and reports, per school, whether
HiGHS proved that row infeasible (no assignment reaches X: the optimum is above X, a proven
lower bound stronger than the rounding bound) or found an assignment reaching it.

usage: milp.py [--time-limit SECONDS] [--warm-start | --below X] FILE.json ...
"""
import json
import sys
import time

import highspy
import numpy as np


def blocks_of(inst):
    pupils = inst["pupils"]
    index = {p["id"]: i for i, p in enumerate(pupils)}
    parent = list(range(len(pupils)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    apart = []
    twins = {}
    for i, p in enumerate(pupils):
        for o in p["together_with"]:
            union(i, index[o])
        for o in p["apart_from"]:
            apart.append((i, index[o]))
        if "twin_group" in p:
            twins.setdefault(p["twin_group"], []).append(i)
    for members in twins.values():
        for a in members:
            for b in members:
                if a < b:
                    if inst["twins"] == "together":
                        union(a, b)
                    else:
                        apart.append((a, b))
    roots = sorted({root(i) for i in range(len(pupils))})
    block_index = {r: u for u, r in enumerate(roots)}
    block = [block_index[root(i)] for i in range(len(pupils))]
    apart_blocks = sorted({(min(block[a], block[b]), max(block[a], block[b])) for a, b in apart})
    return block, len(roots), apart_blocks


def deviations(inst):
    pupils = inst["pupils"]
    out = []
    for m in inst["measures"]:
        values = [p.get("score") if m == "score" else p["subjects"].get(m) for p in pupils]
        present = [v for v in values if v is not None]
        mean = sum(present) / len(present)
        out.append([0.0 if v is None else v - mean for v in values])
    return out


def objective(inst, dev, classes):
    k = inst["class_count"]
    total = 0.0
    for d in dev:
        sums = [0.0] * k
        for i, c in enumerate(classes):
            sums[c] += d[i]
        total += sum(abs(s) for s in sums)
    return total


def lower_bound(inst, sizes):
    """Per measure, the least sum over classes of |class sum of deviations| for these class
    sizes when every value is a whole number (docs/CLASSES.md, "Lower bound"), else 0."""
    pupils = inst["pupils"]
    n = len(pupils)
    bounds = []
    for name in inst["measures"]:
        values = [p.get("score") if name == "score" else p["subjects"].get(name) for p in pupils]
        if not all(v is not None and float(v).is_integer() for v in values):
            bounds.append(0.0)
            continue
        total = sum(int(v) for v in values)
        remainders = sorted(((s * total) % n for s in sizes), reverse=True)
        up = sum(remainders) // n
        bounds.append(sum(n - r if i < up else r for i, r in enumerate(remainders)) / n)
    return bounds


def count_rows(inst):
    """(name, 0/1 indicator per pupil) for every count balanced within 1."""
    pupils = inst["pupils"]
    rows = [("pupils", [1] * len(pupils)),
            ("boys", [1 if p["gender"] == "M" else 0 for p in pupils]),
            ("girls", [1 if p["gender"] == "F" else 0 for p in pupils])]
    for g in inst["care_groups"]:
        rows.append((g, [1 if g in p["tags"] else 0 for p in pupils]))
    return rows


def check_ours(inst, block, apart_blocks, classes):
    k = inst["class_count"]
    problems = []
    for name, ind in count_rows(inst):
        counts = [0] * k
        for i, c in enumerate(classes):
            counts[c] += ind[i]
        if max(counts) - min(counts) > 1:
            problems.append(f"{name} {counts}")
    for u, v in apart_blocks:
        cu = {classes[i] for i in range(len(classes)) if block[i] == u}
        cv = {classes[i] for i in range(len(classes)) if block[i] == v}
        if cu & cv:
            problems.append(f"apart blocks {u},{v}")
    return problems


def solve(inst, time_limit, warm, below=None):
    pupils = inst["pupils"]
    k = inst["class_count"]
    block, nb, apart_blocks = blocks_of(inst)
    dev = deviations(inst)
    M = len(dev)
    nx = nb * k
    x = lambda u, c: u * k + c
    pcol = lambda c, m: nx + (c * M + m) * 2
    ncols = nx + 2 * k * M
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("threads", 1)
    lb = np.zeros(ncols)
    ub = np.concatenate([np.ones(nx), np.full(2 * k * M, highspy.kHighsInf)])
    for u in range(nb):
        for c in range(u + 1, k):
            ub[x(u, c)] = 0
    h.addVars(ncols, lb, ub)
    h.changeColsIntegrality(nx, np.arange(nx, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * nx))
    cost = np.zeros(ncols)
    cost[nx:] = 1.0
    h.changeColsCost(ncols, np.arange(ncols, dtype=np.int32), cost)

    def row(lo, hi, idx, val):
        h.addRow(lo, hi, len(idx), np.array(idx, dtype=np.int32), np.array(val, dtype=np.float64))

    for u in range(nb):
        row(1, 1, [x(u, c) for c in range(k)], [1.0] * k)
    members = [[] for _ in range(nb)]
    for i, u in enumerate(block):
        members[u].append(i)
    for name, ind in count_rows(inst):
        total = sum(ind)
        lo, hi = total // k, -(-total // k)
        if name == "pupils":
            hi = min(hi, inst["class_size_cap"])
        weights = [sum(ind[i] for i in members[u]) for u in range(nb)]
        for c in range(k):
            idx = [x(u, c) for u in range(nb) if weights[u]]
            row(lo, hi, idx, [float(weights[u]) for u in range(nb) if weights[u]])
    limit = inst["disabled_per_class"]
    if limit >= 0:
        dis = [sum(1 for i in members[u] if "disabled" in pupils[i]["tags"]) for u in range(nb)]
        for c in range(k):
            idx = [x(u, c) for u in range(nb) if dis[u]]
            if idx:
                row(-highspy.kHighsInf, limit, idx, [float(dis[u]) for u in range(nb) if dis[u]])
    for u, v in apart_blocks:
        for c in range(k):
            row(-highspy.kHighsInf, 1, [x(u, c), x(v, c)], [1.0, 1.0])
    n = len(pupils)
    low, extra = divmod(n, k)
    bounds = lower_bound(inst, [low + 1] * extra + [low] * (k - extra))
    for m, name in enumerate(inst["measures"]):
        if bounds[m] > 0:
            row(bounds[m], highspy.kHighsInf, [pcol(c, m) + j for c in range(k) for j in (0, 1)], [1.0] * (2 * k))
        D = [sum(dev[m][i] for i in members[u]) for u in range(nb)]
        values = [p.get("score") if name == "score" else p["subjects"].get(name) for p in pupils]
        # With every value a whole number, a class sum of deviations is (whole number) - size * mean,
        # so |sum| >= the distance from size * mean to the nearest whole number: a valid cut.
        integral = all(v is not None and float(v).is_integer() for v in values)
        mean = sum(values) / n if integral else 0.0
        for c in range(k):
            idx = [x(u, c) for u in range(nb)] + [pcol(c, m), pcol(c, m) + 1]
            row(0, 0, idx, D + [-1.0, 1.0])
            if integral:
                floor = min(abs(s * mean - round(s * mean)) for s in range(n // k, -(-n // k) + 1))
                row(floor, highspy.kHighsInf, [pcol(c, m), pcol(c, m) + 1], [1.0, 1.0])
    if below is not None:
        row(-highspy.kHighsInf, below, list(range(nx, ncols)), [1.0] * (ncols - nx))
    if warm:
        # Start from enroll's assignment: the MILP then reports whether it can improve on it.
        ours = [p["class"] - 1 for p in pupils]
        # Relabel the classes in order of their first block, as the symmetry breaking asks.
        label = {}
        for u in range(nb):
            label.setdefault(ours[members[u][0]], len(label))
        ours = [label[c] for c in ours]
        start_values = [0.0] * ncols
        for i, u in enumerate(block):
            start_values[x(u, ours[i])] = 1.0
        for m in range(M):
            for c in range(k):
                total = sum(dev[m][i] for i in range(len(pupils)) if ours[i] == c)
                start_values[pcol(c, m)] = max(total, 0.0)
                start_values[pcol(c, m) + 1] = max(-total, 0.0)
        solution = highspy.HighsSolution()
        solution.col_value = start_values
        solution.value_valid = True
        h.setSolution(solution)
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    values = h.getSolution().col_value
    if status == "Infeasible" or info.primal_solution_status == 0:
        # No assignment: proven none (Infeasible), or none found within the time limit.
        return None, max(info.mip_dual_bound, 0.0), status, seconds, block, apart_blocks, dev
    classes = [max(range(k), key=lambda c: values[x(block[i], c)]) for i in range(len(pupils))]
    best = objective(inst, dev, classes)
    return best, max(info.mip_dual_bound, 0.0), status, seconds, block, apart_blocks, dev


def main():
    args = sys.argv[1:]
    time_limit, warm, below = 60.0, False, None
    while args and args[0].startswith("--"):
        if args[0] == "--time-limit":
            time_limit = float(args[1])
            args = args[2:]
        elif args[0] == "--below":
            below = float(args[1])
            args = args[2:]
        elif args[0] == "--warm-start":
            warm = True
            args = args[1:]
        else:
            sys.exit(__doc__)
    if below is not None:
        for path in args:
            inst = json.load(open(path))
            best, _, status, seconds, _, _, _ = solve(inst, time_limit, False, below)
            if status == "Infeasible":
                shown = f"proven: no assignment has an objective of {below:g} or less"
            elif best is not None and best <= below + 1e-6:
                shown = f"an assignment with objective {best:.3f} exists"
            else:
                shown = f"not settled ({status})"
            print(f"school {inst['school']} ({len(inst['pupils'])} pupils, enroll {inst['objective']:.3f}): "
                  f"{shown}, {seconds:.1f} s")
        return
    print(f"MILP {'started from enroll' if warm else 'from scratch'}, time limit {time_limit:.0f} s per school\n")
    print("| school | pupils | classes | enroll objective | MILP best | MILP bound | proven | gap | enroll ms | MILP s |")
    print("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
    proven_gaps, bound_gaps, ours_ms, milp_s = [], [], [], []
    for path in args:
        inst = json.load(open(path))
        best, bound, status, seconds, block, apart_blocks, dev = solve(inst, time_limit, warm)
        classes = [p["class"] - 1 for p in inst["pupils"]]
        ours = objective(inst, dev, classes)
        assert abs(ours - inst["objective"]) < 1e-6 * max(1.0, ours), (ours, inst["objective"])
        problems = check_ours(inst, block, apart_blocks, classes)
        assert not problems, f"{path}: enroll breaks {problems}"
        proven = status == "Optimal"
        if proven:
            gap = (ours - best) / best if best > 0 else 0.0
            proven_gaps.append(gap)
            shown = f"{100 * gap:.2f} % to optimum"
        else:
            gap = (ours - bound) / bound if bound > 0 else float("inf")
            bound_gaps.append(gap)
            shown = f"≤ {100 * gap:.1f} % (to bound)"
        ours_ms.append(inst["seconds"] * 1000)
        milp_s.append(seconds)
        print(f"| {inst['school']} | {len(inst['pupils'])} | {inst['class_count']} | {ours:.3f} | "
              f"{'none found' if best is None else f'{best:.3f}'} | {bound:.3f} | "
              f"{'yes' if proven else 'no'} | {shown} | {inst['seconds'] * 1000:.1f} | {seconds:.1f} |")
    everything = proven_gaps + bound_gaps
    print(f"\nproven optimal: {len(proven_gaps)} of {len(everything)}; "
          + (f"mean gap to the proven optimum {100 * sum(proven_gaps) / len(proven_gaps):.2f} % "
             f"(max {100 * max(proven_gaps):.2f} %); " if proven_gaps else "")
          + (f"unproven: gap to the bound mean {100 * sum(bound_gaps) / len(bound_gaps):.1f} % "
             f"(max {100 * max(bound_gaps):.1f} %); " if bound_gaps else "")
          + f"all {len(everything)}: mean gap (to optimum or bound) {100 * sum(everything) / len(everything):.2f} %; "
          f"enroll median {sorted(ours_ms)[len(ours_ms) // 2]:.1f} ms, MILP median {sorted(milp_s)[len(milp_s) // 2]:.1f} s "
          f"(time limit {time_limit:.0f} s)")


if __name__ == "__main__":
    main()
