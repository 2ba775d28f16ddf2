import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentVocabulary

/// Makes the files of the ceremony folder (`Ceremony`): the slides, in the order of the hour of
/// the draw, and the page's data (words, the published seed commitments, each draw's name and
/// recorded seed).
struct CeremonyBuilder<Sink: SiteFileSink> {
    /// Applicants on one slide of a draw: three columns of 20 (the line takes a 21st row).
    static var entriesPerSlide: Int { 60 }
    /// Schools on one slide of a level's outline (half as many on its first, with the figures).
    static var schoolsPerSlide: Int { 42 }

    var sink: Sink
    let admissionCase: AdmissionCase
    let page: SitePage
    let schoolNames: [String: String]
    let written = SiteDigests()
    var slides: [(id: String, html: String)] = []

    static func build(_ c: AdmissionCase, commitment: Commitment, drawDate: CalendarDate, seedCommitments: [SeedCommitment],
                      results: RunResults?, language: SiteLanguage, into sink: inout Sink) throws -> Ceremony.Summary {
        var builder = CeremonyBuilder(sink: sink, admissionCase: c, page: SitePage(language: language, notice: nil),
                                      schoolNames: Dictionary(c.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        let drawn = try builder.build(commitment: commitment, drawDate: drawDate, seedCommitments: seedCommitments, results: results)
        sink = builder.sink
        return Ceremony.Summary(slides: builder.slides.map(\.id), drawnGroups: drawn, files: builder.written.sorted)
    }

    func t(_ key: SiteLanguage.Key) -> String { page.t(key) }
    func t(_ key: SiteLanguage.Key, _ values: String...) -> String { page.t(key, with: values) }
    func e(_ text: String) -> String { HTMLText.escape(text) }
    func schoolLabel(_ id: String) -> String { schoolNames[id].map { "\($0) (\(id))" } ?? id }

    mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        written.add(path, bytes)
        try sink.add(path, bytes)
    }

    mutating func slide(_ id: String, _ body: String, attributes: String = "") {
        slides.append((id, "<section class=\"slide\" id=\"\(e(id))\"\(attributes)>\n\(body)</section>\n"))
    }

    /// Writes every file; returns the number of seat groups whose draw is shown.
    mutating func build(commitment: Commitment, drawDate: CalendarDate, seedCommitments: [SeedCommitment], results: RunResults?) throws -> Int {
        slide("title", "<h1>\(e(t(.ceremonyTitle)))</h1>\n<p class=\"big\">\(e(t(.drawDate))): <span id=\"draw-date\">\(drawDate)</span></p>\n"
              + "<p>\(e(t(.commitment)))</p>\n<p class=\"big hash\" id=\"commitment\">\(commitment.digest.hex)</p>\n")
        for level in [SchoolLevel.primary, .junior] where !admissionCase.schools(level).isEmpty {
            outlineSlides(try RoundOutline(admissionCase, level: level))
        }
        slide("seed", seedSlide)
        // A ring slide per level placed by a ring draw and per school drawn by a ring of its own.
        var rings: [JSONValue] = []
        func ring(_ key: String, count: Int, recorded: RingDraw?) -> JSONValue {
            .object([("key", .string(key)), ("count", .integer(count)),
                     ("recorded", recorded.map { .object([("interval", .integer($0.interval)), ("start", .integer($0.start))]) } ?? .null)])
        }
        for level in admissionCase.policy.ringDrawLevels.sorted() {
            rings.append(ring(level.rawValue, count: admissionCase.applicants(level).count, recorded: results?.manifest?.ringDraw(placing: level)))
            slide("ring-\(level.rawValue)", ringSlide(key: level.rawValue, heading: page.levelName(level) + " · " + t(.ringStage), rule: t(.ringRoster)),
                  attributes: " data-ring-level=\"\(level.rawValue)\"")
        }
        var ringSchools: [SchoolLevel: [String: (count: Int, draw: RingDraw?)]] = [:]
        for level in [SchoolLevel.primary, .junior] {
            let recorded = results?.manifest?.schoolRingDraws(placing: level) ?? []
            for (id, count) in try PlacementRun.ringListSizes(admissionCase, level: level).sorted(by: { $0.key < $1.key }) {
                let draw = recorded.first { $0.schoolID == id }?.draw, key = "school-" + HTMLText.fileNamePart(id)
                ringSchools[level, default: [:]][id] = (count, draw)
                rings.append(ring(key, count: count, recorded: draw))
                slide("ring-\(key)", ringSlide(key: key, heading: t(.ringSchoolStage, schoolLabel(id)), rule: t(.ringSchoolRoster, schoolLabel(id))),
                      attributes: " data-ring-school=\"\(e(id))\"")
            }
        }
        var drawn = 0, draws: [(String, JSONValue)] = []
        if let results {
            let masked = maskedNames
            let records = try DrawRecord.records(results)
            for (level, second) in results.levels.map({ ($0, false) }) + results.secondRounds.map({ ($0, true) }) {
                let key = level.level.rawValue + (second ? "-second-round" : "")
                let record = records.first { $0.level == level.level && $0.secondRound == second }
                var draw: [(String, JSONValue)] = [("name", .string(record?.draw ?? key)), ("seed", record?.seed.map(JSONValue.string) ?? .null),
                                                   ("hall", .bool(!second))]
                // A second round draws by the lottery; a ring-drawn level's numbers are checked by
                // the ring's order (each entry carries its roster number).
                let ring = second ? nil : results.manifest?.ringDraw(placing: level.level)
                if let ring {
                    draw.append(("ring", .object([("count", .integer(level.placements.rows.count)), ("interval", .integer(ring.interval)),
                                                  ("start", .integer(ring.start))])))
                }
                draws.append((key, .object(draw)))
                let atSchools = second ? [:] : ringSchools[level.level] ?? [:]
                for group in try DrawnGroup.groups(level, ringSchools: Set(atSchools.keys)) {
                    let schoolRing = atSchools[group.schoolID].flatMap { school in school.draw.map { (count: school.count, draw: $0) } }
                    drawSlides(group, key: key, level: level.level, second: second, ring: ring ?? schoolRing?.draw, schoolRing: schoolRing, names: masked)
                    drawn += 1
                }
            }
            let recordPage = DrawRecordPage(page: page, schoolNames: schoolNames)
            for record in records { try add(record.fileName, recordPage.html(record)) }
            slide("end", "<h2>\(e(t(.ceremonyEnd)))</h2>\n<ul class=\"big\" id=\"record-links\">"
                  + records.map { "<li><a href=\"\($0.fileName)\">\(e(recordPage.title($0)))</a></li>" }.joined() + "</ul>\n")
            try add("site.css", Array(SiteAssets.css.utf8))
        } else {
            slide("end", "<h2>\(e(t(.drawStage)))</h2>\n<p class=\"big\" id=\"no-run\">\(e(t(.ceremonyNoRun)))</p>\n")
        }
        let words: [(String, JSONValue)] = [SiteLanguage.Key.emptyLabel, .invalidLabel, .duplicateLabel, .emptyValue, .lineFeedInValue,
                                            .revealMismatch, .awaiting, .seedDiffers, .ringEmptyList, .ringStartOutOfRange, .ringIntervalTooSmall,
                                            .ringDiffers, .rosterNumber].map { ($0.rawValue, .string(t($0))) }
        let data: JSONValue = .object([
            ("words", .object(words)),
            ("seedCommitments", .array(seedCommitments.map { .object([("label", .string($0.label)), ("digest", .string($0.digest.hex))]) })),
            ("recordedSeed", results?.manifest.map { .string($0.seed) } ?? .null),
            ("recordedContributions", .array((results?.ceremony?.contributions ?? []).map {
                .object([("label", .string($0.label)), ("value", .string($0.value))])
            })),
            ("draws", .object(draws)),
            ("rings", .array(rings)),
        ])
        let html = """
            <!DOCTYPE html>
            <html lang="\(t(.htmlLang))">
            <head>
            <meta charset="utf-8">
            <title>\(e(t(.ceremonyTitle)))</title>
            <link rel="stylesheet" href="ceremony.css">
            </head>
            <body>
            <main id="slides">
            \(slides.map(\.html).joined())</main>
            <footer id="bar"><span id="position"></span><span>\(e(t(.keysHelp)))</span></footer>
            <script type="application/json" id="ceremony-data">\(HTMLText.scriptSafeJSON(JSONWriter.render(data)))</script>
            <script src="site.js"></script>
            <script src="ceremony.js"></script>
            </body>
            </html>

            """
        try add("ceremony.css", Array(CeremonyAssets.css.utf8))
        try add("ceremony.js", Array(CeremonyAssets.script.utf8))
        try add("site.js", Array(SiteAssets.script.utf8))
        try add("index.html", Array(html.utf8))
        let sums = written.sorted.map { "\($0.digest.hex)  \($0.path)\n" }.joined()
        try add("SHA256SUMS", Array(sums.utf8))
        return drawn
    }

    /// A level in numbers, then its oversubscribed schools, `schoolsPerSlide` a slide.
    mutating func outlineSlides(_ outline: RoundOutline) {
        let name = page.levelName(outline.level)
        let over = outline.schools.filter(\.oversubscribed)
        // The first slide holds the figures too, so half as many schools.
        let first = Self.schoolsPerSlide / 2
        let pages = [Array(over.prefix(first))]
            + stride(from: first, to: over.count, by: Self.schoolsPerSlide).map { Array(over[$0..<min($0 + Self.schoolsPerSlide, over.count)]) }
        for (k, schools) in pages.enumerated() {
            var body = "<h2>\(e(t(.ceremonyOutline, name)))</h2>\n"
            if k == 0 {
                body += "<dl class=\"figures\"><dt>\(e(t(.schoolCount)))</dt><dd data-field=\"schools\">\(outline.schools.count)</dd>"
                body += "<dt>\(e(t(.capacity)))</dt><dd data-field=\"seats\">\(outline.seats)</dd>"
                body += "<dt>\(e(t(.applicants)))</dt><dd data-field=\"applicants\">\(outline.applicants)</dd></dl>\n"
                if outline.sharedByLottery > 0 { body += "<p>\(e(t(.sharedByLottery))): <strong data-field=\"shared\">\(outline.sharedByLottery)</strong></p>\n" }
                if admissionCase.policy.ringDrawLevels.contains(outline.level) { body += "<p data-field=\"ring\">\(e(t(.ringOutline)))</p>\n" }
            }
            if over.isEmpty {
                body += "<p class=\"big\">\(e(t(.noneOversubscribed)))</p>\n"
            } else {
                body += "<p class=\"big\">\(e(t(.willDraw)))\(pages.count > 1 ? " · " + e(t(.page, "\(k + 1)", "\(pages.count)")) : "")</p>\n"
                body += "<p class=\"columns\">\(e(t(.school))) · \(e(t(.capacity))) · \(e(t(.firstChoices)))</p>\n<ol class=\"schools\(k == 0 ? " first" : "")\">\n"
                for s in schools {
                    body += "<li data-school-id=\"\(e(s.schoolID))\"><span class=\"name\">\(e(schoolLabel(s.schoolID)))</span><span>\(s.seats)</span><span class=\"over\">\(s.firstChoices)</span></li>\n"
                }
                body += "</ol>\n"
            }
            slide("outline-\(outline.level.rawValue)-\(k + 1)", body, attributes: " data-level=\"\(outline.level.rawValue)\"")
        }
    }

    var seedSlide: String {
        """
        <h2>\(e(t(.seedStage)))</h2>
        <p>\(e(t(.seedStageText)))</p>
        <form class="contribution" id="contribution-form" autocomplete="off">
        <input id="contribution-label" placeholder="\(e(t(.contributionLabel)))" aria-label="\(e(t(.contributionLabel)))">
        <input id="contribution-value" placeholder="\(e(t(.contributionValue)))" aria-label="\(e(t(.contributionValue)))">
        <button type="submit" id="contribution-add">\(e(t(.addContribution)))</button>
        <button type="button" id="contribution-undo">\(e(t(.undoContribution)))</button>
        </form>
        <div class="error" id="seed-error" role="alert"></div>
        <ol id="contributions"></ol>
        <p id="awaiting"></p>
        <p>\(e(t(.seed))):</p>
        <p class="hash" id="hall-seed"></p>
        <div class="error" id="seed-differs"></div>
        <pre id="canonical"></pre>

        """
    }

    /// The slide of a ring draw (of a level, or of one school): the start number and interval
    /// typed as drawn in the hall, and the first 45 numbers of the list the ring takes, computed
    /// in the page; `key` names the ring in the page's data.
    func ringSlide(key: String, heading: String, rule: String) -> String {
        """
            <h2>\(e(heading))</h2>
            <p>\(e(rule))</p>
            <form class="contribution ring" data-ring="\(e(key))" autocomplete="off">
            <input class="ring-start" inputmode="numeric" placeholder="\(e(t(.ringStart)))" aria-label="\(e(t(.ringStart)))">
            <input class="ring-interval" inputmode="numeric" placeholder="\(e(t(.ringInterval)))" aria-label="\(e(t(.ringInterval)))">
            <button type="submit">\(e(t(.ringTake)))</button>
            </form>
            <div class="error ring-error" role="alert"></div>
            <div class="error ring-differs"></div>
            <ol class="entries ring-taken"></ol>

            """
    }

    /// The masked name of every applicant of the case, by `student_id`.
    var maskedNames: [String: String] {
        var names: [String: String] = [:]
        let second = SchoolLevel.allCases.flatMap { admissionCase.secondRound?.applicants[$0] ?? [] }
        for a in admissionCase.primaryApplicants + admissionCase.juniorApplicants + second where names[a.id] == nil {
            names[a.id] = Masking.name(a.name)
        }
        return names
    }

    /// A drawn seat group, `entriesPerSlide` applicants a slide, the line after the last admitted.
    /// With `ring`, its numbers are ring positions: of the level's ring, or of the school's own
    /// (`schoolRing`, which the slide carries for the page to check them by).
    mutating func drawSlides(_ group: DrawnGroup, key: String, level: SchoolLevel, second: Bool, ring: RingDraw?,
                             schoolRing: (count: Int, draw: RingDraw)?, names: [String: String]) {
        let heading = (second ? page.levelName(level) + " · " + t(.secondRound) + " · " : "") + schoolLabel(group.schoolID)
            + (SeatsLabel(code: group.seats) == .all ? "" : " · " + page.seatsText(group.seats))
        let figures = t(.drawFigures, "\(group.capacity)", "\(group.admittedByPriority)", group.cutoffTier, "\(group.entries.count)", "\(group.drawnSeats)")
            + (ring.map { " · " + t(.ringFigures, "\($0.start)", "\($0.interval)") } ?? "")
        let count = group.entries.count, pages = (count + Self.entriesPerSlide - 1) / Self.entriesPerSlide
        for k in 0..<pages {
            let range = (k * Self.entriesPerSlide)..<min(count, (k + 1) * Self.entriesPerSlide)
            var body = "<h2>\(e(heading))</h2>\n<p class=\"draw-head\">\(e(figures))\(pages > 1 ? " · " + e(t(.page, "\(k + 1)", "\(pages)")) : "")</p>\n"
            body += "<ol class=\"entries\">\n"
            for i in range {
                let entry = group.entries[i]
                body += "<li class=\"entry\" data-id=\"\(e(entry.studentID))\" data-twin=\"\(e(entry.twinGroup))\" data-roster=\"\(entry.roster)\" data-number=\"\(e(entry.lotteryNumber))\" data-admitted=\"\(entry.admitted)\">"
                body += "<span class=\"pos\">\(i + 1)</span><span class=\"sid\">\(e(entry.studentID))</span><span class=\"name\">\(e(names[entry.studentID] ?? ""))</span>"
                // A ring draw's number is the applicant's position in the ring's order: shown as "No. → position".
                let shown = ring == nil ? String(entry.lotteryNumber.prefix(10)) + "…"
                    : "\(t(.rosterNumber)) \(entry.roster) → \(LotteryNumber(hex: entry.lotteryNumber).map { $0.digest.words.3 } ?? 0)"
                body += "<span class=\"num\" title=\"\(e(entry.lotteryNumber))\">\(e(shown))</span><span class=\"mark\"></span></li>\n"
                if entry.admitted, i + 1 == group.drawnSeats { body += "<li class=\"line\">\(e(t(.drawLine)))</li>\n" }
            }
            body += "</ol>\n"
            let id = "draw-\(key)-\(HTMLText.fileNamePart(group.schoolID))-\(HTMLText.fileNamePart(group.seats))-\(k + 1)"
            let ringAttributes = schoolRing.map { " data-ring-count=\"\($0.count)\" data-ring-start=\"\($0.draw.start)\" data-ring-interval=\"\($0.draw.interval)\"" } ?? ""
            slide(id, body, attributes: " data-draw-key=\"\(e(key))\" data-school-id=\"\(e(group.schoolID))\" data-page=\"\(k + 1)\" data-pages=\"\(pages)\""
                  + ringAttributes)
        }
    }
}
