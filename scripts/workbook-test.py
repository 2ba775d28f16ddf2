#!/usr/bin/env python3
"""Reads the workbooks `enroll publish --workbooks` wrote with openpyxl, as the school offices'
Excel, WPS or LibreOffice would, and checks them against the run folder's CSV files.

    python3 scripts/workbook-test.py WORKBOOKS RUN

For each level: <level>-placements.xlsx holds placements.csv's rows, in order, each followed by
the masked name and id number; every <level>-<school>-classes.xlsx has one sheet per class of
that school in classes.csv, named "<school> <n>班", whose rows are the class's pupils in
student_id order, numbered from 1, with the head teacher of head-teachers.csv. Every sheet has
its header row frozen (A2) and bold, and every value is text. Exits 1 at the first difference.
"""
import csv, pathlib, sys
import openpyxl

books, run = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))

def fail(message):
    print("workbook check failed:", message)
    sys.exit(1)

def check_sheet(ws, where):
    if ws.freeze_panes != "A2":
        fail(f"{where}: the header is not frozen ({ws.freeze_panes})")
    if not all(c.font.b for c in ws[1] if c.value is not None):
        fail(f"{where}: the header is not bold")
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if c.value is not None and not isinstance(c.value, str):
                fail(f"{where}!{c.coordinate}: {c.value!r} is not text")

def values(ws):
    return [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]

checked = 0
for level in ["primary", "junior"]:
    placements = rows(run / level / "placements.csv")
    wb = openpyxl.load_workbook(books / f"{level}-placements.xlsx")
    ws = wb.worksheets[0]
    check_sheet(ws, f"{level}-placements.xlsx")
    got = values(ws)
    if len(got) != len(placements):
        fail(f"{level}-placements.xlsx: {len(got)} rows, placements.csv {len(placements)}")
    for k, (a, b) in enumerate(zip(got, placements)):
        if a[:len(b)] != b:
            fail(f"{level}-placements.xlsx row {k + 1}: {a[:len(b)]} != {b}")
    checked += 1
    classes = rows(run / level / "classes.csv")[1:]
    heads = {(r[0], r[1]): r[2] for r in rows(run / level / "head-teachers.csv")[1:]} if (run / level / "head-teachers.csv").exists() else {}
    by_school = {}
    for sid, school, number in classes:
        by_school.setdefault(school, {}).setdefault(int(number), []).append(sid)
    for school, numbered in by_school.items():
        path = books / f"{level}-{school}-classes.xlsx"
        wb = openpyxl.load_workbook(path)
        if len(wb.worksheets) != len(numbered):
            fail(f"{path.name}: {len(wb.worksheets)} sheets for {len(numbered)} classes")
        for ws, number in zip(wb.worksheets, sorted(numbered)):
            if not ws.title.endswith(f" {number}班"):
                fail(f"{path.name}: sheet {ws.title!r} for class {number}")
            check_sheet(ws, f"{path.name}!{ws.title}")
            got = values(ws)
            if got[0] != ["序号", "学籍号", "姓名(脱敏)", "性别", "班主任"]:
                fail(f"{path.name}!{ws.title}: header {got[0]}")
            ids = sorted(numbered[number])
            expected = [(str(k + 1), sid, heads.get((school, str(number)), "")) for k, sid in enumerate(ids)]
            found = [(r[0], r[1], (r + [""] * 5)[4]) for r in got[1:]]
            if found != expected:
                fail(f"{path.name}!{ws.title}: pupils {found[:3]}… != {expected[:3]}…")
            checked += 1
print(f"workbooks: {checked} workbooks and sheets read by openpyxl {openpyxl.__version__} agree with the run")
