import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound

/// The public site of a run (公开招生结果): static pages that work offline from the file
/// system, public CSV and JSON copies of every table with personal data masked, the search
/// data, the draw's credentials and `SHA256SUMS`.
///
/// Layout of the site folder:
/// - `index.html`: credentials of the draw, search by student_id, schools, charts, supervision
///   report, quota places, the list of files with their SHA-256;
/// - `school-<school_id>.html`: per school its placed applicants, class lists, class balance
///   and head-teacher draw (ids not made of ASCII letters, digits and `-` are written with `_xx`);
/// - `data/<table>.csv` and `data/<table>.json` (`PublicTable`), `data/credentials.json`, and
///   `data/manifest.json` when the run has one;
/// - `results.js`: the search data (`window.ENROLL_RESULTS`), loaded by a script tag;
/// - `SHA256SUMS`: `sha256sum` lines for every other file, `sha256sum -c SHA256SUMS` checks them.
///
/// The same run, case and language always give the same bytes: rows keep the run's order or
/// are sorted, nothing depends on the clock or on dictionary order.
public struct PublishedSite: Sendable {
    /// Every file of the site, by path inside the site folder, in path order.
    public private(set) var files: [(path: String, bytes: [UInt8])]
    /// The public tables (also in `files` as CSV and JSON).
    public let tables: [PublicTable]
    public let report: SupervisionReport

    /// Builds the site.
    /// - Throws: `PublishingError.missingColumn` when a run file lacks a column the site reads.
    /// - Complexity: O(rows of the run's files + applicants of the case).
    public init(_ results: RunResults, language: SiteLanguage = .zh) throws(PublishingError) {
        let builder = try Builder(results, language: language)
        report = builder.report
        tables = builder.tables
        files = builder.files
    }

    /// Writes the site into the folder `site`, replacing it as a whole: every file is written
    /// into the sibling folder `.<site>.staging` and flushed, then that folder takes the place
    /// of `site` — on Linux by one atomic exchange of the two names (`renameat2`
    /// `RENAME_EXCHANGE`), so a kill leaves the old site or the new one, complete; elsewhere,
    /// or where the file system cannot exchange, by two renames, between which `site` is
    /// briefly absent while both complete copies exist. Leftover staging folders of an earlier
    /// interrupted publication are removed first.
    /// - Throws: `PublishingError.siteInsideRun` when `site` is `run` or inside it;
    ///   `PublishingError.notASite` when `site` holds files and is not a published site
    ///   (it would be replaced); file errors.
    public func write(to site: URL, run: URL) throws {
        let runPath = run.standardizedFileURL.resolvingSymlinksInPath().path
        let site = site.standardizedFileURL
        let sitePath = site.resolvingSymlinksInPath().path
        if sitePath == runPath || sitePath.hasPrefix(runPath.hasSuffix("/") ? runPath : runPath + "/") {
            throw PublishingError.siteInsideRun(site.path)
        }
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: site.path), !existing.isEmpty,
           !(existing.contains("index.html") && existing.contains("SHA256SUMS")) {
            throw PublishingError.notASite(site.path)
        }
        let parent = site.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(site.lastPathComponent).staging")
        let old = parent.appendingPathComponent(".\(site.lastPathComponent).old")
        for leftover in [staging, old] where fm.fileExists(atPath: leftover.path) { try fm.removeItem(at: leftover) }
        for file in files {
            try AtomicFile.write(file.bytes, to: staging.appendingPathComponent(file.path))
        }
        guard fm.fileExists(atPath: site.path) else {
            try Self.rename(staging, to: site)
            return
        }
        if Self.exchange(staging, site) {
            AtomicFile.syncFolder(parent)
            try fm.removeItem(at: staging)
        } else {
            try Self.rename(site, to: old)
            try Self.rename(staging, to: site)
            try fm.removeItem(at: old)
        }
    }

    package static func rename(_ from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else { throw AtomicFileError.cannotWrite(to.path, errno) }
        AtomicFile.syncFolder(to.deletingLastPathComponent())
    }

    /// Exchanges the names of two folders atomically; false where the system cannot.
    package static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentFolder: Int32 = -100, exchangeNames: UInt32 = 2  // AT_FDCWD, RENAME_EXCHANGE
        return renameat2(atCurrentFolder, a.path, atCurrentFolder, b.path, exchangeNames) == 0
        #else
        return false
        #endif
    }
}

/// Builds the files of a `PublishedSite`.
private struct Builder {
    package let results: RunResults
    package let lang: SiteLanguage
    package let report: SupervisionReport
    package var tables: [PublicTable] = []
    package var files: [(path: String, bytes: [UInt8])] = []
    package let schoolNames: [String: String]
    package let people: [String: (name: String, idNumber: String?)]

    package init(_ results: RunResults, language: SiteLanguage) throws(PublishingError) {
        self.results = results
        lang = language
        report = try SupervisionReport(results)
        let admissionCase = results.admissionCase
        schoolNames = Dictionary((admissionCase?.schools ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var people: [String: (String, String?)] = [:]
        for a in (admissionCase?.primaryApplicants ?? []) + (admissionCase?.juniorApplicants ?? []) { people[a.id] = (a.name, a.idNumber) }
        for g in admissionCase?.graduates ?? [] where people[g.id] == nil { people[g.id] = (g.name, nil) }
        self.people = people
        try build()
    }

    package func t(_ key: SiteLanguage.Key) -> String { lang.text(key) }
    package func e(_ text: String) -> String { HTMLText.escape(text) }
    package func schoolLabel(_ id: String) -> String { schoolNames[id].map { "\($0) (\(id))" } ?? id }
    package static func page(for schoolID: String) -> String { "school-\(HTMLText.fileNamePart(schoolID)).html" }

    /// A run table with the masked name (and id number) of its `student_id` appended, when the case is known.
    package func masked(_ csv: RunCSV, name: String, idNumbers: Bool) throws(PublishingError) -> PublicTable {
        guard results.admissionCase != nil else {
            return PublicTable(name: name, source: csv.file, columns: csv.columns, rows: csv.rows)
        }
        let sid = try csv.index("student_id")
        let extra = idNumbers ? ["name_masked", "id_number_masked"] : ["name_masked"]
        let rows = csv.rows.map { row in
            let person = people[row[sid]]
            let maskedName = Masking.name(person?.name ?? "")
            return idNumbers ? row + [maskedName, Masking.idNumber(person?.idNumber ?? "")] : row + [maskedName]
        }
        return PublicTable(name: name, source: csv.file, columns: csv.columns + extra, rows: rows, masked: extra)
    }

    package func copy(_ csv: RunCSV, name: String) -> PublicTable {
        PublicTable(name: name, source: csv.file, columns: csv.columns, rows: csv.rows)
    }

    package func copy(_ csv: RunCSV?, name: String) -> PublicTable? { csv.map { copy($0, name: name) } }

    package mutating func build() throws(PublishingError) {
        var pages: [(String, String)] = []
        var search: [(String, JSONValue)] = []
        var levelSections = ""
        for level in results.levels {
            let prefix = level.level.rawValue + "-"
            let placements = try masked(level.placements, name: prefix + "placements", idNumbers: true)
            let classes = try level.classes.map { (c) throws(PublishingError) in try masked(c, name: prefix + "classes", idNumbers: false) }
            let cutoffs = copy(level.cutoffs, name: prefix + "cutoffs")
            let summary = copy(level.classSummary, name: prefix + "class-summary")
            let balance = copy(level.classBalance, name: prefix + "class-balance")
            let heads = copy(level.headTeachers, name: prefix + "head-teachers")
            tables += [placements, cutoffs] + [classes, summary, balance, heads].compactMap { $0 }
            let levelPages = try schoolPages(level, placements: placements, classes: classes, cutoffs: cutoffs,
                                             summary: summary, balance: balance, heads: heads, search: &search)
            pages += levelPages.pages
            levelSections += levelPages.section
        }
        var quotaSection = ""
        if let quota = results.quota {
            let allocation = copy(quota.allocation, name: "quota-allocation")
            let admissions = try quota.admissions.map { (a) throws(PublishingError) in try masked(a, name: "quota-admissions", idNumbers: false) }
            let unfilled = copy(quota.unfilled, name: "quota-unfilled")
            tables += [allocation] + [admissions, unfilled].compactMap { $0 }
            quotaSection = try quotaHTML(allocation: allocation, admissions: admissions, unfilled: unfilled, search: &search)
        }
        if let numbers = copy(results.lotteryNumbers, name: "lottery-numbers") { tables.append(numbers) }
        tables += report.tables
        for table in tables {
            files.append(("data/\(table.name).csv", table.csv))
            files.append(("data/\(table.name).json", table.json))
        }
        files.append(("data/credentials.json", JSONWriter.render(credentialsJSON)))
        if let manifest = results.manifest { files.append(("data/manifest.json", manifest.rendered)) }
        let blob = JSONWriter.render(.object(search.sorted { $0.0 < $1.0 }))
        files.append(("results.js", Array(("window.ENROLL_RESULTS = " + HTMLText.scriptSafeJSON(blob).dropLast() + ";\n").utf8)))
        for (path, html) in pages { files.append((path, Array(html.utf8))) }
        files.sort { $0.path < $1.path }
        let listed = files
        let index = indexHTML(levels: levelSections, quota: quotaSection, listed: listed)
        files.append(("index.html", Array(index.utf8)))
        files.sort { $0.path < $1.path }
        let sums = files.map { "\(SHA256.hash($0.bytes).hex)  \($0.path)\n" }.joined()
        files.append(("SHA256SUMS", Array(sums.utf8)))
        files.sort { $0.path < $1.path }
    }

    package var credentialsJSON: JSONValue {
        let m = results.manifest
        var members: [(String, JSONValue)] = [
            ("seed", m.map { .string($0.seed) } ?? .null),
            ("commitment", m.map { .string($0.commitment.hex) } ?? .null),
            ("commitment_note", results.commitment?.note.map { .string($0) } ?? .null),
            ("version", m.map { .string($0.toolVersion) } ?? .null),
            ("code", m.map { .string($0.code) } ?? .null),
        ]
        members.append(("contributions", results.ceremony.map { c in
            .array(c.contributions.map { .object([("label", .string($0.label)), ("value", .string($0.value))]) })
        } ?? .null))
        members.append(("draws", .array((m?.steps.flatMap(\.draws) ?? []).map { .string($0) })))
        return .object(members)
    }

    // MARK: pages

    package func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(t(.htmlLang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        body{font-family:sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:2px 6px;font-size:13px;text-align:left}
        th{background:#f0f3f7}code,pre{background:#f6f6f6;font-size:12px}pre{padding:.5em;overflow-x:auto;white-space:pre-wrap}
        .hash{font-family:monospace;font-size:11px;word-break:break-all}#result{margin:.5em 0;padding:.5em;border:2px solid #4e79a7;min-height:1em}
        svg.chart{display:block;margin:.5em 0;max-width:100%;height:auto}
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    package func table(_ header: [String], _ rows: [[String]], id: String? = nil) -> String {
        var s = id.map { "<table id=\"\(e($0))\">" } ?? "<table>"
        s += "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows { s += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n" }
        return s + "</tbody></table>\n"
    }

    package func downloads(_ tables: [PublicTable?]) -> String {
        let links = tables.compactMap { $0 }.map { tbl in
            "<a href=\"data/\(e(tbl.name)).csv\">\(e(tbl.name)).csv</a> · <a href=\"data/\(e(tbl.name)).json\">json</a>"
        }
        return "<p>\(e(t(.downloads))): " + links.joined(separator: " | ") + "</p>\n"
    }

    package func statusText(_ status: String) -> String {
        switch status {
        case "admitted": t(.admitted)
        case "reassigned": t(.reassigned)
        case "unplaced": t(.unplaced)
        default: status
        }
    }

    package mutating func schoolPages(_ level: LevelResults, placements: PublicTable, classes: PublicTable?, cutoffs: PublicTable,
                              summary: PublicTable?, balance: PublicTable?, heads: PublicTable?,
                              search: inout [(String, JSONValue)]) throws(PublishingError) -> (pages: [(String, String)], section: String) {
        let p = level.placements
        let (sid, school, status, rank, tier, lottery) = (try p.index("student_id"), try p.index("school_id"), try p.index("status"),
                                                          try p.index("choice_rank"), try p.index("tier"), try p.index("lottery_number"))
        var classOf: [String: String] = [:]
        if let c = level.classes { let (cs, cn) = (try c.index("student_id"), try c.index("class_no")); for row in c.rows { classOf[row[cs]] = row[cn] } }
        let nameColumn = placements.column("name_masked")
        for (k, row) in p.rows.enumerated() {
            search.append((row[sid], .array([level.level.rawValue, row[school], schoolNames[row[school]] ?? "", row[status], row[rank], row[tier],
                                             row[lottery], classOf[row[sid]] ?? "", nameColumn.map { placements.rows[k][$0] } ?? ""].map { .string($0) })))
        }
        let fills = report.levels.first { $0.level == level.level }?.schools ?? []
        let cutoffRows = level.cutoffs
        let (cs, ct, cl) = (try cutoffRows.index("school_id"), try cutoffRows.index("cutoff_tier"), try cutoffRows.index("cutoff_lottery_number"))
        var cutoffText: [String: String] = [:]
        for row in cutoffRows.rows where !row[ct].isEmpty { cutoffText[row[cs]] = "\(row[ct]) / \(row[cl].prefix(12))…" }
        var schoolIDs = Set(fills.map(\.schoolID))
        for row in p.rows where !row[school].isEmpty { schoolIDs.insert(row[school]) }
        var pages: [(String, String)] = []
        let levelName = t(level.level == .primary ? .primary : .junior)
        for id in schoolIDs.sorted() {
            var body = "<p><a href=\"index.html\">\(e(t(.back)))</a></p>\n<h1>\(e(levelName)) · \(e(schoolLabel(id)))</h1>\n"
            if let fill = fills.first(where: { $0.schoolID == id }) {
                body += table([t(.seats), t(.placed), t(.fillRate), t(.cutoff)], [["\(fill.seats)", "\(fill.placed)", fill.fillRate, cutoffText[id] ?? "–"]])
            }
            if let summary {
                body += try classBalanceHTML(id, summary: summary, balance: balance)
            }
            let header = [t(.studentID)] + (nameColumn != nil ? [t(.name)] : []) + [t(.status), t(.choiceRank), t(.tier), t(.lotteryNumber), t(.classNo)]
            let rows = p.rows.indices.filter { p.rows[$0][school] == id }.map { k -> [String] in
                let row = p.rows[k]
                return [row[sid]] + (nameColumn.map { [placements.rows[k][$0]] } ?? []) + [statusText(row[status]), row[rank], row[tier], row[lottery], classOf[row[sid]] ?? ""]
            }
            if let heads, let hs = heads.column("school_id"), let hn = heads.column("class_no"), let ht = heads.column("teacher_id") {
                body += "<h2>\(e(t(.headTeachers)))</h2>\n" + table([t(.classNo), t(.teacher)], heads.rows.filter { $0[hs] == id }.map { [$0[hn], $0[ht]] })
            }
            body += "<h2>\(e(t(.placed))) (\(rows.count))</h2>\n" + table(header, rows)
            if let classes, let cs = classes.column("school_id"), let cn = classes.column("class_no"), let st = classes.column("student_id") {
                let members = classes.rows.filter { $0[cs] == id }.sorted { (Int($0[cn]) ?? 0, $0[st]) < (Int($1[cn]) ?? 0, $1[st]) }
                let nc = classes.column("name_masked")
                body += "<h2>\(e(t(.classes)))</h2>\n" + table([t(.classNo), t(.studentID)] + (nc != nil ? [t(.name)] : []),
                                                             members.map { row in [row[cn], row[st]] + (nc.map { [row[$0]] } ?? []) })
            }
            body += "<p>\(e(t(.masking))): \(e(t(.maskingExplained)))</p>\n"
            pages.append((Self.page(for: id), document(title: "\(schoolLabel(id)) · \(t(.title))", body: body)))
        }
        var section = "<h2 id=\"\(level.level.rawValue)\">\(e(levelName))</h2>\n"
        section += SVGChart(title: "\(levelName) · \(t(.seatsVsApplicants))", categories: fills.map(\.schoolID),
                            series: [.init(name: t(.seats), values: fills.map { Double($0.seats) }, color: SVGChart.palette[0]),
                                     .init(name: t(.applicantsFirst), values: fills.map { Double($0.firstChoice ?? 0) }, color: SVGChart.palette[1]),
                                     .init(name: t(.placed), values: fills.map { Double($0.placed) }, color: SVGChart.palette[2])]).svg + "\n"
        section += "<table><thead><tr><th>\(e(t(.school)))</th><th>\(e(t(.seats)))</th><th>\(e(t(.applicantsFirst)))</th><th>\(e(t(.placed)))</th><th>\(e(t(.fillRate)))</th><th>\(e(t(.cutoff)))</th></tr></thead><tbody>\n"
        for fill in fills {
            section += "<tr><td><a href=\"\(e(Self.page(for: fill.schoolID)))\">\(e(schoolLabel(fill.schoolID)))</a></td><td>\(fill.seats)</td><td>\(fill.firstChoice.map(String.init) ?? "–")</td><td>\(fill.placed)</td><td>\(e(fill.fillRate))</td><td>\(e(cutoffText[fill.schoolID] ?? "–"))</td></tr>\n"
        }
        section += "</tbody></table>\n" + downloads([placements, cutoffs, classes, summary, balance, heads])
        return (pages, section)
    }

    package func classBalanceHTML(_ id: String, summary: PublicTable, balance: PublicTable?) throws(PublishingError) -> String {
        guard let ss = summary.column("school_id"), let sn = summary.column("class_no"), let sz = summary.column("size"),
              let sb = summary.column("boys"), let sg = summary.column("girls") else { return "" }
        let rows = summary.rows.filter { $0[ss] == id }
        guard !rows.isEmpty else { return "" }
        let mean = summary.column("score_mean")
        let known: Set<String> = ["school_id", "class_no", "size", "weighted_size", "boys", "girls", "score_mean", "score_sd"]
        let groups = summary.columns.indices.filter { !known.contains(summary.columns[$0]) && !summary.columns[$0].hasPrefix("mean_") }
        let notes = rows.map { row in
            ([mean.map { "μ \(row[$0])" }] + groups.map { "\(summary.columns[$0].prefix(1)) \(row[$0])" }).compactMap { $0 }.joined(separator: "\n")
        }
        var s = "<h2>\(e(t(.classBalance)))</h2>\n"
        s += SVGChart(title: "\(schoolLabel(id)) · \(t(.classBalance))", categories: rows.map { $0[sn] }, notes: notes,
                      series: [.init(name: t(.boys), values: rows.map { Double($0[sb]) ?? 0 }, color: SVGChart.palette[0]),
                               .init(name: t(.girls), values: rows.map { Double($0[sg]) ?? 0 }, color: SVGChart.palette[3])],
                      stacked: true).svg + "\n"
        let shown = [sn, sz, sb, sg] + (mean.map { [$0] } ?? []) + groups
        let header = [t(.classNo), t(.size), t(.boys), t(.girls)] + (mean != nil ? [t(.meanScore)] : []) + groups.map { summary.columns[$0] }
        s += table(header, rows.map { row in shown.map { row[$0] } })
        if let balance, let bs = balance.column("school_id"), let bm = balance.column("measure"), let bsp = balance.column("spread") {
            s += table([t(.measure), t(.spread)], balance.rows.filter { $0[bs] == id }.map { [$0[bm], $0[bsp]] })
        }
        return s
    }

    package func quotaHTML(allocation: PublicTable, admissions: PublicTable?, unfilled: PublicTable?,
                   search: inout [(String, JSONValue)]) throws(PublishingError) -> String {
        guard let h = allocation.column("high_school_id"), let j = allocation.column("junior_school_id"), let s = allocation.column("seats") else {
            throw .missingColumn(file: allocation.source ?? allocation.name, column: "high_school_id, junior_school_id, seats")
        }
        let highs = Array(Set(allocation.rows.map { $0[h] })).sorted(), juniors = Array(Set(allocation.rows.map { $0[j] })).sorted()
        var seats: [String: Double] = [:]
        for row in allocation.rows { seats[row[h] + "\u{0}" + row[j], default: 0] += Double(row[s]) ?? 0 }
        var out = "<h2 id=\"quota\">\(e(t(.quota)))</h2>\n"
        out += SVGChart(title: t(.quotaAllocation), categories: highs,
                        series: juniors.enumerated().map { k, junior in
                            .init(name: junior, values: highs.map { seats[$0 + "\u{0}" + junior] ?? 0 }, color: SVGChart.palette[k % SVGChart.palette.count])
                        }).svg + "\n"
        out += "<h3>\(e(t(.quotaAllocation)))</h3>\n" + table(allocation.columns, allocation.rows)
        if let admissions, let st = admissions.column("student_id") {
            let hs = admissions.column("high_school_id"), route = admissions.column("route")
            let nm = admissions.column("name_masked")
            for row in admissions.rows {
                let school = hs.map { row[$0] } ?? ""
                search.append((row[st], .array([SchoolLevel.high.rawValue, school, schoolNames[school] ?? "", route.map { row[$0] } ?? "", "", "",
                                                "", "", nm.map { row[$0] } ?? ""].map { .string($0) })))
            }
            out += "<h3>\(e(t(.quotaAdmissions)))</h3>\n" + table(admissions.columns, admissions.rows)
        }
        if let unfilled { out += "<h3>\(e(t(.quotaUnfilled)))</h3>\n" + table(unfilled.columns, unfilled.rows) }
        return out + downloads([allocation, admissions, unfilled])
    }

    package func supervisionHTML() -> String {
        var s = "<h2 id=\"supervision\">\(e(t(.supervision)))</h2>\n"
        s += table([t(.level), t(.applicants), t(.nearbyRate), t(.admitted), t(.reassigned), t(.unplaced), t(.largeClasses)],
                   report.levels.map { l in
                       [t(l.level == .primary ? .primary : .junior), "\(l.applicants)", "\(l.nearbyRate) (\(l.nearby))", "\(l.admitted)",
                        "\(l.reassigned)", "\(l.unplaced)", "\(l.largeClasses.count)"]
                   }, id: "supervision-summary")
        s += "<p>\(e(t(.nearbyRate))) = \(e(t(.nearbyExplained)))</p>\n"
        for l in report.levels {
            let name = t(l.level == .primary ? .primary : .junior)
            s += "<h3>\(e(name)) · \(e(t(.reasons)))</h3>\n"
            s += l.reasons.isEmpty ? "<p>\(e(t(.none)))</p>\n" : table([t(.status), t(.reason), t(.count)], l.reasons.map { [statusText($0.status), $0.reason, "\($0.count)"] })
            if !l.classSizes.isEmpty {
                s += "<h3>\(e(name)) · \(e(t(.classSizes)))</h3>\n"
                s += SVGChart(title: "\(name) · \(t(.classSizes))", categories: l.classSizes.map { "\($0.size)" },
                              series: [.init(name: t(.classCount), values: l.classSizes.map { Double($0.classes) }, color: SVGChart.palette[4])]).svg + "\n"
                s += "<p>\(e(t(.largeClasses))): " + (l.largeClasses.isEmpty ? e(t(.none)) : l.largeClasses.map { e("\($0.schoolID) \($0.classNumber): \($0.size)") }.joined(separator: ", ")) + "</p>\n"
            }
        }
        if !report.quota.isEmpty {
            s += "<h3>\(e(t(.quotaShare)))</h3>\n"
            s += table([t(.highSchool), t(.quota), t(.seats), t(.quotaShare), t(.minimumShare), t(.meetsMinimum)], report.quota.map { q in
                [schoolLabel(q.highSchoolID), "\(q.quotaSeats)", q.plan.map(String.init) ?? "–", q.share ?? "–", q.minimum ?? "–",
                 q.meetsMinimum.map { t($0 ? .yes : .no) } ?? "–"]
            })
        }
        return s
    }

    package func credentialsHTML() -> String {
        let na = t(.notRecorded)
        let m = results.manifest
        var s = "<h2 id=\"credentials\">\(e(t(.credentials)))</h2>\n<table id=\"credentials-table\"><tbody>\n"
        func row(_ key: SiteLanguage.Key, _ value: String?, id: String) {
            s += "<tr><th>\(e(t(key)))</th><td class=\"hash\" id=\"\(id)\">\(e(value ?? na))</td></tr>\n"
        }
        row(.seed, m?.seed, id: "seed")
        row(.commitment, m?.commitment.hex, id: "commitment")
        row(.commitmentNote, results.commitment?.note, id: "commitment-note")
        row(.toolVersion, m?.toolVersion, id: "version")
        row(.code, m?.code, id: "code")
        s += "</tbody></table>\n<h3>\(e(t(.attempts)))</h3>\n<p>\(e(t(.attemptsExplained)))</p>\n"
        s += table([t(.step), t(.outcome), t(.seed)], (m?.attempts ?? []).map { attempt in
            let outcome: SiteLanguage.Key = switch attempt.outcome {
            case .recorded: .recorded
            case .replaced: .replaced
            case .interrupted: .interrupted
            }
            return [attempt.label, t(outcome), attempt.seed]
        }, id: "attempts-table")
        s += "<h3>\(e(t(.contributions)))</h3>\n"
        if let ceremony = results.ceremony {
            s += table(["label", "value"], ceremony.contributions.map { [$0.label, $0.value] })
            s += "<p>\(e(t(.canonicalText))):</p><pre>\(e(ceremony.canonicalText))</pre>\n<p>\(e(t(.checkSeed))):</p><pre>\(e(ceremony.checkCommand))</pre>\n"
        } else {
            s += "<p>\(e(na))</p>\n"
        }
        let seed = m?.seed ?? "$SEED"
        s += "<h3>\(e(t(.howToCheck)))</h3>\n<p>\(e(t(.checkNumber)))</p>\n"
        s += "<pre>SEED=\(e(seed))\nprintf 'enroll-lottery/1\\n%s\\n%s\\n%s' \"$SEED\" \"$DRAW\" \"$ID\" | sha256sum</pre>\n"
        s += "<p>\(e(t(.checkRun)))</p>\n<pre>enroll verify run --case case</pre>\n"
        s += "<p>\(e(t(.checkScript)))</p>\n<pre>python3 scripts/recompute-lottery.py run</pre>\n"
        s += "<p>\(e(t(.checkFiles)))</p>\n<pre>sha256sum -c SHA256SUMS</pre>\n"
        return s
    }

    package func indexHTML(levels: String, quota: String, listed: [(path: String, bytes: [UInt8])]) -> String {
        let labels: JSONValue = .object([
            ("notFound", .string(t(.notFound))),
            ("fields", .array([t(.level), t(.studentID), t(.school), t(.status), t(.choiceRank), t(.tier), t(.lotteryNumber), t(.classNo), t(.name)].map { .string($0) })),
            ("statuses", .object(["admitted", "reassigned", "unplaced"].map { ($0, .string(statusText($0))) })),
            ("levels", .object([("primary", .string(t(.primary))), ("junior", .string(t(.junior))), ("high", .string(t(.high)))])),
        ])
        var body = "<h1>\(e(t(.title)))</h1>\n"
        body += "<nav>" + ([("credentials", t(.credentials)), ("search", t(.search))] + results.levels.map { ($0.level.rawValue, t($0.level == .primary ? .primary : .junior)) }
            + (results.quota != nil ? [("quota", t(.quota))] : []) + [("supervision", t(.supervision)), ("files", t(.files))])
            .map { "<a href=\"#\($0.0)\">\(e($0.1))</a>" }.joined(separator: " · ") + "</nav>\n"
        body += credentialsHTML()
        body += """
            <h2 id="search">\(e(t(.search)))</h2>
            <form id="search-form"><input id="q" name="q" placeholder="\(e(t(.searchHint)))" autocomplete="off"> <button type="submit">\(e(t(.searchButton)))</button></form>
            <div id="result" data-found=""></div>
            <p>\(e(t(.masking))): \(e(t(.maskingExplained)))</p>

            """
        body += levels + quota + supervisionHTML()
        body += "<h2 id=\"files\">\(e(t(.files)))</h2>\n<table id=\"files-table\"><thead><tr><th>\(e(t(.file)))</th><th>\(e(t(.sha256)))</th></tr></thead><tbody>\n"
        for file in listed {
            body += "<tr><td><a href=\"\(e(file.path))\">\(e(file.path))</a></td><td class=\"hash\">\(SHA256.hash(file.bytes).hex)</td></tr>\n"
        }
        body += "</tbody></table>\n"
        body += "<script type=\"application/json\" id=\"labels\">\(HTMLText.scriptSafeJSON(JSONWriter.render(labels)))</script>\n"
        body += "<script src=\"results.js\"></script>\n<script>\n\(Self.searchScript)</script>"
        return document(title: t(.title), body: body)
    }

    /// The search: finds the entered student_id in `window.ENROLL_RESULTS` and shows it with
    /// `textContent` only (never as markup); `#q=<student_id>` in the address runs it on load.
    package static let searchScript = """
        (function () {
          var data = window.ENROLL_RESULTS || {};
          var labels = JSON.parse(document.getElementById("labels").textContent);
          var keys = ["level", "student_id", "school", "status", "choice_rank", "tier", "lottery_number", "class_no", "name_masked"];
          function show(q) {
            var out = document.getElementById("result");
            while (out.firstChild) out.removeChild(out.firstChild);
            q = q.trim();
            if (!q) { out.setAttribute("data-found", ""); return; }
            var r = Object.prototype.hasOwnProperty.call(data, q) ? data[q] : null;
            if (!r) { out.setAttribute("data-found", "false"); out.textContent = labels.notFound.replace("%s", q); return; }
            out.setAttribute("data-found", "true");
            var school = r[2] ? r[2] + " (" + r[1] + ")" : r[1];
            var values = [labels.levels[r[0]] || r[0], q, school, labels.statuses[r[3]] || r[3], r[4], r[5], r[6], r[7], r[8]];
            var table = document.createElement("table");
            for (var k = 0; k < keys.length; k++) {
              if (!values[k]) continue;
              var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
              th.textContent = labels.fields[k]; td.textContent = values[k]; td.setAttribute("data-field", keys[k]);
              if (keys[k] === "school") td.setAttribute("data-school-id", r[1]);
              if (keys[k] === "status") td.setAttribute("data-status", r[3]);
              tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
            }
            out.appendChild(table);
          }
          document.getElementById("search-form").addEventListener("submit", function (ev) {
            ev.preventDefault();
            var q = document.getElementById("q").value;
            location.hash = "q=" + encodeURIComponent(q.trim());
            show(q);
          });
          var m = /^#q=(.*)$/.exec(location.hash);
          if (m) { var q = decodeURIComponent(m[1]); document.getElementById("q").value = q; show(q); }
        })();

        """
}
