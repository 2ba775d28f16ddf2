#!/usr/bin/env python3
"""Opens a published site in headless Chromium (Debian's `chromium`, driven by Playwright from
PyPI, no browser download) as a family would, and checks it against the run it was published
from. Exit 0 when every check passes, 1 otherwise; every check prints one line.

    scripts/browser-test.py SITE RUN OUT [--id STUDENT_ID] [--lang zh|en]
    scripts/browser-test.py SITE CASE OUT --before-draw [--id STUDENT_ID] [--lang zh|en]

SITE the published site, RUN the run folder, OUT a folder for the screenshots and the PDF of a
school list (kept as files). Checks, at 390x844 (a phone) and 1280x800:
  - no page is wider than the window; the search box is within the first phone screen;
  - text outside charts is at least 16 px, buttons and links that stand alone at least 44 px;
  - the search for STUDENT_ID (default: the first pupil of the largest level) loads exactly one
    search shard, and the card shows the school, status, class and lottery number of the run's
    placements.csv and classes.csv;
  - the in-page lottery check matches, with WebCrypto and with the page's own SHA-256, and the
    page's SHA-256 gives the digests of the Swift tests' vectors;
  - with the seeds in the published files altered by one digit, the check shows a mismatch (for a
    level placed by a ring draw, with the ring's start number altered: the card checks the
    applicant's position in the ring's order);
  - (zh) no data key (left_behind, hukou_and_property, …) is visible on any page but files.html;
  - in print (A4): no menu, pager or search; table headers repeat; rows are not cut.
With --before-draw, SITE is the site `enroll publish-case` wrote from CASE, and the card of
STUDENT_ID (default: the first applicant of junior-applicants.csv) must show the masked name and
the schools and tiers of the site's data/<level>-roster.csv; the same layout and data-key checks
run on the first page, the policy, the files and the level's schools, zones, addresses and roster.
"""
import argparse
import csv
import json
import os
import re
import shutil
import sys
import tempfile

from playwright.sync_api import sync_playwright

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
VIEWPORTS = [(390, 844), (1280, 800)]
# Keys of the case and run files that a page must show in words, never as written.
DATA_KEYS = ["left_behind", "hukou_and_property", "residence_permit", "disabled", "migrant", "military", "hukou",
             "admitted", "reassigned", "unplaced", "student_id", "school_id", "class_no", "choice_rank",
             "lottery_number", "twin_group", "name_masked", "label", "value", "score_mean",
             "address-review", "all-public-full", "no-home", "no-listed-seat"]
# SHA-256 vectors of Tests/EnrollmentTests/SHA256Tests.swift and LotteryNumberTests.swift.
VECTORS = [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ("enroll-lottery/1\n7f3a9c\njunior-placement\n张三-01", "ddee6267ad0d61ff8592a730894a7b2b87d824d106e1b1e6358cc1409658e24c"),
]

failures = []


def check(ok, message):
    print(("ok: " if ok else "FAILED: ") + message)
    if not ok:
        failures.append(message)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def expected_row(run, student):
    """The pupil's level, placements.csv row and class (or None), from the run's files: a
    second round's row first (the result in effect for one who applied again), then the first
    round's with its class."""
    for level in ("junior", "primary"):
        for folder in (os.path.join(level, "second-round"), level):
            path = os.path.join(run, folder, "placements.csv")
            if not os.path.exists(path):
                continue
            for row in read_csv(path):
                if row["student_id"] == student:
                    klass = None
                    classes = os.path.join(run, folder, "classes.csv")
                    if os.path.exists(classes):
                        klass = next((c["class_no"] for c in read_csv(classes) if c["student_id"] == student), None)
                    return level, row, klass
    return None


def first_student(run):
    """A placed pupil with a class, from the level with more applicants."""
    best = None
    for level in ("primary", "junior"):
        path = os.path.join(run, level, "placements.csv")
        if os.path.exists(path):
            rows = read_csv(path)
            if best is None or len(rows) > len(best):
                best = rows
    return next(r["student_id"] for r in best if r["status"] == "admitted")


def search(page, url, student):
    """Opens url#q=student, waits for the check; returns the search shards requested."""
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url + "#q=" + student)
    page.wait_for_selector("#result[data-found=false], #check[data-check=match], #check[data-check=mismatch], #check[data-check=unavailable]",
                           timeout=20000)
    return [u for u in requested if "/search/" in u]


def layout_problems(page):
    """Text under 16 px and stand-alone tap targets under 44 px on the current page."""
    return page.evaluate("""() => {
      const out = [];
      const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
      for (const el of document.body.querySelectorAll("*")) {
        if (el.closest("svg") || el.closest("details:not([open]) > :not(summary)") || !visible(el)) continue;
        const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
        if (own && parseFloat(getComputedStyle(el).fontSize) < 16) out.push("text under 16px: <" + el.tagName + "> " + el.textContent.slice(0, 40));
      }
      for (const el of document.body.querySelectorAll("a, button, input, summary")) {
        if (!visible(el)) continue;
        const parent = el.parentElement;
        if (el.tagName === "A" && parent && parent.textContent.trim() !== el.textContent.trim()) continue;  // a link inside a sentence
        const r = el.getBoundingClientRect();
        if (r.height < 44 || r.width < 44) out.push("tap target under 44px: <" + el.tagName + "> " + el.textContent.slice(0, 40) + " " + Math.round(r.width) + "x" + Math.round(r.height));
      }
      return out;
    }""")


def visible_text(page):
    """The page's visible words, without commands (pre, code), digests and file names of downloads."""
    return page.evaluate("""() => {
      const copy = document.body.cloneNode(true);
      for (const el of copy.querySelectorAll("pre, code, .hash, a[href^='data/'], script, svg title")) el.remove();
      return copy.innerText + " " + Array.from(document.querySelectorAll("svg text")).map(t => t.textContent).join(" ");
    }""")


def layout_checks(page, site, size, width, pages, lang):
    """Each page of `pages`: not wider than the window; on a phone, type and tap targets, no data key."""
    for name in pages:
        page.goto("file://" + site + "/" + name)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        check(scroll <= inner, f"{size}: {name} is {scroll} px wide in a {inner} px window")
        if width < 600:
            problems = layout_problems(page)
            check(not problems, f"{size}: {name}: type ≥ 16 px, tap targets ≥ 44 px" + ("; " + "; ".join(problems[:5]) if problems else ""))
            if lang == "zh" and name != "files.html":
                text = visible_text(page)
                keys = [k for k in DATA_KEYS if re.search(r"(?<![A-Za-z_])" + k + r"(?![A-Za-z_])", text)]
                check(not keys, f"{size}: {name} shows no data key" + (f": {keys}" if keys else ""))


def before_draw(args):
    """The checks of a site published before the draw."""
    site = os.path.abspath(args.site)
    index = "file://" + site + "/index.html"
    student = args.student or read_csv(os.path.join(args.run, "junior-applicants.csv"))[0]["student_id"]
    level, rows = next(((lv, [r for r in read_csv(os.path.join(site, "data", f"{lv}-roster.csv")) if r["student_id"] == student])
                        for lv in ("primary", "junior") if os.path.exists(os.path.join(site, "data", f"{lv}-roster.csv"))
                        and any(r["student_id"] == student for r in read_csv(os.path.join(site, "data", f"{lv}-roster.csv")))), (None, []))
    if not rows:
        print(f"FAILED: {student} is not in {site}/data/*-roster.csv")
        return 1
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        for width, height in VIEWPORTS:
            size = f"{width}x{height}"
            page = browser.new_page(viewport={"width": width, "height": height})
            requested = []
            page.on("request", lambda r: requested.append(r.url))
            page.goto(index + "#q=" + student)
            page.wait_for_selector("#result[data-found]:not([data-found=''])", timeout=20000)
            shards = [u for u in requested if "/search/" in u]
            check(len(shards) == 1, f"{size}: the search for {student} loaded {len(shards)} search file")
            check(page.get_attribute("#result", "data-found") == "true", f"{size}: the card shows {student}")
            check(page.inner_text("#result [data-field=name_masked]") == rows[0]["name_masked"],
                  f"{size}: the masked name is the roster's {rows[0]['name_masked']}")
            shown = [(page.get_attribute(f"#held tr:nth-child({k + 2}) [data-field=school]", "data-school-id"),
                      page.inner_text(f"#held tr:nth-child({k + 2}) [data-field=tier]").split(" ")[0])
                     for k in range(page.locator("#held tr").count() - 1)]
            expected = [(r["school_id"], r["tier"]) for r in rows if r["school_id"]]
            check(shown == expected, f"{size}: the card's schools and tiers {shown} = the roster's {expected}")
            page.screenshot(path=os.path.join(args.out, f"before-draw-{size}-result.png"))
            pages = ["index.html", "policy.html", "files.html", f"schools-{level}.html", f"zones-{level}.html", f"roster-{level}.html"] + \
                ([f"addresses-{level}.html"] if os.path.exists(os.path.join(site, f"addresses-{level}.html")) else [])
            layout_checks(page, site, size, width, pages, args.lang)
            page.goto("file://" + site + f"/zones-{level}.html")
            page.screenshot(path=os.path.join(args.out, f"before-draw-{size}-zones.png"))
            page.close()
        browser.close()
    print(("FAILED: %d checks" % len(failures)) if failures else f"ok: every check passed; screenshots in {args.out}")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site")
    parser.add_argument("run")
    parser.add_argument("out")
    parser.add_argument("--id", dest="student")
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--before-draw", action="store_true")
    args = parser.parse_args()
    if not BROWSER:
        print("FAILED: chromium is not installed (apt-get install -y chromium fonts-wqy-zenhei)")
        return 1
    os.makedirs(args.out, exist_ok=True)
    if args.before_draw:
        return before_draw(args)
    site = os.path.abspath(args.site)
    index = "file://" + site + "/index.html"
    student = args.student or first_student(args.run)
    found = expected_row(args.run, student)
    if not found:
        print(f"FAILED: {student} is not in {args.run}/*/placements.csv")
        return 1
    level, row, klass = found
    data = json.loads(re.search(r'<script type="application/json" id="site-data">(.*?)</script>',
                                open(os.path.join(site, "index.html"), encoding="utf-8").read(), re.S).group(1))
    shard_count = len(os.listdir(os.path.join(site, "search")))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
        for width, height in VIEWPORTS:
            size = f"{width}x{height}"
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(index)
            box = page.locator("#q").bounding_box()
            if width < 600:
                check(box is not None and box["y"] + box["height"] <= height, f"{size}: the search box is within the first screen (bottom at {box and round(box['y'] + box['height'])} px)")
            page.screenshot(path=os.path.join(args.out, f"index-{size}.png"))
            shards = search(page, index, student)
            check(len(shards) == 1, f"{size}: the search for {student} loaded {len(shards)} of the site's {shard_count} search files ({', '.join(s.rsplit('/', 1)[-1] for s in shards)})")
            card = lambda field, attribute=None: page.get_attribute(f"#result [data-field={field}]", attribute) if attribute else \
                page.inner_text(f"#result [data-field={field}]") if page.locator(f"#result [data-field={field}]").count() else ""
            check(page.get_attribute("#result", "data-found") == "true", f"{size}: the card shows {student}")
            school = card("school", "data-school-id") if page.locator("#result [data-field=school]").count() else ""
            check((school or "") == row["school_id"], f"{size}: school {school or '(none)'} = placements.csv {row['school_id'] or '(none)'}")
            check(card("status", "data-status") == row["status"], f"{size}: status {card('status', 'data-status')} = placements.csv {row['status']}")
            check(card("lottery_number") == row["lottery_number"], f"{size}: lottery number = placements.csv {row['lottery_number'][:16]}…")
            if klass is not None:
                check(card("class_no") == klass, f"{size}: class {card('class_no')} = classes.csv {klass}")
            check(page.get_attribute("#check", "data-check") == "match", f"{size}: the in-page check matches ({page.get_attribute('#check', 'data-method')})")
            page.screenshot(path=os.path.join(args.out, f"index-{size}-result.png"))
            pages = ["index.html", "about.html", "files.html", f"schools-{level}.html", f"school-{row['school_id']}.html",
                     f"school-{row['school_id']}-list-1.html"] + \
                    (["quota.html", "quota-admissions-1.html"] if os.path.exists(os.path.join(site, "quota.html")) else []) + \
                    ([f"resources-{level}.html"] if os.path.exists(os.path.join(site, f"resources-{level}.html")) else [])
            layout_checks(page, site, size, width, pages, args.lang)
            page.goto("file://" + site + f"/school-{row['school_id']}.html")
            page.screenshot(path=os.path.join(args.out, f"school-{size}.png"))
            page.close()

        ring = data.get("rings", {}).get(level)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.add_init_script("window.ENROLL_NO_WEBCRYPTO = true;")
        search(page, index, student)
        check(page.get_attribute("#check", "data-check") == "match" and page.get_attribute("#check", "data-method") == ("ring" if ring else "script"),
              "the check also matches without WebCrypto" + (" (a ring draw: the position in the ring's order)" if ring else " (the page's own SHA-256)"))
        digests = page.evaluate("vectors => vectors.map(v => window.enroll.sha256Hex(window.enroll.utf8(v)))", [v for v, _ in VECTORS])
        check(digests == [d for _, d in VECTORS], "the page's SHA-256 gives the digests of the Swift tests' vectors")
        page.close()

        page = browser.new_page()
        list_page = "file://" + site + f"/school-{row['school_id']}-list-1.html"
        page.goto(list_page)
        page.emulate_media(media="print")
        hidden = page.evaluate("() => Array.from(document.querySelectorAll('nav.menu, .pager')).every(e => getComputedStyle(e).display === 'none')")
        styles = page.evaluate("() => [getComputedStyle(document.querySelector('thead')).display, getComputedStyle(document.querySelector('tbody tr')).breakInside]")
        check(hidden and styles == ["table-header-group", "avoid"], f"print: no menu or pager, headers repeated, rows kept whole ({styles})")
        page.pdf(path=os.path.join(args.out, "school-list-A4.pdf"), format="A4", print_background=False)
        page.close()

        with tempfile.TemporaryDirectory() as temporary:
            altered = os.path.join(temporary, "site")
            shutil.copytree(site, altered)
            # The run's seed and every second round's: the card checks with the one of its draw.
            for seed in [data["seed"]] + list(data.get("seeds", {}).values()):
                flipped = seed[:-1] + ("0" if seed[-1] != "0" else "1")
                for name in ("index.html", "data/credentials.json"):
                    path = os.path.join(altered, name)
                    text = open(path, encoding="utf-8").read()
                    open(path, "w", encoding="utf-8").write(text.replace(seed, flipped))
            if ring:  # a ring-drawn level is checked by its start number and interval, not the seed
                path = os.path.join(altered, "index.html")
                text = open(path, encoding="utf-8").read()
                text = re.sub(r'("rings":.*?"' + level + r'":.*?"start":\s*)(\d+)', lambda m: m.group(1) + str(int(m.group(2)) % ring["count"] + 1),
                              text, count=1, flags=re.S)
                open(path, "w", encoding="utf-8").write(text)
            page = browser.new_page(viewport={"width": 390, "height": 844})
            search(page, "file://" + altered + "/index.html", student)
            check(page.get_attribute("#check", "data-check") == "mismatch",
                  "with the published " + ("ring start number" if ring else "seed") + " altered the check shows a mismatch")
            page.screenshot(path=os.path.join(args.out, "index-390x844-altered-seed.png"))
            page.close()
        browser.close()
    print(("FAILED: %d checks" % len(failures)) if failures else f"ok: every check passed; screenshots in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
