"""Writes the .xlsx fixtures of XLSXFixtureTests with openpyxl, from the sample county.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install openpyxl==3.1.5
    /tmp/v/bin/python Tests/EnrollmentTests/Workbooks/make.py

For each table, the first rows of zones/sample-county/case/<table>.csv are written as
<table>.xlsx the way a clerk's workbook holds them: ids and codes as text, numbers as numbers,
birth dates as dates (yyyy-mm-dd), booleans as booleans, empty cells left out; strings go to
shared strings, openpyxl's default. Beside it, <table>.csv holds the same rows as Excel saves
a workbook as CSV: a number as it shows it (113.60772, not the sample's 113.607720), a boolean
as TRUE or FALSE. The tests read each .xlsx and expect exactly the fields of its .csv.

Then, when LibreOffice is at hand (Debian's libreoffice-calc-nogui, 7.4.7), each workbook is
saved again by LibreOffice Calc as <table>.libreoffice.xlsx (its own writer: shared strings,
its own styles and attributes), which the tests read the same way:

    soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir OUT <table>.xlsx
"""
import csv, datetime, pathlib, shutil, subprocess, tempfile, openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[3]
HERE = pathlib.Path(__file__).resolve().parent
TEXT = {"student_id", "id_number", "school_id", "teacher_id", "children", "feeds", "junior_school", "choices", "name"}
ROWS = 40

def value(column, text):
    if text == "":
        return None
    if column == "birth_date":
        return datetime.date.fromisoformat(text)
    if column in TEXT:
        return text
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text

def shown(v):
    """A cell's value as Excel shows it in the General format (and saves it as CSV)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, datetime.date):
        return v.isoformat()
    return repr(v) if isinstance(v, float) else str(v)

for table in ["primary-applicants", "schools", "graduates"]:
    with open(ROOT / "zones/sample-county/case" / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[: ROWS + 1]
    values = [[value(c, t) for c, t in zip(rows[0], row)] for row in rows[1:]]
    with open(HERE / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([rows[0]] + [[shown(v) for v in row] for row in values])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = table
    sheet.append(rows[0])
    for row in values:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    book.save(HERE / f"{table}.xlsx")

if shutil.which("soffice"):
    with tempfile.TemporaryDirectory() as out:
        for table in ["primary-applicants", "schools", "graduates"]:
            subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, HERE / f"{table}.xlsx"],
                           check=True, capture_output=True)
            shutil.move(pathlib.Path(out) / f"{table}.xlsx", HERE / f"{table}.libreoffice.xlsx")

