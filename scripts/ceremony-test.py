#!/usr/bin/env python3
"""Shows a ceremony folder (`enroll ceremony`) in headless Chromium at 1920x1080, as the hall's
projector would, and checks it. Exit 0 when every check passes, 1 otherwise; every check prints
one line.

    scripts/ceremony-test.py ENROLL CASE OUT [--commitment FILE] [--run RUN] [--max-slides N]

ENROLL is the `enroll` binary, CASE the case folder, OUT a working folder (the ceremony folders
and the records' PDFs are written there). Checks:
  - before the draw (a folder without --run): the seed the page computes from contributions
    typed into it equals the seed `enroll seed` prints for the same contributions, on several
    sets (Chinese labels and values, spaces around them); a contribution in the wrong form (no
    label, a colon in the label, a label used twice, no value) is refused with its reason, and
    so is a revealed secret that does not match its published commitment (--commitments);
  - with --run: stepping with the keyboard (→) reaches every slide and every seat group the
    lottery decided (the groups of the run's cutoffs.csv whose cutoff tier has applicants on
    waitlists.csv), each slide fits 1920x1080 without scrolling, a group of more than 60
    applicants is paged, every lottery number shown is the run's (placements.csv) and is marked
    as checked by the page; with contributions giving another seed, every number is marked as
    not matching; each record (record-<level>.html) prints on A4, on the pages expected.
--max-slides limits how many draw slides are visited (a city's folder has thousands).
"""
import argparse
import csv
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

from playwright.sync_api import sync_playwright

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
SETS = [
    ["notary: 4921", "balls: 07 13 22", "beacon: drand 4812345 9f2c0e"],
    ["公证处: 4921", "家长代表: 春风 38"],
    ["  纪检组 :  甲乙丙 丁  ", "教师 代表: 0000"],
    ["a: b:1c"],
]
failures = []
# The ring order of scripts/recompute-lottery.py (docs/LOTTERY.md section 7), to compare the page's with.
_spec = importlib.util.spec_from_file_location("recompute", os.path.join(os.path.dirname(os.path.abspath(__file__)), "recompute-lottery.py"))
recompute = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recompute)


def check(ok, message):
    print(("ok: " if ok else "FAILED: ") + message)
    if not ok:
        failures.append(message)


def enroll_seed(enroll, lines):
    args = [enroll, "seed"]
    for line in lines:
        args += ["--contribution", line]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return re.search(r"^seed: ([0-9a-f]{64})$", out, re.M).group(1)


def type_contribution(page, line):
    label, value = line.split(":", 1)
    page.fill("#contribution-label", label)
    page.fill("#contribution-value", value)
    page.press("#contribution-value", "Enter")
    return page.get_attribute("#seed-error", "data-error") or ""


def clear_contributions(page):
    while page.eval_on_selector_all("#contributions li", "l => l.length") > 0:
        page.click("#contribution-undo")


def go_to(page, slide_id):
    """Steps there with the keyboard, as the clerk does (Escape leaves a text field first)."""
    ids = page.evaluate("enrollCeremony.slides()")
    page.keyboard.press("Escape")
    page.keyboard.press("Home")
    for _ in range(ids.index(slide_id)):
        page.keyboard.press("ArrowRight")


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def ring_taken(n, start, interval, first=45):
    """The first roster numbers the ring takes, in order."""
    positions = recompute.ring_positions(n, start, interval)
    taken = sorted(range(1, n + 1), key=lambda number: positions[number])
    return taken[:first]


def ring_slides(page, ids, recorded=None):
    """Checks every ring-drawn level's slide: typed s and k give the ring's first numbers; bad
    ones are refused; with a run, the slide holds the recorded s and k."""
    for slide_id in [i for i in ids if i.startswith("ring-")]:
        go_to(page, slide_id)
        key = slide_id[len("ring-"):]
        ring = next(r for r in json.loads(page.text_content("#ceremony-data"))["rings"] if r["key"] == key)
        form = f"#{slide_id} form.ring"
        shown = lambda: [int(x) for x in page.eval_on_selector_all(f"#{slide_id} .ring-taken li", "l => l.map(x => x.dataset.roster)")]
        if recorded is not None:
            check(shown() == ring_taken(ring["count"], ring["recorded"]["start"], ring["recorded"]["interval"]) and
                  page.text_content(f"#{slide_id} .ring-differs") == "",
                  f"{slide_id}: the slide holds the recorded start number and interval and their order")
            continue
        for start, interval, reason in [(0, 5, "ringStartOutOfRange"), (ring["count"] + 1, 5, "ringStartOutOfRange"), (3, 0, "ringIntervalTooSmall"),
                                        (17, 5, ""), (ring["count"], 1, "")]:
            page.fill(f"{form} .ring-start", str(start))
            page.fill(f"{form} .ring-interval", str(interval))
            page.press(f"{form} .ring-interval", "Enter")
            got = page.get_attribute(f"#{slide_id} .ring-error", "data-error") or ""
            ok = got == reason and (reason or shown() == ring_taken(ring["count"], start, interval))
            check(ok, f"{slide_id}: s = {start}, k = {interval} " + (f"refused: {reason}" if reason else "gives the ring's order") + f" ({got})")


def drawn_groups(run):
    """(key, school_id, seats) of every group whose cutoff tier has waitlisted applicants."""
    groups = []
    for level in ["primary", "junior"]:
        for sub, key in [("", level), ("second-round/", level + "-second-round")]:
            folder = os.path.join(run, level, sub)
            if not os.path.exists(os.path.join(folder, "cutoffs.csv")):
                continue
            waiting = {(r["school_id"], r["seats"], r["tier"]) for r in read_csv(os.path.join(folder, "waitlists.csv"))}
            for r in read_csv(os.path.join(folder, "cutoffs.csv")):
                if r["cutoff_tier"] and (r["school_id"], r["seats"], r["cutoff_tier"]) in waiting:
                    groups.append((key, r["school_id"], r["seats"]))
    return groups


def before_draw(browser, args):
    folder = os.path.join(args.out, "before")
    command = [args.enroll, "ceremony", args.case, "--out", folder, "--draw-date", "2026-07-10"]
    if args.commitment:
        command += ["--commitment", args.commitment]
    commitments = os.path.join(args.out, "commitments.txt")
    with open(commitments, "w", encoding="utf-8") as f:
        f.write(subprocess.run([args.enroll, "seed", "--commit", "公证员: correct horse battery staple"], capture_output=True,
                               text=True, check=True).stdout)
    subprocess.run(command + ["--commitments", commitments], check=True, capture_output=True)
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("file://" + os.path.abspath(folder) + "/index.html")
    go_to(page, "seed")
    check(page.evaluate("document.body.getAttribute('data-slide')") == "seed", "the keyboard reaches the seed slide")
    check(page.text_content("#awaiting").find("公证员") >= 0, "the committed party is awaited before the seed is shown")
    for lines in SETS:
        clear_contributions(page)
        refused = [type_contribution(page, line) for line in lines]
        if "公证员" not in "".join(lines):
            type_contribution(page, "公证员: correct horse battery staple")
            lines = lines + ["公证员: correct horse battery staple"]
        seed = page.get_attribute("#hall-seed", "data-seed")
        check(refused == [""] * len(refused) and seed == enroll_seed(args.enroll, lines),
              f"the page's seed for {lines} is enroll seed's ({seed})")
    clear_contributions(page)
    for line, reason in [(": 12", "emptyLabel"), ("a:b: 12", None), ("x: 1", ""), ("x: 2", "duplicateLabel"), ("y:   ", "emptyValue"),
                         ("公证员: wrong secret", "revealMismatch")]:
        got = type_contribution(page, line)
        if reason is None:  # the label field holds "a:b", a colon in a label
            check(got == "" and page.eval_on_selector_all("#contributions li", "l => l.map(x => x.textContent)")[-1] == "a: b: 12",
                  "'a:b: 12' typed as label 'a', value 'b: 12'")
            continue
        check(got == reason, f"'{line}' is {'accepted' if reason == '' else 'refused: ' + reason} ({got})")
    page.fill("#contribution-label", "p:q")
    page.fill("#contribution-value", "1")
    page.press("#contribution-value", "Enter")
    check(page.get_attribute("#seed-error", "data-error") == "invalidLabel", "a colon in the label field is refused: invalidLabel")
    check(page.get_attribute("#hall-seed", "data-seed") == "", "no seed while a committed party has not revealed")
    ring_slides(page, page.evaluate("enrollCeremony.slides()"))
    check(not errors, f"no script error ({errors})")
    page.close()


def with_run(browser, args):
    folder = os.path.join(args.out, "after")
    command = [args.enroll, "ceremony", args.case, "--out", folder, "--draw-date", "2026-07-10", "--run", args.run]
    if args.commitment:
        command += ["--commitment", args.commitment]
    subprocess.run(command, check=True, capture_output=True)
    # Each applicant's number at each school of their list (ranks.csv): the lottery number, or
    # at a school drawn by a ring of its own the ring position there.
    numbers = {}
    for level in ["primary", "junior"]:
        for sub in ["", "second-round/"]:
            path = os.path.join(args.run, level, sub, "ranks.csv")
            if os.path.exists(path):
                for r in read_csv(path):
                    numbers[(level + ("-second-round" if sub else ""), r["school_id"], r["student_id"])] = r["lottery_number"]
    expected = drawn_groups(args.run)
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("file://" + os.path.abspath(folder) + "/index.html")
    ids = page.evaluate("enrollCeremony.slides()")
    seen, visited, overflow, wrong, unchecked, paged = set(), 0, [], [], [], {}
    page.keyboard.press("Home")
    for k, slide_id in enumerate(ids):
        if k:
            page.keyboard.press("ArrowRight")
        current = page.evaluate("document.body.getAttribute('data-slide')")
        if current != slide_id:
            check(False, f"→ shows slide {k + 1} ({current} instead of {slide_id})")
            break
        box = page.evaluate("(() => { const s = document.querySelector('.slide.current'); return [s.scrollHeight, s.clientHeight, s.scrollWidth, s.clientWidth]; })()")
        if box[0] > box[1] or box[2] > box[3]:
            overflow.append(slide_id)
        if not slide_id.startswith("draw-"):
            continue
        key, school = page.evaluate("[document.querySelector('.slide.current').dataset.drawKey, document.querySelector('.slide.current').dataset.schoolId]")
        seen.add((key, school))
        pages = int(page.evaluate("document.querySelector('.slide.current').dataset.pages"))
        paged[(key, school)] = max(paged.get((key, school), 0), pages)
        visited += 1
        if visited > args.max_slides:
            continue
        page.wait_for_function("document.querySelectorAll('.slide.current li.entry:not([data-check=match]):not([data-check=mismatch])').length === 0")
        for entry in page.eval_on_selector_all(".slide.current li.entry", "l => l.map(x => [x.dataset.id, x.dataset.number, x.dataset.check])"):
            if numbers.get((key, school, entry[0])) != entry[1]:
                wrong.append(entry[0])
            if entry[2] != "match":
                unchecked.append(entry[0])
    check(set((k, s) for k, s, _ in expected) == seen, f"the keyboard reaches every seat group the lottery decided ({len(seen)})")
    check(not overflow, f"every slide fits 1920x1080 without scrolling ({overflow[:3]})")
    check(not wrong, f"every lottery number shown is the run's ({len(wrong)} differ)")
    check(not unchecked, f"every number shown is marked as checked by the page ({len(unchecked)} not)")
    ring_slides(page, ids, recorded=True)
    biggest = max(paged.items(), key=lambda kv: kv[1]) if paged else None
    if biggest and biggest[1] > 1:
        print(f"ok: the largest group, {biggest[0][1]}, is paged over {biggest[1]} slides")
    # Another seed: the first draw slide's numbers no longer match.
    go_to(page, "seed")
    page.click("#contribution-undo")
    type_contribution(page, "beacon: not the one announced")
    check(page.text_content("#seed-differs") != "", "a seed that is not the run's is flagged on the seed slide")
    # The first slide of a first-round lottery draw (not a school's ring, whose numbers do not hang on the seed).
    by_lottery = set(page.eval_on_selector_all(".slide[data-draw-key]:not([data-ring-start])", "l => l.map(x => x.id)"))
    first_draw = next((i for i in ids if i in by_lottery and not "-second-round-" in i
                       and not json.loads(page.text_content("#ceremony-data"))["draws"][i.split("-")[1]].get("ring")), None)
    if first_draw:
        go_to(page, first_draw)
        page.wait_for_function("document.querySelectorAll('.slide.current li.entry[data-check=checking]').length === 0")
        marks = page.eval_on_selector_all(".slide.current li.entry", "l => l.map(x => x.dataset.check)")
        check(marks and all(m == "mismatch" for m in marks), f"with another seed every number of {first_draw} is marked as not matching")
    check(not errors, f"no script error ({errors})")
    page.close()
    for name in sorted(os.listdir(folder)):
        if not name.startswith("record-"):
            continue
        record = browser.new_page()
        record.goto("file://" + os.path.abspath(folder) + "/" + name)
        rows = record.eval_on_selector_all("#record-schools tbody tr", "l => l.length")
        pdf = os.path.join(args.out, name.replace(".html", ".pdf"))
        record.pdf(path=pdf, format="A4")
        with open(pdf, "rb") as f:
            data = f.read()
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
        a4 = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+(595(?:\.\d+)?)\s+(841(?:\.\d+)?|842(?:\.\d+)?)\s*\]", data) is not None
        # The credentials and about 12 school rows on the first page, about 20 on each next one.
        expected_pages = 2 + rows // 20
        check(a4 and 1 <= pages <= expected_pages, f"{name} prints on {pages} A4 page(s) ({rows} schools)")
        record.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("enroll")
    parser.add_argument("case")
    parser.add_argument("out")
    parser.add_argument("--commitment")
    parser.add_argument("--run")
    parser.add_argument("--max-slides", type=int, default=10 ** 9)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER)
        before_draw(browser, args)
        if args.run:
            with_run(browser, args)
        browser.close()
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("every check passed")


if __name__ == "__main__":
    main()
