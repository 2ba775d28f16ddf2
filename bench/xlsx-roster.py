"""Writes an applicant CSV file as the workbook a sign-up system exports, with openpyxl
(write-only mode): ids, names and codes as text, numbers as numbers, birth dates as dates,
empty cells left out, strings shared. For bench/xlsx.sh.

    python3 bench/xlsx-roster.py junior-applicants.csv junior-applicants.xlsx
"""
import csv, datetime, sys, openpyxl
src, out = sys.argv[1], sys.argv[2]
TEXT = {"student_id", "id_number", "name", "choices", "categories", "primary_school", "sibling_school", "together_with", "apart_from", "twin_group", "address", "residence", "gender", "age_exception"}
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("roster")
with open(src, encoding="utf-8-sig", newline="") as f:
    r = csv.reader(f)
    header = next(r)
    sheet.append(header)
    for row in r:
        vals = []
        for c, t in zip(header, row):
            if t == "": vals.append(None)
            elif c == "birth_date": vals.append(datetime.date.fromisoformat(t))
            elif c in TEXT: vals.append(t)
            else:
                try: vals.append(int(t))
                except ValueError:
                    try: vals.append(float(t))
                    except ValueError: vals.append(t)
        sheet.append(vals)
book.save(out)
