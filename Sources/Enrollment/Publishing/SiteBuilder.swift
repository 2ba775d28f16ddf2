import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound
import EnrollmentRunFolder
import EnrollmentVocabulary

/// Makes the files of a published site (`PublishedSite`) and hands each to a sink as soon as
/// it is made: one pass over each run table, rows grouped by school once, pages of at most
/// `rowsPerPage` rows, the search data split by `SearchShards`.
struct SiteBuilder<Sink: SiteFileSink> {
    typealias P = PlacementsFile.Column
    /// Rows on one page of a long list (a school's placed list, its class lists, quota admissions).
    static var rowsPerPage: Int { 500 }
    /// Schools on one page of a level's list of schools.
    static var schoolsPerPage: Int { 60 }
    /// The most bytes of search records in one shard (a shard file stays under about 200 KB).
    static var shardBudget: Int { 150_000 }
    /// Pages made at once on the cores (a school's pages, quota admissions' pages): the pages of
    /// a batch are held until all are made, then written in order.
    static var pagesPerBatch: Int { 32 }
    /// The most classes of 56 or more listed by name on the first page.
    static var largeClassesListed: Int { 40 }

    var sink: Sink
    let results: RunResults
    let page: SitePage
    let report: SupervisionReport
    let schoolNames: [String: String]
    /// The case's schools by id (the first of an id).
    let schoolsByID: [String: School]
    /// Each school's `schoolLabel`, made once.
    let schoolLabels: [String: String]
    /// Where each student_id is in the case: (0 primary, 1 junior, 2 graduates; position).
    let people: [String: (list: UInt8, index: Int32)]
    let written = SiteDigests()
    var tables: [String] = []
    /// The published tables without their rows, for `data/tables.json`.
    var described: [PublicTable] = []
    var search = SearchRecords()
    var tierTexts = InternedTexts(), noteTexts = InternedTexts()
    /// The search records' level keys and status codes, each written as its position here.
    var recordKeys = InternedTexts(), recordStatuses = InternedTexts()
    var tierCache: [TierKey: Int] = [:]
    /// The records of the draws (`DrawRecord`), linked from the credentials.
    var records: [DrawRecord] = []

    /// Builds the site into `sink`.
    static func build(_ results: RunResults, language: SiteLanguage, notice: PublicationNotice?, into sink: inout Sink) throws -> PublishedSite.Summary {
        var builder = try SiteBuilder(sink: sink, results: results, page: SitePage(language: language, notice: notice))
        try builder.build()
        sink = builder.sink
        return PublishedSite.Summary(report: builder.report, tables: builder.tables,
                                     files: builder.written.sorted)
    }

    init(sink: Sink, results: RunResults, page: SitePage) throws(PublishingError) {
        self.sink = sink
        self.results = results
        self.page = page
        report = try SupervisionReport(results)
        let admissionCase = results.admissionCase
        schoolsByID = Dictionary((admissionCase?.schools ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        schoolNames = schoolsByID.mapValues(\.name)
        schoolLabels = schoolsByID.mapValues { "\($0.name) (\($0.id))" }
        // Lists 0–2: the applicants of both levels and the graduates; 3–4: the second rounds' newcomers.
        let lists = [admissionCase?.primaryApplicants.map(\.id), admissionCase?.juniorApplicants.map(\.id), admissionCase?.graduates.map(\.id),
                     admissionCase?.secondRound?.applicants[.primary]?.map(\.id),
                     admissionCase?.secondRound?.applicants[.junior]?.map(\.id)].map { $0 ?? [] }
        var people: [String: (list: UInt8, index: Int32)] = [:]
        people.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        // An id's first occurrence wins: written last, from the last list's last id backwards
        // (one hash per id instead of a look-up and an insertion).
        for (list, ids) in lists.enumerated().reversed() {
            for k in ids.indices.reversed() { people[ids[k]] = (UInt8(list), Int32(k)) }
        }
        self.people = people
    }

    func t(_ key: SiteLanguage.Key) -> String { page.t(key) }
    func t(_ key: SiteLanguage.Key, _ values: String...) -> String { page.t(key, with: values) }
    func e(_ text: String) -> String { HTMLText.escape(text) }
    func schoolLabel(_ id: String) -> String { schoolLabels[id] ?? id }
    func levelName(_ level: SchoolLevel) -> String { page.levelName(level) }
    static func schoolPage(_ id: String, _ suffix: String = "") -> String { "school-\(HTMLText.fileNamePart(id))\(suffix).html" }

    mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        written.add(path, bytes)
        try sink.add(path, bytes)
    }

    mutating func add(_ table: PublicTable) throws {
        tables.append(table.name)
        described.append(PublicTable(name: table.name, source: table.source, columns: table.columns, rows: [], joined: table.joined, masked: table.masked))
        try add("data/\(table.name).csv", table.csv)
    }

    /// A run table with, per `student_id`, its class (`classes`: the class of each id, and the run
    /// file it comes from) and its masked name (and id number) appended, the latter when the case
    /// is known.
    func published(_ csv: RunCSV, name: String, idNumbers: Bool, classes: (source: String, of: [String: String])? = nil) throws(PublishingError) -> PublicTable {
        let named = results.admissionCase != nil
        guard named || classes != nil else {
            return PublicTable(name: name, source: csv.file, columns: csv.columns, rows: csv.rows)
        }
        let sid = try csv.index("student_id")
        let masked = !named ? [] : idNumbers ? ["name_masked", "id_number_masked"] : ["name_masked"]
        // Rows masked in chunks on all cores (each chunk its own slot: the order is the rows').
        let rows = csv.rows, chunk = 8_192
        let appended = concurrentMap(count: (rows.count + chunk - 1) / chunk) { c in
            rows[(c * chunk)..<min(rows.count, (c + 1) * chunk)].map { row in
                let studentID = row[sid]
                let joined = classes.map { [$0.of[studentID] ?? ""] } ?? []
                guard named else { return joined }
                let (name, idNumber) = person(studentID)
                return joined + (idNumbers ? [Masking.name(name), Masking.idNumber(idNumber ?? "")] : [Masking.name(name)])
            }
        }.flatMap { $0 }
        return PublicTable(name: name, source: csv.file, columns: csv.columns, rows: csv.rows,
                           joined: classes.map { [.init(column: ClassesFile.Column.classNumber.rawValue, source: $0.source)] } ?? [],
                           masked: masked, appended: appended)
    }

    /// The name and id number of `studentID` in the case ("" and nil when not there).
    func person(_ studentID: String) -> (name: String, idNumber: String?) {
        guard let c = results.admissionCase, let (list, k) = people[studentID] else { return ("", nil) }
        switch list {
        case 0: return (c.primaryApplicants[Int(k)].name, c.primaryApplicants[Int(k)].idNumber)
        case 1: return (c.juniorApplicants[Int(k)].name, c.juniorApplicants[Int(k)].idNumber)
        case 2: return (c.graduates[Int(k)].name, nil)
        default:
            let a = c.secondRound!.applicants[list == 3 ? .primary : .junior]![Int(k)]
            return (a.name, a.idNumber)
        }
    }

    func copy(_ csv: RunCSV?, name: String) -> PublicTable? {
        csv.map { PublicTable(name: name, source: $0.file, columns: $0.columns, rows: $0.rows) }
    }

    /// A `status` of `placements.csv`, or a route of the quota admissions, in words (as written when neither).
    func statusText(_ status: String) -> String {
        switch PlacementRun.Placement.Status(rawValue: status) {
        case .admitted?: t(.admitted)
        case .reassigned?: t(.reassigned)
        case .unplaced?: t(.unplaced)
        case nil: status == "quota" ? t(.quotaRoute) : status == "open" ? t(.openRoute) : status
        }
    }

    /// A `reason` of `quota-unfilled.csv` in words (as written when it is not one).
    func unfilledReasonText(_ code: String) -> String {
        switch QuotaRun.Unfilled.Reason(rawValue: code) {
        case .rounding?: t(.unfilledRounding)
        case .notTaken?: t(.unfilledNotTaken)
        case .notTakenInSecondRound?: t(.unfilledNotTakenSecond)
        case nil: code
        }
    }

    /// A `goes_to` of `quota-unfilled.csv` in words (as written when it is not one).
    func goesToText(_ code: String) -> String {
        switch QuotaUnfilledRule(rawValue: code) {
        case .openRound?: t(.goesOpenRound)
        case .secondRound?: t(.goesSecondRound)
        case nil: code
        }
    }

    /// A placement note in words (`SitePage.noteText`).
    func noteText(_ note: String) -> String { page.noteText(note) }

    /// A seat group of `placements.csv` or `cutoffs.csv` in words (`reserved:left_behind`:
    /// 预留学位(留守儿童)); empty for none.
    func seatsText(_ seats: String) -> String { page.seatsText(seats) }

    func keyText(_ key: String) -> String { page.keyText(key) }

    /// The words for `tier` at `schoolID` for `studentID` (`SitePage.tierWords`); nil without a case.
    func tierWords(_ tier: String, school schoolID: String, student: String) -> String? {
        guard let c = results.admissionCase, let n = Int(tier), let school = schoolsByID[schoolID] else { return nil }
        return page.tierWords(n, at: school, student: student, in: c)
    }

    /// What decides a tier's words (`tierWords`): whether the tier is the student's own
    /// (`priorities.csv`) at that school, the school and the tier.
    struct TierKey: Hashable {
        let explicit: Bool
        let school: String
        let tier: String
    }

    /// The tier's `TierKey`; nil for no tier.
    func tierKey(_ tier: String, school: String, student: String) -> TierKey? {
        guard !tier.isEmpty else { return nil }
        return TierKey(explicit: results.admissionCase?.explicitTiers[student]?[school] != nil, school: school, tier: tier)
    }

    /// The index of the tier's words in the site's table of tier texts, or -1; `key` is the
    /// tier's `tierKey`.
    mutating func tierIndex(_ key: TierKey?, tier: String, school: String, student: String) -> Int {
        guard let key else { return -1 }
        if let known = tierCache[key] { return known }
        let index = tierWords(tier, school: school, student: student).map { tierTexts.index($0) } ?? -1
        tierCache[key] = index
        return index
    }

    // MARK: the site

    mutating func build() throws {
        var secondSections: [SchoolLevel: String] = [:]
        for round in results.secondRounds { secondSections[round.level] = try secondRoundFiles(round) }
        var levelSections = ""
        for level in results.levels {
            levelSections += try levelFiles(level) + (secondSections[level.level] ?? "")
        }
        var quotaSection = ""
        if let quota = results.quota { quotaSection = try quotaFiles(quota) }
        if let numbers = copy(results.lotteryNumbers, name: "lottery-numbers") { try add(numbers) }
        for table in report.tables { try add(table) }
        for balance in report.resources { try resourceFiles(balance) }
        try add("data/credentials.json", JSONWriter.render(credentialsJSON))
        records = try DrawRecord.records(results)
        let recordPage = DrawRecordPage(page: SitePage(language: page.language, notice: nil), schoolNames: schoolNames)
        for record in records { try add(record.fileName, recordPage.html(record)) }
        if let manifest = results.manifest { try add("data/manifest.json", manifest.rendered) }
        try add("data/tables.json", PublicTable.index(described))
        let shards = try searchFiles()
        try add("site.css", Array(SiteAssets.css.utf8))
        try add("site.js", Array(SiteAssets.script.utf8))
        try add("about.html", aboutHTML())
        try add("index.html", indexHTML(levels: levelSections, quota: quotaSection, shards: shards))
        try add("files.html", filesHTML())
        let sums = written.sorted.map { "\($0.digest.hex)  \($0.path)\n" }.joined()
        try add("SHA256SUMS", Array(sums.utf8))
    }

    var credentialsJSON: JSONValue {
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

    var menu: String { page.menu }

    // MARK: levels and schools

    /// Writes a level's tables, school pages and list of schools; adds its pupils to the search;
    /// returns its part of the first page.
    mutating func levelFiles(_ level: LevelResults) throws -> String {
        let prefix = level.level.rawValue + "-"
        var classOf: [String: String] = [:]
        if let c = level.classes {
            let (cs, cn) = (try c.index(ClassesFile.Column.studentID), try c.index(ClassesFile.Column.classNumber))
            for row in c.rows { classOf[row[cs]] = row[cn] }
        }
        // A pupil's class is published in its placement's row (one table a pupil).
        let placements = try published(level.placements, name: prefix + "placements", idNumbers: true, classes: level.classes.map { ($0.file, classOf) })
        let cutoffs = copy(level.cutoffs, name: prefix + "cutoffs")!
        let summary = copy(level.classSummary, name: prefix + "class-summary")
        let balance = copy(level.classBalance, name: prefix + "class-balance")
        let heads = copy(level.headTeachers, name: prefix + "head-teachers")
        for table in [placements, cutoffs] + [summary, balance, heads].compactMap({ $0 }) { try add(table) }

        let p = level.placements
        let (sid, school, status, rank, tier, lottery) = (try p.index(P.studentID), try p.index(P.schoolID), try p.index(P.status),
                                                          try p.index(P.choiceRank), try p.index(P.tier), try p.index(P.lotteryNumber))
        var placedRows: [String: [Int]] = [:]
        for (k, row) in p.rows.enumerated() where !row[school].isEmpty { placedRows[row[school], default: []].append(k) }
        try appendCards(p, key: level.level.rawValue, masked: placements, classOf: classOf)
        // The list pages show a seeded number's first 16 hex digits and `…` (the whole is in the CSV).
        let ringDrawn = ringDraws[level.level.rawValue] != nil
        func listNumber(_ number: String) -> String {
            let short = Self.shortNumber(number, ringDrawn: ringDrawn)
            return short.utf8.count < number.utf8.count ? short + "…" : short
        }
        let fills = report.levels.first { $0.level == level.level }?.schools ?? []
        typealias C = CutoffsFile.Column
        let (cs, ct, cl) = (try level.cutoffs.index(C.schoolID), try level.cutoffs.index(C.cutoffTier), try level.cutoffs.index(C.cutoffLotteryNumber))
        let cg = level.cutoffs.columns.firstIndex(of: C.seats.rawValue)
        // A school of several seat groups has a cutoff per group, each told with its seats.
        var cutoffText: [String: String] = [:]
        for row in level.cutoffs.rows where !row[ct].isEmpty {
            let group = cg.map { SeatsLabel(code: row[$0]) == .all ? "" : seatsText(row[$0]) + ": " } ?? ""
            cutoffText[row[cs]] = (cutoffText[row[cs]].map { $0 + "; " } ?? "") + "\(group)\(row[ct]) / \(row[cl].prefix(12))…"
        }
        var summaryRows: [String: [[String]]] = [:], balanceRows: [String: [[String]]] = [:], headRows: [String: [[String]]] = [:]
        if let summary, let ss = summary.column("school_id") { for row in summary.base { summaryRows[row[ss], default: []].append(Array(row)) } }
        if let balance, let bs = balance.column("school_id") { for row in balance.base { balanceRows[row[bs], default: []].append(Array(row)) } }
        if let heads, let hs = heads.column("school_id") { for row in heads.base { headRows[row[hs], default: []].append(Array(row)) } }

        var schoolIDs = Set(fills.map(\.schoolID))
        schoolIDs.formUnion(placedRows.keys)
        let name = levelName(level.level)
        let nameAt = placements.appendedIndex("name_masked")
        let fillOf = Dictionary(fills.map { ($0.schoolID, $0) }, uniquingKeysWith: { first, _ in first })
        // The schools' pages made on all cores a batch at a time (each school its own slot: the
        // order is the schools'), then handed to the sink in that order.
        let ids = schoolIDs.sorted()
        for start in stride(from: 0, to: ids.count, by: Self.pagesPerBatch) {
            let part = Array(ids[start..<min(ids.count, start + Self.pagesPerBatch)])
            // The pages are made from a constant builder: a method called on `self` here (which
            // may change) would copy the whole builder for each call, from every core at once.
            let builder = self
            let pages = concurrentMap(count: part.count) { slot in
                let id = part[slot], rows = placedRows[id] ?? []
                // The list's cells, each field read alone (not the whole row).
                let students = rows.map { p.rows[$0, sid] }
                return builder.schoolPages(id, level: level.level, fill: fillOf[id], cutoff: cutoffText[id] ?? "–",
                                           placed: zip(rows, students).map { k, student in
                                               [student] + (nameAt.map { [placements.appended[k][$0]] } ?? [])
                                                   + [builder.statusText(p.rows[k, status]), p.rows[k, rank], p.rows[k, tier], listNumber(p.rows[k, lottery])]
                                           },
                                           classOf: students.map { classOf[$0] ?? "" }, named: nameAt != nil,
                                           summary: summary.map { ($0.columns, summaryRows[id] ?? []) }, balance: balance.map { ($0.columns, balanceRows[id] ?? []) },
                                           heads: heads.map { ($0.columns, headRows[id] ?? []) })
            }
            for school in pages { for file in school { try add(file.path, file.bytes) } }
        }
        try schoolListFiles(level.level, fills: fills, cutoffText: cutoffText, downloads: [placements, cutoffs] + [summary, balance, heads].compactMap { $0 })
        let l = report.levels.first { $0.level == level.level }
        var section = "<h3 id=\"\(level.level.rawValue)\">\(e(name))</h3>\n"
        if let l {
            section += "<p>\(e(t(.applicantsOfLevel, name, "\(l.applicants)"))): \(e(t(.admitted))) \(l.admitted), \(e(t(.reassigned))) \(l.reassigned), \(e(t(.unplaced))) \(l.unplaced)</p>\n"
        }
        return section + "<p><a class=\"button\" href=\"schools-\(level.level.rawValue).html\">\(e(t(.schoolsOfLevel, name))) (\(schoolIDs.count))</a></p>\n"
    }

    /// A seeded lottery number as the search records and the list pages hold it: its first 16 hex
    /// digits (64 bits, which no other number shares by chance, in the same order as the whole
    /// numbers); the page computes the whole number, checks it against them, and shows it. A
    /// ring's number (a position, mostly zeros) is kept whole, as is anything not 64 digits long.
    static func shortNumber(_ number: String, ringDrawn: Bool) -> String {
        ringDrawn || number.utf8.count != 64 ? number : String(number.prefix(16))
    }

    /// Every placement row's result card, under `key` (the level, or `<level>-second-round`: the
    /// card names it, and the page checks its lottery number in the draw and seed of that key).
    ///
    /// The cards' texts are made on all cores (chunks of rows, each its own slot), then numbered
    /// and added in the rows' order, so that the positions of texts kept once (`InternedTexts`)
    /// are those of their first row, whatever the cores.
    mutating func appendCards(_ p: RunCSV, key: String, masked placements: PublicTable, classOf: [String: String]) throws(PublishingError) {
        let ringDrawn = ringDraws[key] != nil
        let cards = try cardTexts(p, ringDrawn: ringDrawn, masked: placements, classOf: classOf)
        guard !cards.isEmpty else { return }
        let keyIndex = recordKeys.index(key)
        for (k, card) in cards.enumerated() {
            let noteIndex = card.note.isEmpty ? -1 : noteTexts.index(card.note)
            var record: [SearchRecords.Field] = [
                .number(keyIndex), .text(card.school), .number(recordStatuses.index(card.status)), .whole(card.rank), .whole(card.tier),
                .number(tierIndex(card.tierKey, tier: card.tier, school: card.school, student: card.studentID)), .text(card.number),
                .whole(card.classNo), .text(card.name), .text(card.twin), .number(noteIndex),
            ]
            // A ring-drawn level's rows are in roster order (student_id): the row is the number.
            if ringDrawn { record.append(.number(k + 1)) }
            search.append(id: card.studentID, SearchRecords.trimmed(record))
        }
    }

    /// The texts of each placement row's card, made on all cores (chunks of rows, each its own
    /// slot, in the rows' order). Not mutating: a method called on a builder that may change (in
    /// a mutating method) copies the whole builder for each call, from every core at once.
    func cardTexts(_ p: RunCSV, ringDrawn: Bool, masked placements: PublicTable, classOf: [String: String]) throws(PublishingError) -> FlattenSequence<[[CardTexts]]> {
        let (sid, school, status, rank, tier, lottery) = (try p.index(P.studentID), try p.index(P.schoolID), try p.index(P.status),
                                                          try p.index(P.choiceRank), try p.index(P.tier), try p.index(P.lotteryNumber))
        let (twin, note, seats) = (p.columns.firstIndex(of: P.twinGroup.rawValue), p.columns.firstIndex(of: P.note.rawValue),
                                   p.columns.firstIndex(of: P.seats.rawValue))
        let nameAt = placements.appendedIndex("name_masked")
        let rows = p.rows, chunk = 8_192
        return concurrentMap(count: (rows.count + chunk - 1) / chunk) { c in
            ((c * chunk)..<min(rows.count, (c + 1) * chunk)).map { k in
                let row = rows[k]
                let (studentID, rowSchool, rowTier, rowSeats) = (row[sid], row[school], row[tier], seats.map { row[$0] } ?? "")
                // The seats are told on the card beside the note, where they are not simply the school's.
                let seatWords = rowSeats.isEmpty || SeatsLabel(code: rowSeats) == .all ? "" : seatsText(rowSeats)
                let rowNote = note.map { row[$0] } ?? ""
                let noteWords = rowNote.isEmpty ? "" : noteText(rowNote)
                return CardTexts(studentID: studentID, school: rowSchool, status: row[status], rank: row[rank], tier: rowTier,
                                 tierKey: tierKey(rowTier, school: rowSchool, student: studentID),
                                 number: Self.shortNumber(row[lottery], ringDrawn: ringDrawn), classNo: classOf[studentID] ?? "",
                                 name: nameAt.map { placements.appended[k][$0] } ?? "", twin: twin.map { row[$0] } ?? "",
                                 note: seatWords.isEmpty ? noteWords : noteWords.isEmpty ? seatWords : noteWords + "; " + seatWords)
            }
        }.joined()
    }

    /// A placement row's texts on its result card, before the texts kept once are numbered.
    struct CardTexts {
        let studentID, school, status, rank, tier: String
        let tierKey: TierKey?
        let number, classNo, name, twin, note: String
    }

    /// A level's second round: its masked tables, its applicants' cards (added before the first
    /// round's, so that a first-round applicant who applied again finds the result in effect),
    /// and its paragraph for the first page.
    mutating func secondRoundFiles(_ round: LevelResults) throws -> String {
        let key = Self.secondRoundKey(round.level)
        let placements = try published(round.placements, name: key + "-placements", idNumbers: true)
        let cutoffs = copy(round.cutoffs, name: key + "-cutoffs")!
        for table in [placements, cutoffs] { try add(table) }
        try appendCards(round.placements, key: key, masked: placements, classOf: [:])
        let status = try round.placements.index(P.status)
        var counts: [PlacementRun.Placement.Status: Int] = [:]
        for row in round.placements.rows { if let s = PlacementRun.Placement.Status(rawValue: row[status]) { counts[s, default: 0] += 1 } }
        let name = "\(levelName(round.level)) · \(t(.secondRound))"
        return "<h3 id=\"\(key)\">\(e(name))</h3>\n<p>\(e(t(.applicantsOfLevel, name, "\(round.placements.rows.count)"))): "
            + "\(e(t(.admitted))) \(counts[.admitted] ?? 0), \(e(t(.reassigned))) \(counts[.reassigned] ?? 0), \(e(t(.unplaced))) \(counts[.unplaced] ?? 0)</p>\n"
            + "<p>" + [placements, cutoffs].map { "<a href=\"data/\($0.name).csv\">\(e($0.name)).csv</a>" }.joined(separator: " · ") + "</p>\n"
    }

    /// The key of a level's second round in the page's data: `<level>-second-round`, its draw's name.
    static func secondRoundKey(_ level: SchoolLevel) -> String { "\(level.rawValue)-second-round" }

    /// The pages of one school, in the order written: its summary with class balance and
    /// head-teacher draw, and the list of its placed applicants by class (`listPages`).
    /// `placed` holds the list's cells (student_id, masked name when `named`, status, choice
    /// rank, tier, lottery number), `classOf` each row's class ("" when none).
    func schoolPages(_ id: String, level: SchoolLevel, fill: SupervisionReport.SchoolFill?, cutoff: String, placed: [[String]], classOf: [String],
                     named: Bool, summary: ([String], [[String]])?, balance: ([String], [[String]])?, heads: ([String], [[String]])?) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        let title = "\(levelName(level)) · \(schoolLabel(id))"
        var body = menu + "<h1>\(e(title))</h1>\n"
        if let fill {
            body += page.table([t(.seats), t(.placed), t(.fillRate), t(.cutoff)], [["\(fill.seats)", "\(fill.placed)", fill.fillRate, cutoff]])
        }
        let pages = Self.listPages(classOf, studentIDs: placed.map { $0[0] })
        let classed = classOf.contains { !$0.isEmpty }
        func path(_ k: Int) -> String { Self.schoolPage(id, "-list-\(k)") }
        func anchor(_ classNo: String) -> String { classNo.isEmpty ? "no-class" : "class-\(HTMLText.fileNamePart(classNo))" }
        func heading(_ section: ListSection) -> String { section.classNo.isEmpty ? t(.noClass) : "\(t(.classNo)) \(section.classNo)" }
        body += "<h2>\(e(t(.placedList))) (\(placed.count))</h2>\n" + page.pager(count: pages.count, current: 0, path: path)
        if classed {
            // Every class linked where its list starts.
            var links: [String] = []
            for (k, sections) in pages.enumerated() {
                for section in sections where section.first {
                    links.append("<a href=\"\(e(path(k + 1)))#\(anchor(section.classNo))\">\(e(section.classNo.isEmpty ? t(.noClass) : section.classNo))</a>")
                }
            }
            body += "<h2>\(e(t(.classes)))</h2>\n<nav class=\"pager\" aria-label=\"\(e(t(.classes)))\">" + links.joined() + "</nav>\n"
        }
        if let summary { body += classBalanceHTML(id, summary: summary, balance: balance) }
        if let (columns, rows) = heads, let hn = columns.firstIndex(of: HeadTeachersFile.Column.classNumber.rawValue),
           let ht = columns.firstIndex(of: HeadTeachersFile.Column.teacherID.rawValue), !rows.isEmpty {
            body += "<h2>\(e(t(.headTeachers)))</h2>\n" + page.table([t(.classNo), t(.teacher)], rows.map { [$0[hn], $0[ht]] })
        }
        body += "<p>\(e(t(.masking))): \(e(t(.maskingExplained)))</p>\n"
        files.append((Self.schoolPage(id), page.document(title: "\(title) · \(t(.title))", body: body)))

        let header = [t(.studentID)] + (named ? [t(.name)] : []) + [t(.status), t(.choiceRank), t(.tier), t(.lotteryNumber)]
        for (k, sections) in pages.enumerated() {
            let pager = page.pager(count: pages.count, current: k + 1, path: path)
            let pageHeading = "\(title) · \(t(.placedList)) · \(t(.page, "\(k + 1)", "\(pages.count)"))"
            var list = menu + "<p><a href=\"\(e(Self.schoolPage(id)))\">\(e(schoolLabel(id)))</a></p>\n<h1>\(e(pageHeading))</h1>\n" + pager
            for section in sections {
                if classed {
                    list += "<h2" + (section.first ? " id=\"\(anchor(section.classNo))\"" : "") + ">\(e(heading(section))) (\(section.size))</h2>\n"
                }
                list += page.table(header, section.rows.lazy.map { placed[$0] }, tableClass: "hash-last")
            }
            files.append((path(k + 1), page.document(title: pageHeading, body: list + pager + "<p>\(e(t(.masking))): \(e(t(.maskingExplained)))</p>\n")))
        }
        return files
    }

    /// A part of a list page: rows of one class (`classNo`, "" for the placed in no class) of
    /// `size` pupils; `first` when the class starts here.
    struct ListSection: Equatable {
        let classNo: String
        let size: Int
        let first: Bool
        let rows: [Int]
    }

    /// A school's list pages: its placed applicants (`classOf[k]` row k's class, "" when none) in
    /// class order (numeric), then student_id, those in no class last; whole classes on a page of
    /// at most `rowsPerPage` rows (a class of more is cut into pages of `rowsPerPage`). A school
    /// without classes keeps the run's order, cut every `rowsPerPage` rows. At least one page.
    /// - Complexity: O(n log n) for n rows.
    static func listPages(_ classOf: [String], studentIDs: [String]) -> [[ListSection]] {
        let order = !classOf.contains { !$0.isEmpty } ? Array(classOf.indices)
            : classOf.indices.sorted { (Int(classOf[$0]) ?? .max, classOf[$0], studentIDs[$0]) < (Int(classOf[$1]) ?? .max, classOf[$1], studentIDs[$1]) }
        var pages: [[ListSection]] = [], current: [ListSection] = [], filled = 0
        var start = 0
        while start < order.count {
            var end = start
            while end < order.count, classOf[order[end]] == classOf[order[start]] { end += 1 }
            for from in stride(from: start, to: end, by: rowsPerPage) {
                let rows = Array(order[from..<min(end, from + rowsPerPage)])
                if !current.isEmpty, filled + rows.count > rowsPerPage { pages.append(current); current = []; filled = 0 }
                current.append(ListSection(classNo: classOf[order[start]], size: end - start, first: from == start, rows: rows))
                filled += rows.count
            }
            start = end
        }
        return pages + (current.isEmpty && !pages.isEmpty ? [] : [current])
    }

    /// The class balance of a school: a chart of boys and girls per class with the mean score
    /// under each, and the table with the care groups in words.
    func classBalanceHTML(_ id: String, summary: ([String], [[String]]), balance: ([String], [[String]])?) -> String {
        let (columns, rows) = summary
        guard !rows.isEmpty, let sn = columns.firstIndex(of: ClassSummaryFile.Column.classNumber.rawValue), let sz = columns.firstIndex(of: ClassSummaryFile.Column.size.rawValue),
              let sb = columns.firstIndex(of: "boys"), let sg = columns.firstIndex(of: "girls") else { return "" }
        let mean = columns.firstIndex(of: "score_mean")
        let known = Set(ClassSummaryFile.Column.allCases.map(\.rawValue))
        let groups = columns.indices.filter { !known.contains(columns[$0]) && !columns[$0].hasPrefix("mean_") }
        let notes = rows.map { row in
            ([mean.flatMap { row[$0].isEmpty ? nil : t(.meanScoreOf, row[$0]) }] + groups.map { "\(keyText(columns[$0])) \(row[$0])" })
                .compactMap { $0 }.joined(separator: "\n")
        }
        var s = "<h2>\(e(t(.classBalance)))</h2>\n"
        s += page.figure(SVGChart(title: "\(schoolLabel(id)) · \(t(.perClassChart))", categories: rows.map { "\(t(.classNo)) \($0[sn])" }, notes: notes,
                                  series: [.init(name: t(.boys), values: rows.map { Double($0[sb]) ?? 0 }, color: SVGChart.palette[0]),
                                           .init(name: t(.girls), values: rows.map { Double($0[sg]) ?? 0 }, color: SVGChart.palette[3])],
                                  stacked: true, unit: t(.pupilsUnit)))
        let shown = [sn, sz, sb, sg] + (mean.map { [$0] } ?? []) + groups
        let header = [t(.classNo), t(.size), t(.boys), t(.girls)] + (mean != nil ? [t(.meanScore)] : []) + groups.map { "\(t(.careGroups)): \(keyText(columns[$0]))" }
        s += page.table(header, rows.map { row in shown.map { row[$0] } })
        if let (bc, brows) = balance, let bm = bc.firstIndex(of: ClassBalanceFile.Column.measure.rawValue),
           let bsp = bc.firstIndex(of: ClassBalanceFile.Column.spread.rawValue), !brows.isEmpty {
            s += page.table([t(.measure), t(.spread)], brows.map { [keyText($0[bm]), $0[bsp]] })
        }
        return s
    }

    /// A level's list of schools, `schoolsPerPage` a page, each page with its chart.
    mutating func schoolListFiles(_ level: SchoolLevel, fills: [SupervisionReport.SchoolFill], cutoffText: [String: String], downloads: [PublicTable]) throws {
        let name = levelName(level)
        let count = max(1, (fills.count + Self.schoolsPerPage - 1) / Self.schoolsPerPage)
        func path(_ k: Int) -> String { k == 1 ? "schools-\(level.rawValue).html" : "schools-\(level.rawValue)-\(k).html" }
        for k in 1...count {
            let part = Array(fills[min(fills.count, (k - 1) * Self.schoolsPerPage)..<min(fills.count, k * Self.schoolsPerPage)])
            let heading = "\(t(.schoolsOfLevel, name)) · \(t(.page, "\(k)", "\(count)"))"
            var body = menu + "<h1>\(e(heading))</h1>\n" + page.pager(count: count, current: k, path: path)
            body += "<div class=\"scroll\"><table><thead><tr>" + [t(.school), t(.seats), t(.applicantsFirst), t(.placed), t(.fillRate), t(.cutoff)].map { "<th>\(e($0))</th>" }.joined()
                + "</tr></thead><tbody>\n"
            for fill in part {
                body += "<tr><td><a href=\"\(e(Self.schoolPage(fill.schoolID)))\">\(e(schoolLabel(fill.schoolID)))</a></td><td>\(fill.seats)</td><td>\(fill.firstChoice.map(String.init) ?? "–")</td><td>\(fill.placed)</td><td>\(e(fill.fillRate))</td><td>\(e(cutoffText[fill.schoolID] ?? "–"))</td></tr>\n"
            }
            body += "</tbody></table></div>\n"
            body += page.figure(SVGChart(title: "\(name) · \(t(.seatsVsApplicants))", categories: part.map(\.schoolID),
                                         series: [.init(name: t(.seats), values: part.map { Double($0.seats) }, color: SVGChart.palette[0]),
                                                  .init(name: t(.applicantsFirst), values: part.map { Double($0.firstChoice ?? 0) }, color: SVGChart.palette[1]),
                                                  .init(name: t(.placed), values: part.map { Double($0.placed) }, color: SVGChart.palette[2])],
                                         unit: t(.pupilsUnit)))
            body += page.pager(count: count, current: k, path: path) + downloadsHTML(downloads)
            try add(path(k), page.document(title: heading, body: body))
        }
    }

    func downloadsHTML(_ tables: [PublicTable]) -> String {
        "<p>\(e(t(.downloads))): " + tables.map { tbl in
            "<a href=\"data/\(e(tbl.name)).csv\">\(e(tbl.name)).csv</a>"
        }.joined(separator: " | ") + "</p>\n"
    }

    // MARK: quota

    /// Writes the quota tables, `quota.html` and the quota admissions pages; adds the admitted to
    /// the search; returns the first page's part.
    mutating func quotaFiles(_ quota: QuotaResults) throws -> String {
        let allocation = copy(quota.allocation, name: "quota-allocation")!
        let admissions = try quota.admissions.map { (a) throws(PublishingError) in try published(a, name: "quota-admissions", idNumbers: false) }
        let unfilled = copy(quota.unfilled, name: "quota-unfilled")
        for table in [allocation] + [admissions, unfilled].compactMap({ $0 }) { try add(table) }
        typealias A = QuotaAllocationFile.Column
        typealias U = QuotaUnfilledFile.Column
        typealias Q = QuotaAdmissionsFile.Column
        guard let h = allocation.column(A.highSchoolID), let j = allocation.column(A.juniorSchoolID), let s = allocation.column(A.seats) else {
            throw PublishingError.missingColumn(file: allocation.source ?? allocation.name, column: "high_school_id, junior_school_id, seats")
        }
        var perHigh: [String: Double] = [:]
        for row in allocation.base { perHigh[row[h], default: 0] += Double(row[s]) ?? 0 }
        let highs = perHigh.keys.sorted()
        let chart = SVGChart(title: t(.quotaSeatsPerHigh), categories: highs,
                             series: [.init(name: t(.quota), values: highs.map { perHigh[$0]! }, color: SVGChart.palette[0])], unit: t(.pupilsUnit))
        var body = menu + "<h1>\(e(t(.quota)))</h1>\n" + page.figure(chart)
        let basis = allocation.column(A.basis), share = allocation.column(A.exactShare)
        body += "<h2>\(e(t(.quotaAllocation)))</h2>\n"
        // Under a heading per high school, its rows without it (the run's order kept).
        body += groupedTables([t(.juniorSchool), t(.basis), t(.exactShare), t(.seats)], allocation.base.indices, of: allocation.base.indices,
                              key: { allocation.base[$0, h] }, title: schoolLabel) { k in
            let row = allocation.base[k]
            return [schoolLabel(row[j]), basis.map { row[$0] } ?? "", share.map { row[$0] } ?? "", row[s]]
        }
        if let unfilled, let uh = unfilled.column(U.highSchoolID), let uj = unfilled.column(U.juniorSchoolID), let un = unfilled.column(U.unfilled) {
            let reason = unfilled.column(U.reason), goes = unfilled.column(U.goesTo)
            body += "<h2>\(e(t(.quotaUnfilled)))</h2>\n"
            body += unfilled.count == 0 ? "<p>\(e(t(.none)))</p>\n" : page.table([t(.highSchool), t(.juniorSchool), t(.unfilled), t(.reason), t(.goesTo)], unfilled.base.map { row in
                [schoolLabel(row[uh]), schoolLabel(row[uj]), row[un], reason.map { unfilledReasonText(row[$0]) } ?? "", goes.map { goesToText(row[$0]) } ?? ""]
            })
        }
        if let admissions, let st = admissions.column("student_id") {
            let hs = admissions.column(Q.highSchoolID), js = admissions.column(Q.juniorSchoolID), route = admissions.column(Q.route)
            let nameAt = admissions.appendedIndex("name_masked"), named = nameAt != nil
            // Each row's fields and cells made on all cores (chunks, each its own slot), then its
            // card added in the rows' order (the route's position is that of its first row).
            // (From a constant builder, as the schools' pages are made.)
            let chunk = 8_192, builder = self
            let read = concurrentMap(count: (admissions.count + chunk - 1) / chunk) { c in
                ((c * chunk)..<min(admissions.count, (c + 1) * chunk)).map { k in
                    let row = admissions.base[k], id = row[st], school = hs.map { row[$0] } ?? "", way = route.map { row[$0] } ?? ""
                    let name = nameAt.map { admissions.appended[k][$0] } ?? ""
                    return (id: id, school: school, way: way, name: name,
                            cells: [id] + (named ? [name] : []) + [builder.schoolLabel(school), builder.statusText(way)])
                }
            }.joined()
            if !read.isEmpty {
                let keyIndex = recordKeys.index(SchoolLevel.high.rawValue)
                for r in read {
                    search.append(id: r.id, SearchRecords.trimmed([.number(keyIndex), .text(r.school), .number(recordStatuses.index(r.way)),
                                                                   .text(""), .text(""), .number(-1), .text(""), .text(""), .text(r.name)]))
                }
            }
            let rows = read.map(\.cells)
            let count = max(1, (rows.count + Self.rowsPerPage - 1) / Self.rowsPerPage)
            body += "<h2>\(e(t(.quotaAdmissions))) (\(rows.count))</h2>\n" + page.pager(count: count, current: 0) { "quota-admissions-\($0).html" }
            // Under a heading per junior school, its graduates without it (the run's order kept).
            let header = [t(.studentID)] + (named ? [t(.name)] : []) + [t(.highSchool), t(.highSchoolRoute)]
            // The pages made on all cores a batch at a time (each its own slot), written in order.
            for start in stride(from: 1, through: count, by: Self.pagesPerBatch) {
                let builder = self
                let pages = concurrentMap(count: min(Self.pagesPerBatch, count - start + 1)) { slot in
                    let k = start + slot
                    let heading = "\(builder.t(.quotaAdmissions)) · \(builder.t(.page, "\(k)", "\(count)"))"
                    let pager = builder.page.pager(count: count, current: k) { "quota-admissions-\($0).html" }
                    let part = min(rows.count, (k - 1) * Self.rowsPerPage)..<min(rows.count, k * Self.rowsPerPage)
                    let tables = builder.groupedTables(header, part, of: rows.indices, key: { row in js.map { admissions.base[row, $0] } ?? "" },
                                                       title: builder.schoolLabel) { rows[$0] }
                    return builder.page.document(title: heading, body: builder.menu + "<h1>\(builder.e(heading))</h1>\n" + pager + tables + pager)
                }
                for (slot, bytes) in pages.enumerated() { try add("quota-admissions-\(start + slot).html", bytes) }
            }
        }
        body += downloadsHTML([allocation] + [admissions, unfilled].compactMap { $0 })
        try add("quota.html", page.document(title: "\(t(.quota)) · \(t(.title))", body: body))
        return "<h3 id=\"quota\">\(e(t(.quota)))</h3>\n" + page.figure(chart) + "<p><a class=\"button\" href=\"quota.html\">\(e(t(.quota)))</a></p>\n"
    }

    /// Tables under headings: `rows` (a page of `all`) in their order, a heading (`<h2>`:
    /// `title` of the rows' `key`, with the number of rows of `all` around them that share it)
    /// and a table each time the key changes; `cells(k)` gives row k's cells under `header`.
    /// - Complexity: O(rows, and the rows of the groups cut at the page's ends).
    func groupedTables(_ header: [String], _ rows: Range<Int>, of all: Range<Int>, key: (Int) -> String, title: (String) -> String,
                       cells: (Int) -> [String]) -> String {
        var s = "", start = rows.lowerBound
        while start < rows.upperBound {
            let group = key(start)
            var end = start + 1
            while end < rows.upperBound, key(end) == group { end += 1 }
            var (first, last) = (start, end)
            while first > all.lowerBound, key(first - 1) == group { first -= 1 }
            while last < all.upperBound, key(last) == group { last += 1 }
            s += "<h2>\(e(title(group))) (\(last - first))</h2>\n" + page.table(header, (start..<end).lazy.map(cells))
            start = end
        }
        return s
    }

    // MARK: search

    /// Writes the search shards; returns the shard table for the first page's data.
    mutating func searchFiles() throws -> SearchShards {
        let records = search
        return try records.shards(budget: Self.shardBudget) { try add($0, $1) }
    }

    // MARK: first page

    func indexHTML(levels: String, quota: String, shards: SearchShards) -> [UInt8] {
        var body = "<h1>\(e(t(.title)))</h1>\n"
        if let round = page.notice?.round { body += "<p class=\"round\">\(e(round))</p>\n" }
        body += menu
        body += page.searchSection(more: "<p><a href=\"about.html\">\(e(t(.explainLink)))</a></p>\n")
        body += "<h2 id=\"schools\">\(e(t(.menuSchools)))</h2>\n" + levels + quota
        body += credentialsHTML()
        body += supervisionHTML()
        body += page.maskingAndFiles
        return page.document(title: t(.title), body: body, scripts: page.scripts(siteData(shards)))
    }

    /// What the page's script reads: the seed and draws for the check, where each id's shard is,
    /// school names, tier and note texts, and the words it shows.
    func siteData(_ shards: SearchShards) -> JSONValue {
        let words: [(String, JSONValue)] = [
            ("notFound", .string(t(.notFound, "%1"))), ("loadFailed", .string(t(.loadFailed, "%1"))), ("resultOf", .string(t(.resultOf, "%1"))),
            ("choiceMet", .string(t(.choiceMet, "%1"))), ("noChoiceMet", .string(t(.noChoiceMet))),
            ("level", .string(t(.level))), ("name", .string(t(.name))), ("status", .string(t(.status))), ("route", .string(t(.highSchoolRoute))),
            ("school", .string(t(.school))), ("classNo", .string(t(.classNo))), ("choiceRank", .string(t(.choiceRank))), ("tier", .string(t(.tier))),
            ("tierMeans", .string(t(.tierMeans))), ("note", .string(t(.note))), ("twinGroup", .string(t(.twinGroup))),
            ("lotteryNumber", .string(t(.lotteryNumber))), ("lotteryMeans", .string(t(.lotteryMeans))), ("checking", .string(t(.checking))),
            ("checkMatch", .string(t(.checkMatch))), ("checkMismatch", .string(t(.checkMismatch))), ("checkUnavailable", .string(t(.checkUnavailable))),
            ("computedNumber", .string(t(.computedNumber))),
            ("statuses", .object((PlacementRun.Placement.Status.allCases.map(\.rawValue) + ["quota", "open"]).map { ($0, .string(statusText($0))) })),
            ("levels", .object(SchoolLevel.allCases.map { ($0.rawValue, .string(levelName($0))) }
                + results.secondRounds.map { (Self.secondRoundKey($0.level), .string("\(levelName($0.level)) · \(t(.secondRound))")) })),
        ]
        let draws = results.levels.map { ($0.level.rawValue, JSONValue.string(LotteryNumbersStep.drawName($0.level))) }
            + results.secondRounds.map { (Self.secondRoundKey($0.level), JSONValue.string(Self.secondRoundKey($0.level))) }
        return .object([
            ("seed", results.manifest.map { .string($0.seed) } ?? .null),
            ("seeds", .object(roundSeeds.map { ($0.key, .string($0.seed)) })),
            ("draws", .object(draws)),
            ("rings", .object(ringDraws.sorted { $0.key < $1.key }.map { key, value in
                (key, .object([("count", .integer(value.count)), ("interval", .integer(value.ring.interval)), ("start", .integer(value.ring.start))]))
            })),
            ("keys", .array(recordKeys.texts.map { .string($0) })),
            ("statusCodes", .array(recordStatuses.texts.map { .string($0) })),
        ] + page.searchData(shards, schools: schoolNames, tiers: tierTexts.texts, notes: noteTexts.texts, words: words))
    }

    /// The levels the manifest records as placed by a ring draw, by level key, with their
    /// start number, interval and number of applicants.
    var ringDraws: [String: (ring: RingDraw, count: Int)] {
        var rings: [String: (ring: RingDraw, count: Int)] = [:]
        for level in results.levels {
            if let ring = results.manifest?.ringDraw(placing: level.level) { rings[level.level.rawValue] = (ring, level.placements.rows.count) }
        }
        return rings
    }

    /// The seed and commitment of each second round the manifest records, by its key (`secondRoundKey`).
    var roundSeeds: [(key: String, level: SchoolLevel, seed: String, commitment: String)] {
        (results.manifest?.steps ?? []).compactMap { step in
            guard case let .secondRound(level, seed, commitment, _) = step.step else { return nil }
            return (Self.secondRoundKey(level), level, seed, commitment.hex)
        }
    }

    func credentialsHTML() -> String {
        let na = t(.notRecorded)
        let m = results.manifest
        var s = "<h2 id=\"credentials\">\(e(t(.credentials)))</h2>\n<p><a href=\"about.html\">\(e(t(.explainLink)))</a></p>\n"
        s += "<div class=\"scroll\"><table id=\"credentials-table\"><tbody>\n"
        for (key, value, id) in [(SiteLanguage.Key.seed, m?.seed, "seed"), (.commitment, m?.commitment.hex, "commitment"),
                                 (.commitmentNote, results.commitment?.note, "commitment-note"), (.toolVersion, m?.toolVersion, "version"), (.code, m?.code, "code")] {
            s += "<tr><th>\(e(t(key)))</th><td class=\"hash\" id=\"\(id)\">\(e(value ?? na))</td></tr>\n"
        }
        for round in roundSeeds {
            let name = "\(levelName(round.level)) · \(t(.secondRound))"
            s += "<tr><th>\(e(name)) · \(e(t(.seed)))</th><td class=\"hash\" id=\"seed-\(round.key)\">\(round.seed)</td></tr>\n"
            s += "<tr><th>\(e(name)) · \(e(t(.commitment)))</th><td class=\"hash\">\(round.commitment)</td></tr>\n"
        }
        s += "</tbody></table></div>\n<h3>\(e(t(.recordLinks)))</h3>\n<ul id=\"record-links\">"
        let recordPage = DrawRecordPage(page: page, schoolNames: schoolNames)
        s += records.map { "<li><a href=\"\($0.fileName)\">\(e(recordPage.title($0)))</a></li>" }.joined() + "</ul>\n"
        s += "<h3>\(e(t(.attempts)))</h3>\n<p>\(e(t(.attemptsExplained)))</p>\n"
        s += page.table([t(.step), t(.outcome), t(.seed)], (m?.attempts ?? []).map { attempt in
            let outcome: SiteLanguage.Key = switch attempt.outcome {
            case .recorded: .recorded
            case .replaced: .replaced
            case .interrupted: .interrupted
            }
            return [attemptLabel(attempt), t(outcome), attempt.seed]
        }, id: "attempts-table", classes: [2: "hash"])
        s += "<h3>\(e(t(.contributions)))</h3>\n"
        if let ceremony = results.ceremony {
            s += page.table([t(.contributionLabel), t(.contributionValue)], ceremony.contributions.map { [$0.label, $0.value] })
            s += "<p>\(e(t(.canonicalText))):</p><pre>\(e(ceremony.canonicalText))</pre>\n<p>\(e(t(.checkSeed))):</p><pre>\(e(ceremony.checkCommand))</pre>\n"
        } else {
            s += "<p>\(e(na))</p>\n"
        }
        return s
    }

    func supervisionHTML() -> String {
        var s = "<h2 id=\"supervision\">\(e(t(.supervision)))</h2>\n"
        s += page.table([t(.level), t(.applicants), t(.nearbyRate), t(.admitted), t(.reassigned), t(.unplaced), t(.largeClasses)],
                        report.levels.map { l in
                            [levelName(l.level), "\(l.applicants)", "\(l.nearbyRate) (\(l.nearby))", "\(l.admitted)",
                             "\(l.reassigned)", "\(l.unplaced)", "\(l.largeClasses.count)"]
                        }, id: "supervision-summary")
        s += "<p>\(e(t(.nearbyRate))) = \(e(t(.nearbyExplained)))</p>\n"
        if !report.verdicts.isEmpty {
            s += "<h3>\(e(t(.verdicts)))</h3>\n"
            s += page.table([t(.indicator), t(.level), t(.count), t(.target), t(.meetsTarget)], report.verdicts.map { v in
                [keyText(v.indicator), v.level.map(levelName) ?? t(.high), v.value == "\(v.count)" ? v.value : "\(v.value) (\(v.count) / \(v.denominator))",
                 v.target ?? "–", v.passes.map { t($0 ? .yes : .no) } ?? "–"]
            }, id: "supervision-verdicts")
            s += verdictCharts()
        }
        for balance in report.resources {
            s += "<h3>\(e(levelName(balance.level))) · \(e(t(.resourceSpread)))</h3>\n"
            let rows = zip(SchoolResources.Indicator.allCases, zip(balance.standards, balance.coefficients)).map { i, sc in
                [keyText(i.rawValue), DecimalText.trimmed(sc.0), sc.1.map { DecimalText.format($0, places: 3) } ?? "–"]
            } + [[keyText("comprehensive"), "≤ " + DecimalText.format(ResourceBalance.cvMaximum(balance.level), places: 2),
                  balance.comprehensive.map { DecimalText.format($0, places: 3) } ?? "–"]]
            s += page.table([t(.indicator), t(.standard), t(.coefficient)], rows)
            s += "<p><a class=\"button\" href=\"\(Self.resourcePage(balance.level))\">\(e(t(.resourcesBySchool, levelName(balance.level))))</a> · "
                + "<a href=\"data/supervision-\(balance.level.rawValue)-resources.csv\">supervision-\(balance.level.rawValue)-resources.csv</a></p>\n"
        }
        for l in report.levels {
            let name = levelName(l.level)
            if !l.seatGroups.isEmpty {
                s += "<h3>\(e(name)) · \(e(t(.seatGroups)))</h3>\n"
                s += page.table([t(.school), t(.seatKind), t(.seats), t(.filled), t(.ofCategory)], l.seatGroups.map { g in
                    [schoolLabel(g.schoolID), seatsText(g.seats), "\(g.capacity)", "\(g.filled)", g.ofCategory.map(String.init) ?? "–"]
                })
            }
            s += "<h3>\(e(name)) · \(e(t(.reasons)))</h3>\n"
            s += l.reasons.isEmpty ? "<p>\(e(t(.none)))</p>\n" : page.table([t(.status), t(.reason), t(.count)], l.reasons.map { [statusText($0.status), noteText($0.reason), "\($0.count)"] })
            if !l.classSizes.isEmpty {
                s += "<h3>\(e(name)) · \(e(t(.classSizes)))</h3>\n"
                s += page.figure(SVGChart(title: "\(name) · \(t(.classSizes))", categories: l.classSizes.map { "\($0.size)" },
                                          series: [.init(name: t(.classCount), values: l.classSizes.map { Double($0.classes) }, color: SVGChart.palette[4])],
                                          unit: t(.classesUnit)))
                let listed = l.largeClasses.prefix(Self.largeClassesListed).map { "\(schoolLabel($0.schoolID)) \(t(.classNo)) \($0.classNumber): \($0.size)" }
                let more = l.largeClasses.count > listed.count ? "; " + t(.largeClassesMore, "\(l.largeClasses.count - listed.count)") : ""
                s += "<p>\(e(t(.largeClasses))): " + (listed.isEmpty ? e(t(.none)) : e(listed.joined(separator: ", ") + more)) + "</p>\n"
            }
        }
        if !report.quota.isEmpty {
            s += "<h3>\(e(t(.quotaShare)))</h3>\n"
            s += page.table([t(.highSchool), t(.quota), t(.seats), t(.quotaShare), t(.minimumShare), t(.meetsMinimum)], report.quota.map { q in
                [schoolLabel(q.highSchoolID), "\(q.quotaSeats)", q.plan.map(String.init) ?? "–", q.share ?? "–", q.minimum ?? "–",
                 q.meetsMinimum.map { t($0 ? .yes : .no) } ?? "–"]
            })
        }
        return s
    }

    /// The page of a level's school resources.
    static func resourcePage(_ level: SchoolLevel) -> String { "resources-\(level.rawValue).html" }

    /// How many schools a resource chart shows: those furthest below the standard.
    static var resourceChartSchools: Int { schoolsPerPage }

    /// A level's resources school by school: per indicator, a chart of the schools furthest
    /// below its standard (at most `resourceChartSchools`, lowest first, ties by school id)
    /// with the standard drawn across every bar; every school's values are in the data table.
    mutating func resourceFiles(_ balance: ResourceBalance) throws {
        let title = t(.resourcesBySchool, levelName(balance.level))
        var body = menu + "<h1>\(e(title))</h1>\n<p>\(e(t(.resourcesExplained, "\(Self.resourceChartSchools)")))</p>\n"
        for (k, indicator) in SchoolResources.Indicator.allCases.enumerated() {
            let standard = balance.standards[k]
            let weakest = balance.schools.compactMap { s in s.values[k].map { (id: s.schoolID, value: $0) } }
                .sorted { ($0.value, $0.id) < ($1.value, $1.id) }.prefix(Self.resourceChartSchools)
            body += "<h2>\(e(keyText(indicator.rawValue)))</h2>\n"
            body += page.figure(SVGChart(title: "\(levelName(balance.level)) · \(keyText(indicator.rawValue))", categories: weakest.map(\.id),
                                         series: [.init(name: keyText(indicator.rawValue), values: weakest.map { ($0.value * 100).rounded() / 100 },
                                                        color: SVGChart.palette[0])],
                                         thresholds: weakest.map { _ in standard }, thresholdName: t(.standard)))
        }
        body += "<p><a href=\"data/supervision-\(balance.level.rawValue)-resources.csv\">supervision-\(balance.level.rawValue)-resources.csv</a></p>\n"
        try add(Self.resourcePage(balance.level), page.document(title: title, body: body))
    }

    /// Per level, its percentage figures as bars, each with its threshold drawn across it.
    func verdictCharts() -> String {
        var s = ""
        for level in [SchoolLevel.primary, .junior] {
            let shown = report.verdicts.filter { $0.level == level && $0.value.hasSuffix("%") && $0.target?.hasSuffix("%") == true }
            guard !shown.isEmpty else { continue }
            // A target written `≥ 95%`, `≤ 5%` or `100%`: its number.
            let targets = shown.map { v in Double(v.target!.filter { $0.isNumber || $0 == "." }) }
            let values = shown.map { Double($0.count) * 100 / Double(max($0.denominator, 1)) }
            s += page.figure(SVGChart(title: "\(levelName(level)) · \(t(.verdicts))", categories: shown.indices.map { "\($0 + 1)" },
                                      notes: shown.map { Self.wrapped(keyText($0.indicator), width: 9) },
                                      series: [.init(name: levelName(level), values: values, color: SVGChart.palette[0])],
                                      unit: "%", thresholds: targets, thresholdName: t(.target)))
        }
        return s
    }

    /// `text` in lines of about `width` characters for a chart's label: at spaces where it has
    /// them (a word longer than a line keeps its own line), else every `width` characters.
    static func wrapped(_ text: String, width: Int) -> String {
        guard text.contains(" ") else {
            var lines: [String] = [], rest = Substring(text)
            while !rest.isEmpty { lines.append(String(rest.prefix(width))); rest = rest.dropFirst(width) }
            return lines.joined(separator: "\n")
        }
        var lines: [String] = []
        for word in text.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= 2 * width { lines[lines.count - 1] = last + " " + word } else { lines.append(String(word)) }
        }
        return lines.joined(separator: "\n")
    }

    /// A step of the manifest in words: its kind, level and round (`派位 · 初中`).
    func attemptLabel(_ attempt: RunAttempt) -> String {
        ([keyText(attempt.kind)] + (attempt.step.level.map { [levelName($0)] } ?? [])
            + (attempt.step.round.map { [t(.round) + " " + String($0)] } ?? [])).joined(separator: " · ")
    }

    // MARK: explanation and files

    /// The seed, the commitment and the lottery number in plain words, and how to check them.
    func aboutHTML() -> [UInt8] {
        let m = results.manifest
        let seed = m?.seed ?? "$SEED"
        var body = menu + "<h1>\(e(t(.howToCheckPage)))</h1>\n"
        body += "<h2>\(e(t(.whatSeed)))</h2>\n<p>\(e(t(.whatSeedText)))</p>\n<p>\(e(t(.seed))):</p><pre id=\"about-seed\">\(e(m?.seed ?? t(.notRecorded)))</pre>\n"
        body += "<h2>\(e(t(.whatCommitment)))</h2>\n<p>\(e(t(.whatCommitmentText)))</p>\n<p>\(e(t(.commitment))):</p><pre>\(e(m?.commitment.hex ?? t(.notRecorded)))</pre>\n"
        if let note = results.commitment?.note { body += "<p>\(e(t(.commitmentNote))): \(e(note))</p>\n" }
        body += "<h2>\(e(t(.whatLottery)))</h2>\n<p>\(e(t(.whatLotteryText)))</p>\n"
        body += "<h2>\(e(t(.checkInPage)))</h2>\n<p>\(e(t(.checkInPageText)))</p>\n<p>\(e(t(.checkNumber)))</p>\n"
        body += "<pre>SEED=\(e(seed))\nDRAW=junior-placement\nID=2026070001\nprintf 'enroll-lottery/1\\n%s\\n%s\\n%s' \"$SEED\" \"$DRAW\" \"$ID\" | sha256sum</pre>\n"
        body += "<h2>\(e(t(.threeCommands)))</h2>\n<p>\(e(t(.threeCommandsText)))</p>\n<ol>\n"
        body += "<li><p>\(e(t(.checkRun)))</p><pre>enroll verify run --case case</pre></li>\n"
        body += "<li><p>\(e(t(.checkScript)))</p><pre>python3 scripts/recompute-lottery.py run</pre></li>\n"
        body += "<li><p>\(e(t(.checkFiles)))</p><pre>sha256sum -c SHA256SUMS</pre></li>\n</ol>\n"
        return page.document(title: "\(t(.howToCheckPage)) · \(t(.title))", body: body)
    }

    /// Every file written so far (all but this page and `SHA256SUMS`) with its SHA-256.
    func filesHTML() -> [UInt8] { page.filesDocument(written.sorted, menu: menu, siteTitle: t(.title)) }
}

/// Texts kept once each, referred to by position (tier words and notes in the search data).
struct InternedTexts {
    private(set) var texts: [String] = []
    private var positions: [String: Int] = [:]

    mutating func index(_ text: String) -> Int {
        if let known = positions[text] { return known }
        positions[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }
}

/// The search records of a site, held compactly (one byte buffer) until they are split into shards.
struct SearchRecords {
    enum Field {
        case text(String)
        case number(Int)
        /// A whole number written as a JSON number, anything else (an empty cell) as a string.
        case whole(String)

        /// An empty text or cell, or -1 (no position).
        var isEmpty: Bool {
            switch self {
            case .text(let s), .whole(let s): s.isEmpty
            case .number(let n): n == -1
            }
        }
    }

    /// `fields` without the empty ones at the end (`""` and -1, which the page puts back): most
    /// records have no twin group and no note.
    static func trimmed(_ fields: [Field]) -> [Field] {
        var fields = fields
        while let last = fields.last, last.isEmpty { fields.removeLast() }
        return fields
    }

    private var ids: [String] = []
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// Adds the record of `id` as a JSON array; an id seen before keeps its first record.
    mutating func append(id: String, _ fields: [Field]) {
        bytes.append(UInt8(ascii: "["))
        for (k, field) in fields.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            switch field {
            case .text(let s): JSONWriter.writeString(s, into: &bytes)
            case .number(let n): Self.appendDecimal(n, to: &bytes)
            case .whole(let s): if Self.isWholeNumber(s) { bytes.append(contentsOf: s.utf8) } else { JSONWriter.writeString(s, into: &bytes) }
            }
        }
        bytes.append(UInt8(ascii: "]"))
        ids.append(id)
        ends.append(bytes.count)
    }

    /// The order of `a` and `b` by their UTF-8 bytes: -1, 0 or 1.
    static func compareUTF8(_ a: String, _ b: String) -> Int {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
                return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
            }
        }
    }

    /// Appends `n` in decimal (as `String(n)` writes it), making no string.
    static func appendDecimal(_ n: Int, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes[start...].reverse()
    }

    /// Whether `s` is a whole number as `String(Int)` writes it (so that it reads back as the
    /// same text): `0`, or digits not starting with 0, after an optional `-`.
    static func isWholeNumber(_ s: String) -> Bool {
        var digits = Substring(s).utf8
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, digits.count <= 18 else {
            // Empty, or long enough to overflow: as `Int` reads it.
            return Int(s).map { String($0) == s } ?? false
        }
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        return first != UInt8(ascii: "0") || (digits.count == 1 && digits.count == s.utf8.count)
    }

    /// The ids in the order of their UTF-8 bytes (the order of their Unicode scalars), each once,
    /// and their records.
    func sorted() -> (ids: [String], records: [ArraySlice<UInt8>]) {
        let order = ids.indices.sorted { a, b in
            let c = Self.compareUTF8(ids[a], ids[b])
            return c != 0 ? c < 0 : a < b
        }
        var outIDs: [String] = [], records: [ArraySlice<UInt8>] = []
        outIDs.reserveCapacity(ids.count)
        records.reserveCapacity(ids.count)
        for k in order where !(outIDs.last?.utf8.elementsEqual(ids[k].utf8) ?? false) {
            outIDs.append(ids[k])
            records.append(bytes[(k == 0 ? 0 : ends[k - 1])..<ends[k]])
        }
        return (outIDs, records)
    }

    /// Splits the records into shards of about `budget` bytes (`SearchShards`) and hands each
    /// shard's file to `write` (path, bytes): `enrollShard(prefix, {key: record, …});`, script-safe,
    /// where a record's key is its id without the shard's prefix (the prefix's Unicode scalars,
    /// a final U+0000 aside), since every id of the shard starts with it.
    /// - Complexity: O(total bytes + n log n) for n records.
    func shards(budget: Int, _ write: (String, [UInt8]) throws -> Void) rethrows -> SearchShards {
        let (ids, records) = sorted()
        let shards = SearchShards(ids: ids, sizes: records.map(\.count), budget: budget)
        for shard in shards.shards {
            var out = Array("enrollShard(".utf8)
            JSONWriter.writeString(shard.prefix, into: &out)
            out += Array(", {".utf8)
            let stem = shard.prefix.unicodeScalars.filter { $0 != "\u{0}" }.count
            for k in shard.records {
                out.append(contentsOf: (k == shard.records.lowerBound ? "\n" : ",\n").utf8)
                JSONWriter.writeString(Substring(ids[k].unicodeScalars.dropFirst(stem)), into: &out)
                out.append(UInt8(ascii: ":"))
                out += records[k]
            }
            out += Array("\n});\n".utf8)
            try write(shard.path, HTMLText.scriptSafe(out))
        }
        return shards
    }
}
