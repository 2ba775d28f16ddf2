import EnrollmentIO

/// The frame every page of a published site shares, and its building blocks: the publication
/// notice at the top, the short menu, tables inside their own scrolling box, pagers. Every
/// text passes through `HTMLText.escape`; every word comes from `SiteLanguage`.
struct SitePage {
    let language: SiteLanguage
    let notice: PublicationNotice?

    func t(_ key: SiteLanguage.Key) -> String { language.text(key) }
    func e(_ text: String) -> String { HTMLText.escape(text) }

    /// `key`'s text with `%1`, `%2`, … replaced by `values`.
    func t(_ key: SiteLanguage.Key, _ values: String...) -> String { t(key, with: values) }

    /// `key`'s text with `%1`, `%2`, … replaced by `values`.
    func t(_ key: SiteLanguage.Key, with values: [String]) -> String {
        var text = t(key)
        for (k, value) in values.enumerated() { text = text.replacingOccurrences(of: "%\(k + 1)", with: value) }
        return text
    }

    /// A whole page: head, the notice, the menu, `body`, then `scripts` (already markup).
    func document(title: String, body: String, scripts: String = "") -> [UInt8] {
        Array("""
            <!DOCTYPE html>
            <html lang="\(t(.htmlLang))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <link rel="stylesheet" href="site.css">
            </head>
            <body>
            \(noticeHTML)\(body)\(scripts)
            </body>
            </html>

            """.utf8)
    }

    /// The menu: the first page's parts (search, schools, credentials, supervision), how to check, the files.
    var menu: String {
        menu([("index.html#search", t(.menuResults)), ("index.html#schools", t(.menuSchools)),
              ("index.html#credentials", t(.credentials)), ("index.html#supervision", t(.supervision)),
              ("about.html", t(.howToCheckPage)), ("files.html", t(.menuFiles))])
    }

    /// A menu of `links` (address, words).
    func menu(_ links: [(String, String)]) -> String {
        "<nav class=\"menu\" aria-label=\"\(e(t(.menu)))\">" + links.map { "<a href=\"\(e($0.0))\">\(e($0.1))</a>" }.joined() + "</nav>\n"
    }

    /// The notice (公示): period, supervising office and telephone, how to appeal; empty without one.
    var noticeHTML: String {
        guard let n = notice else { return "" }
        let period = t(.periodDays, n.start.description, n.end.description, "\(n.days)")
        return """
            <section class="notice" id="notice" aria-label="\(e(t(.notice)))">
            <p><strong>\(e(t(.notice)))</strong> \(e(t(.publicationPeriod))): <span id="notice-period">\(e(period))</span><br>
            \(e(t(.telephone))): <a href="tel:\(e(n.telephone.filter { $0.isASCIIDigit || $0 == "-" || $0 == "+" }))" id="notice-telephone">\(e(n.telephone))</a> (\(e(n.office)))</p>
            <details><summary>\(e(t(.appeal)))</summary><p id="notice-appeal">\(e(n.appeal))</p></details>
            </section>

            """
    }

    /// A table in its own horizontally scrolling box; `classes[k]` is the class of column k's
    /// cells, `tableClass` the table's (`hash-last`: its last column holds lottery numbers, styled
    /// by the style sheet instead of a class on each of a list's cells).
    func table(_ header: [String], _ rows: some Sequence<[String]>, id: String? = nil, classes: [Int: String] = [:], tableClass: String? = nil) -> String {
        var s = "<div class=\"scroll\"><table" + (id.map { " id=\"\(e($0))\"" } ?? "") + (tableClass.map { " class=\"\(e($0))\"" } ?? "") + ">"
        s += "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        // A body row's `</td>` and `</tr>` are left out, as HTML allows (the next `<td>`, `<tr>` or
        // `</tbody>` closes them): the list pages of a city hold millions of cells.
        for row in rows {
            s += "<tr>"
            for (k, cell) in row.enumerated() { s += classes[k].map { "<td class=\"\($0)\">" } ?? "<td>"; s += e(cell) }
            s += "\n"
        }
        return s + "</tbody></table></div>\n"
    }

    /// Links to the `count` pages named by `path(k)` (k from 1). With `current` 0 (a summary page:
    /// none is current) every page is linked; on page `current` the first and last pages, the
    /// pages within two of it and the previous and next are, the others left out as `…` (a list of
    /// 300 pages links 9 of them, not 300 on each page).
    func pager(count: Int, current: Int, path: (Int) -> String) -> String {
        guard count > 1 || current == 0 else { return "" }
        var s = "<nav class=\"pager\" aria-label=\"\(e(t(.page, "\(current)", "\(count)")))\">"
        if current > 1 { s += "<a href=\"\(e(path(current - 1)))\" rel=\"prev\">\(e(t(.previous)))</a>" }
        var skipped = false
        for k in 1...count {
            guard current == 0 || k == 1 || k == count || abs(k - current) <= Self.pagerReach else {
                if !skipped { s += "<span class=\"gap\">…</span>" }
                skipped = true
                continue
            }
            skipped = false
            s += k == current ? "<span aria-current=\"page\">\(k)</span>" : "<a href=\"\(e(path(k)))\">\(k)</a>"
        }
        if current > 0, current < count { s += "<a href=\"\(e(path(current + 1)))\" rel=\"next\">\(e(t(.next)))</a>" }
        return s + "</nav>\n"
    }

    /// How many pages on each side of the current one a pager links.
    static let pagerReach = 2

    /// A chart with its title as the caption (it wraps on a phone) and its text alternative: the
    /// SVG (its `<title>` and `<desc>`), in a scrolling box, and the same figures in words below it.
    func figure(_ chart: SVGChart) -> String {
        "<figure><figcaption>\(e(chart.title))</figcaption><div class=\"scroll\">\(chart.svg)</div><details><summary>\(e(t(.chartText)))</summary><p>\(e(chart.summary))</p></details></figure>\n"
    }

    /// `files.html`: every file of `files` linked, with its SHA-256, and how to check them.
    func filesDocument(_ files: [(path: String, digest: SHA256Digest)], menu: String, siteTitle: String) -> [UInt8] {
        var body = menu + "<h1>\(e(t(.files)))</h1>\n<p>\(e(t(.checkFiles)))</p><pre>sha256sum -c SHA256SUMS</pre>\n"
        body += "<div class=\"scroll\"><table id=\"files-table\"><thead><tr><th>\(e(t(.file)))</th><th>\(e(t(.sha256)))</th></tr></thead><tbody>\n"
        for file in files {
            body += "<tr><td><a href=\"\(e(file.path))\">\(e(file.path))</a></td><td class=\"hash\">\(file.digest.hex)</td></tr>\n"
        }
        return document(title: "\(t(.files)) · \(siteTitle)", body: body + "</tbody></table></div>\n")
    }

    /// The search by student_id: the form, the card the script fills, then `more` (markup).
    func searchSection(more: String = "") -> String {
        """
        <section id="search" aria-label="\(e(t(.search)))">
        <form id="search-form" class="search" role="search"><input id="q" name="q" inputmode="numeric" autocomplete="off" placeholder="\(e(t(.searchHint)))" aria-label="\(e(t(.searchHint)))"><button type="submit">\(e(t(.searchButton)))</button></form>
        <div id="result" class="card" data-found="" aria-live="polite"></div>
        \(more)</section>

        """
    }

    /// The masking rules in words and the link to every file with its SHA-256.
    var maskingAndFiles: String {
        "<p>\(e(t(.masking))): \(e(t(.maskingExplained)))</p>\n<p><a href=\"files.html\">\(e(t(.files)))</a></p>\n"
    }

    /// The first page's data for `site.js` (`site-data`) and the script.
    func scripts(_ data: JSONValue) -> String {
        "<script type=\"application/json\" id=\"site-data\">\(HTMLText.scriptSafeJSON(JSONWriter.render(data)))</script>\n<script src=\"site.js\"></script>"
    }

    /// The members of the first page's data that every site's search reads: where each id's
    /// shard is, school names, tier and note texts by position, the words the card shows.
    func searchData(_ shards: SearchShards, schools: [String: String], tiers: [String], notes: [String],
                            words: [(String, JSONValue)]) -> [(String, JSONValue)] {
        [
            ("splits", .object(shards.splits.map { ($0.prefix, .string($0.next)) })),
            ("empty", .bool(shards.shards.isEmpty)),
            ("schools", .object(schools.keys.sorted().map { ($0, .string(schools[$0]!)) })),
            ("tiers", .array(tiers.map { .string($0) })),
            ("notes", .array(notes.map { .string($0) })),
            ("words", .object(words)),
        ]
    }
}
