import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary
import EnrollmentZones

/// Makes the files of the site published before the draw (`PreDrawSite`) and hands each to a
/// sink as soon as it is made: per level the schools, the zones (a map and the address lists),
/// the roster on pages of `rowsPerPage` rows and its search records; then the policy, the
/// first page with the commitment and the date of the draw, and `SHA256SUMS`.
struct PreDrawSiteBuilder<Sink: SiteFileSink> {
    var sink: Sink
    let admissionCase: AdmissionCase
    let commitment: Commitment
    let drawDate: CalendarDate
    let page: SitePage
    let schoolNames: [String: String]
    let written = SiteDigests()
    var search = SearchRecords()
    var tierTexts = InternedTexts(), noteTexts = InternedTexts()
    var applicants: [(level: SchoolLevel, count: Int)] = []
    /// The published tables without their rows, for `data/tables.json`.
    var described: [PublicTable] = []

    /// Builds the site into `sink`.
    /// - Throws: `PlacementError` for a level whose schools cannot be placed into (no school, a
    ///   public school without a location, `priorities.csv` naming another level's school); file errors.
    static func build(_ c: AdmissionCase, commitment: Commitment, drawDate: CalendarDate, language: SiteLanguage,
                              notice: PublicationNotice?, into sink: inout Sink) throws -> PreDrawSite.Summary {
        var builder = PreDrawSiteBuilder(sink: sink, admissionCase: c, commitment: commitment, drawDate: drawDate,
                                         page: SitePage(language: language, notice: notice),
                                         schoolNames: Dictionary(c.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
        try builder.build()
        sink = builder.sink
        return PreDrawSite.Summary(commitment: commitment.digest, applicants: builder.applicants, files: builder.written.sorted)
    }

    func t(_ key: SiteLanguage.Key) -> String { page.t(key) }
    func t(_ key: SiteLanguage.Key, _ values: String...) -> String { page.t(key, with: values) }
    func e(_ text: String) -> String { HTMLText.escape(text) }
    func schoolLabel(_ id: String) -> String { schoolNames[id].map { "\($0) (\(id))" } ?? id }

    mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        written.add(path, bytes)
        try sink.add(path, bytes)
    }

    mutating func add(_ table: PublicTable) throws {
        described.append(PublicTable(name: table.name, source: table.source, columns: table.columns, rows: [], masked: table.masked))
        try add("data/\(table.name).csv", table.csv)
    }

    var menu: String {
        page.menu([("index.html#search", t(.menuRoster)), ("index.html#levels", t(.menuSchools)), ("policy.html", t(.menuPolicy)),
                   ("index.html#commitment", t(.commitment)), ("files.html", t(.menuFiles))])
    }

    mutating func build() throws {
        var sections = ""
        for level in [SchoolLevel.primary, .junior] where !admissionCase.schools(level).isEmpty || !admissionCase.applicants(level).isEmpty {
            sections += try levelFiles(level)
        }
        try add("data/commitment.json", JSONWriter.render(commitment.json))
        try add("data/tables.json", PublicTable.index(described))
        let records = search
        let shards = try records.shards(budget: SiteBuilder<Sink>.shardBudget) { try add($0, $1) }
        try add("site.css", Array(SiteAssets.css.utf8))
        try add("site.js", Array(SiteAssets.script.utf8))
        try add("policy.html", policyHTML())
        try add("index.html", indexHTML(levels: sections, shards: shards))
        try add("files.html", filesHTML())
        let sums = written.sorted.map { "\($0.digest.hex)  \($0.path)\n" }.joined()
        try add("SHA256SUMS", Array(sums.utf8))
    }

    // MARK: a level

    /// Writes a level's schools, zones and roster; returns its part of the first page.
    mutating func levelFiles(_ level: SchoolLevel) throws -> String {
        let c = admissionCase
        let name = page.levelName(level), key = level.rawValue
        let people = c.applicants(level).sorted { $0.id < $1.id }
        applicants.append((level, people.count))
        let claims = try PriorityClaims(admissionCase: c, level: level, explicitTiers: c.explicitTiers)
        let zoning = ZoneAssigner(admissionCase: c, level: level).assign(people)
        let zones = c.zones(level)
        try schoolFiles(level, zones: zones)
        try zoneFiles(level, zones: zones)

        var rows: [[String]] = [], masked: [[String]] = [], pageRows: [[String]] = []
        // A level placed by a ring draw lists its applicants numbered 1…n, the numbers the ring
        // counts; a school drawn by a ring of its own numbers the applicants whose list holds it.
        let ring = c.policy.ringDrawLevels.contains(level)
        let ringSchools = RingDrawFile.ringSchools(of: level, in: c)
        let numbered = ring || !ringSchools.isEmpty
        var counted: [String: Int] = [:]
        for (n, (a, zone)) in zip(people, zoning).enumerated() {
            let number = ring ? [String(n + 1)] : []
            let entries = claims.entries(of: a, zoning: zone)
            let schools = entries.schools(zoneOrder: entries.zone)
            let (maskedName, maskedID) = (Masking.name(a.name), Masking.idNumber(a.idNumber ?? ""))
            let noteCodes = PlacementNote.column(zone.publicNotes), note = zone.publicNotes.map(page.noteWords).joined(separator: "; ")
            var fields: [SearchRecords.Field] = [.text(key), .text(maskedName), .text(zone.zoneID ?? ""),
                                                 .number(note.isEmpty ? -1 : noteTexts.index(note))]
            var held: [String] = []
            for id in schools {
                let tier = claims.tier(of: a, at: id, entries)
                let rank = entries.listed.firstIndex(of: id).map { String($0 + 1) } ?? ""
                let words = page.tierWords(tier, at: claims.schools[claims.index[id]!], student: a.id, in: c)
                fields += [.text(id), .text(rank), .text(String(tier)), .number(words.map { tierTexts.index($0) } ?? -1)]
                let atSchool = ringSchools.contains(id) ? counted[id, default: 0] + 1 : nil
                if let atSchool { counted[id] = atSchool }
                rows.append([a.id] + (numbered ? [atSchool.map(String.init) ?? number.first ?? ""] : []) + [zone.zoneID ?? "", id, rank, String(tier), noteCodes])
                masked.append([maskedName, maskedID])
                held.append("\(id) " + (rank.isEmpty ? t(.byClaim) : t(.choiceMet, rank)) + " · \(t(.tier)) \(tier)"
                            + (atSchool.map { " · " + t(.ringSchoolNumber, String($0)) } ?? ""))
            }
            if schools.isEmpty {
                rows.append([a.id] + (numbered ? [number.first ?? ""] : []) + [zone.zoneID ?? "", "", "", "", noteCodes])
                masked.append([maskedName, maskedID])
                held.append(t(.noSchoolHeld))
            }
            search.append(id: a.id, fields)
            pageRows.append(number + [a.id, maskedName, maskedID, zone.zoneID ?? "", held.joined(separator: "; "), note])
        }
        try add(PublicTable(name: "\(key)-roster", source: nil, columns: ["student_id"] + (numbered ? ["number"] : []) + ["zone_id", "school_id", "choice_rank", "tier", "note"],
                            rows: RunCSV.Rows(storage: .array(rows)), masked: ["name_masked", "id_number_masked"], appended: masked))
        let roster = t(.rosterOf, name)
        let header = (ring ? [t(.rosterNumber)] : []) + [t(.studentID), t(.name), t(.idNumber), t(.zone), t(.schoolsAndTiers), t(.note)]
        try pages(pageRows, path: { Self.rosterPage(level, $0) }, title: roster,
                  intro: "<p>\(e(t(.preDrawIntro)))</p>\n" + (ring ? "<p id=\"ring-numbering\">\(e(t(.ringRoster)))</p>\n" : "")
                      + (ringSchools.isEmpty ? "" : "<p id=\"ring-schools\">\(e(t(.ringSchoolRoster, ringSchools.sorted().map(schoolLabel).joined(separator: ", "))))</p>\n")
                      + "<p><a href=\"data/\(key)-roster.csv\">\(key)-roster.csv</a></p>\n", header: header, classes: [ring ? 1 : 0: "hash"])
        var section = "<h3 id=\"\(key)\">\(e(name))</h3>\n<p>\(e(t(.applicantsOfLevel, name, "\(people.count)")))</p>\n<p>"
        section += "<a class=\"button\" href=\"\(Self.rosterPage(level, 1))\">\(e(roster))</a> "
        section += "<a class=\"button\" href=\"schools-\(key).html\">\(e(t(.schoolsOfLevel, name))) (\(c.schools(level).count))</a> "
        section += "<a class=\"button\" href=\"zones-\(key).html\">\(e(t(.zonesOf, name))) (\(zones.count))</a></p>\n"
        return section
    }

    static func rosterPage(_ level: SchoolLevel, _ k: Int) -> String {
        k == 1 ? "roster-\(level.rawValue).html" : "roster-\(level.rawValue)-\(k).html"
    }

    /// Writes `rows` on pages of at most `SiteBuilder.rowsPerPage` rows, each with the pager.
    mutating func pages(_ rows: [[String]], path: (Int) -> String, title: String, intro: String, header: [String], classes: [Int: String] = [:]) throws {
        let per = SiteBuilder<Sink>.rowsPerPage, count = max(1, (rows.count + per - 1) / per)
        for k in 1...count {
            let slice = rows[min(rows.count, (k - 1) * per)..<min(rows.count, k * per)]
            let pager = page.pager(count: count, current: k, path: path)
            let body = menu + "<h1>\(e(title))</h1>\n" + intro + pager + page.table(header, slice, classes: classes) + pager
            try add(path(k), page.document(title: "\(title) · \(t(.preDrawTitle))", body: body))
        }
    }

    /// `schools-<level>.html` and `data/<level>-schools.csv`: each school's plan, classes and seats.
    mutating func schoolFiles(_ level: SchoolLevel, zones: [(id: String, schools: [String])]) throws {
        let c = admissionCase, key = level.rawValue
        var zonesOf: [String: [String]] = [:]
        for zone in zones { for s in zone.schools { zonesOf[s, default: []].append(zone.id) } }
        var reserved: [String: [ReservedSeats]] = [:]
        for r in c.policy.reservedSeats { reserved[r.school, default: []].append(r) }
        let schools = c.schools(level).sorted { $0.id < $1.id }
        var csv: [[String]] = [], html: [[String]] = []
        for s in schools {
            let reserve = (reserved[s.id] ?? []).map { "\($0.category):\($0.seats)" + ($0.cap.map { "/\($0)" } ?? "") }
            let reserveWords = (reserved[s.id] ?? []).map { "\(page.keyText($0.category)) \($0.seats)" }
            csv.append([s.id, s.name, s.sector.rawValue, String(s.capacity), s.classes.map(String.init) ?? "", (zonesOf[s.id] ?? []).joined(separator: ";"),
                        s.feeds ?? "", s.boarding ? "true" : "false", String(s.purchasedPlaces), reserve.joined(separator: ";")])
            html.append([s.id, s.name, t(s.sector == .public ? .publicSchool : .privateSchool), String(s.capacity), s.classes.map(String.init) ?? "",
                         (zonesOf[s.id] ?? []).joined(separator: ", "), s.feeds.map(schoolLabel) ?? "", s.boarding ? t(.yes) : "",
                         s.purchasedPlaces > 0 ? String(s.purchasedPlaces) : "", reserveWords.joined(separator: ", ")])
        }
        let table = PublicTable(name: "\(key)-schools", source: "schools.csv",
                                columns: ["school_id", "name", "sector", "capacity", "classes", "zones", "feeds", "boarding", "purchased_places", "reserved_seats"],
                                rows: csv)
        try add(table)
        let title = t(.schoolsOfLevel, page.levelName(level))
        var header = [t(.school), t(.name), t(.sector), t(.seats), t(.classCount), t(.zone)]
        header += [t(.feeds), t(.boarding), t(.purchasedPlaces), t(.reservedSeats)]
        let body = menu + "<h1>\(e(title))</h1>\n<p><a href=\"data/\(table.name).csv\">\(table.name).csv</a></p>\n" + page.table(header, html, id: "schools-table")
        try add("schools-\(key).html", page.document(title: "\(title) · \(t(.preDrawTitle))", body: body))
    }

    /// `zones-<level>.html` (with `map-<level>.svg` when the level's zones are drawn), the
    /// address lists on pages, and `data/<level>-zones.csv` (one row per zone and school).
    mutating func zoneFiles(_ level: SchoolLevel, zones: [(id: String, schools: [String])]) throws {
        let c = admissionCase, key = level.rawValue, name = page.levelName(level)
        let drawn = (c.zoneMap?.zones ?? []).filter { $0.level == level }
        let names = Dictionary((c.zoneMap?.zones ?? []).filter { $0.level == level }.map { ($0.id, $0.name) }
            + c.zoneDeclarations.filter { $0.level == level }.map { ($0.id, $0.name) }, uniquingKeysWith: { a, b in a ?? b })
        let title = t(.zonesOf, name)
        let sites = c.schools(level).sorted { $0.id < $1.id }.compactMap { s in
            s.longitude.flatMap { lon in s.latitude.map { (id: s.id, point: GridPoint(longitude: lon, latitude: $0)) } }
        }
        var body = menu + "<h1>\(e(title))</h1>\n"
        let map = drawn.isEmpty ? nil : ZoneMapSVG(title: "\(t(.zoneMap)) · \(name)", zones: drawn, schools: sites).svg
        if let map {
            try add("map-\(key).svg", Array(map.utf8))
            body += "<figure><figcaption>\(e(t(.zoneMap)))</figcaption><div class=\"scroll\"><img src=\"map-\(key).svg\" alt=\"\(e(t(.zoneMap))) · \(e(name))\"></div></figure>\n"
        } else {
            body += "<p>\(e(t(.mapOmitted)))</p>\n"
        }
        let zoneIDs = Set(zones.map(\.id))
        let rules = c.zoneRules.filter { zoneIDs.contains($0.zoneID) }
        let addressTitle = "\(t(.addresses)) · \(name)"
        if !rules.isEmpty { body += "<p><a class=\"button\" href=\"\(Self.addressPage(level, 1))\">\(e(addressTitle)) (\(rules.count))</a></p>\n" }
        body += page.table([t(.zone), t(.name), t(.schools)], zones.map { zone in
            [zone.id, names[zone.id].flatMap { $0 } ?? "", zone.schools.map(schoolLabel).joined(separator: ", ")]
        }, id: "zones-table")
        let table = PublicTable(name: "\(key)-zones", source: nil, columns: ["zone_id", "name", "school_id"],
                                rows: zones.flatMap { zone in zone.schools.map { [zone.id, names[zone.id].flatMap { $0 } ?? "", $0] } })
        try add(table)
        body += "<p><a href=\"data/\(table.name).csv\">\(table.name).csv</a></p>\n"
        try add("zones-\(key).html", page.document(title: "\(title) · \(t(.preDrawTitle))", body: body))
        if !rules.isEmpty {
            try add(PublicTable(name: "\(key)-addresses", source: "zone-rules.csv", columns: ["zone_id", "kind", "address"],
                                rows: rules.map { [$0.zoneID, Self.addressKind($0), addressText($0)] }))
            try pages(rules.map { [$0.zoneID, page.keyText(Self.addressKind($0)), addressText($0)] }, path: { Self.addressPage(level, $0) }, title: addressTitle,
                      intro: "<p><a href=\"data/\(key)-addresses.csv\">\(key)-addresses.csv</a></p>\n", header: [t(.zone), t(.kind), t(.address)])
        }
    }

    static func addressPage(_ level: SchoolLevel, _ k: Int) -> String {
        k == 1 ? "addresses-\(level.rawValue).html" : "addresses-\(level.rawValue)-\(k).html"
    }

    /// A rule's kind, as `zone-rules.csv` writes it: `street`, `compound` or `village`.
    static func addressKind(_ rule: ZoneRule) -> String {
        switch rule.scope {
        case .street: "street"
        case .compound: "compound"
        case .village: "village"
        }
    }

    /// What a rule covers, as an address list writes it (`人民路 1-63号 单号`, `阳光小区 (阳光花园)`, `李村 1-3组`).
    func addressText(_ rule: ZoneRule) -> String {
        switch rule.scope {
        case let .street(street, .exact(numbers)):
            return "\(street) " + numbers.map(\.description).joined(separator: "、")
        case let .street(street, .range(range, parity, except)):
            var text = "\(street) \(range)"
            if parity != .all { text += " \(parity)" }
            if !except.isEmpty { text += " (\(t(.except)) " + except.map(\.description).joined(separator: "、") + ")" }
            return text
        case let .compound(compound):
            return compound.name + (compound.aliases.isEmpty ? "" : " (" + compound.aliases.joined(separator: "、") + ")")
        case let .village(village):
            return village.name + (village.isWhole ? "" : " " + village.groups.map { $0.count == 1 ? "\($0.lowerBound)组" : "\($0.lowerBound)-\($0.upperBound)组" }.joined(separator: "、"))
        }
    }

    // MARK: the policy

    /// `policy.html`: the rules of this round in words, from `policy.json`.
    func policyHTML() -> [UInt8] {
        let p = admissionCase.policy
        var rows: [[String]] = [[t(.mechanism), t(p.mechanism == .deferredAcceptance ? .mechanismDA : .mechanismIA)]]
        rows.append([t(.claimOrder), t(p.feederPriority ? .claimOrderText : .claimOrderNoFeeder)])
        rows.append([t(.priorityCategories), p.priorityCategories.isEmpty ? t(.none) : p.priorityCategories.map(page.keyText).joined(separator: " > ")])
        rows.append([t(.residenceOrder), p.residenceOrder.map { page.keyText($0.rawValue) }.joined(separator: " > ")])
        rows.append([t(.siblingRule), t(p.siblingPriority ? .yes : .no)])
        rows.append([t(.tieRule), t(.tieRuleText)])
        rows.append([t(.twinsRule), t(p.twinsShareLotteryNumber ? .yes : .no)])
        let ages = p.ageWindow.cutoffDate.map { date in
            [SchoolLevel.primary, .junior].compactMap { level in
                p.ageWindow.entryAges[level].map { range in
                    "\(page.levelName(level)): " + t(.ageText, "\(p.ageWindow.intakeYear ?? date.year)", date.description,
                                                     range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)")
                }
            }.joined(separator: "; ")
        }
        rows.append([t(.ageRule), ages ?? t(.notSet)])
        let months = ResidenceTie.allCases.compactMap { tie in
            p.monthsRequired[tie].map { t(.monthsText, page.keyText(tie.rawValue), "\($0.permit)", "\($0.insurance)") }
        }
        rows.append([t(.monthsRule), months.isEmpty ? t(.notSet) : months.joined(separator: "; ")])
        if !p.reservedSeats.isEmpty {
            rows.append([t(.reservedSeats), p.reservedSeats.map { "\(schoolLabel($0.school)): \(page.keyText($0.category)) \($0.seats)" }.joined(separator: "; ")])
            rows.append([t(.reserveOrder), t(p.reserveOrder == .openFirst ? .openFirst : .reservesFirst)])
        }
        rows.append([t(.purchasedRule), p.purchasedPlaceCategories.map(page.keyText).joined(separator: ", ")])
        rows.append([t(.reachRule), p.reassignmentReachMetres.map { "\(Int($0.rounded())) \(t(.metres))" } ?? t(.wholeLevel)])
        rows.append([t(.classCapRule), [SchoolLevel.primary, .junior].compactMap { level in
            p.classSizeCap[level].map { "\(page.levelName(level)) \($0)" }
        }.joined(separator: "; ")])
        let body = menu + "<h1>\(e(t(.menuPolicy)))</h1>\n" + page.table([t(.policyRule), t(.policyValue)], rows, id: "policy-table")
            + "<p><a href=\"data/commitment.json\">policy.json</a>: \(e(t(.commitmentFiles)))</p>\n"
        return page.document(title: "\(t(.menuPolicy)) · \(t(.preDrawTitle))", body: body)
    }

    // MARK: first page and files

    func indexHTML(levels: String, shards: SearchShards) -> [UInt8] {
        var body = "<h1>\(e(t(.preDrawTitle)))</h1>\n"
        if let round = page.notice?.round { body += "<p class=\"round\">\(e(round))</p>\n" }
        body += menu
        body += "<div class=\"scroll\"><table id=\"draw-table\"><tbody>\n"
        body += "<tr><th>\(e(t(.drawDate)))</th><td id=\"draw-date\">\(drawDate)</td></tr>\n"
        body += "<tr><th>\(e(t(.commitment)))</th><td class=\"hash\" id=\"commitment\">\(commitment.digest.hex)</td></tr>\n"
        if let note = commitment.note { body += "<tr><th>\(e(t(.commitmentNote)))</th><td id=\"commitment-note\">\(e(note))</td></tr>\n" }
        body += "</tbody></table></div>\n<p>\(e(t(.preDrawIntro)))</p>\n"
        body += page.searchSection()
        body += "<h2 id=\"levels\">\(e(t(.menuSchools)))</h2>\n" + levels
        body += "<h2 id=\"commitment-files\">\(e(t(.commitmentFiles)))</h2>\n<p>\(e(t(.whatCommitmentText)))</p>\n"
        body += page.table([t(.file), t(.rows), t(.sha256)], commitment.files.map { [$0.name, $0.rows.map(String.init) ?? "", $0.digest.hex] },
                           id: "commitment-table", classes: [2: "hash"])
        body += "<p>\(e(t(.checkCommitment)))</p><pre>enroll commit case</pre>\n"
        body += page.maskingAndFiles
        return page.document(title: t(.preDrawTitle), body: body, scripts: page.scripts(siteData(shards)))
    }

    /// What the page's script reads to show a registration: where each id's shard is, school
    /// names, tier and note texts, and the words it shows.
    func siteData(_ shards: SearchShards) -> JSONValue {
        let words: [(String, JSONValue)] = [
            ("notFound", .string(t(.notFound, "%1"))), ("loadFailed", .string(t(.loadFailed, "%1"))), ("rosterCard", .string(t(.rosterCard, "%1"))),
            ("choiceMet", .string(t(.choiceMet, "%1"))), ("byClaim", .string(t(.byClaim))), ("noSchoolHeld", .string(t(.noSchoolHeld))),
            ("level", .string(t(.level))), ("name", .string(t(.name))), ("zone", .string(t(.zone))), ("note", .string(t(.note))),
            ("school", .string(t(.school))), ("howListed", .string(t(.howListed))), ("tier", .string(t(.tier))), ("tierMeans", .string(t(.tierMeans))),
            ("levels", .object([SchoolLevel.primary, .junior].map { ($0.rawValue, .string(page.levelName($0))) })),
        ]
        return .object([
            ("kind", .string("roster")),
        ] + page.searchData(shards, schools: schoolNames, tiers: tierTexts.texts, notes: noteTexts.texts, words: words))
    }

    /// Every file written so far (all but this page and `SHA256SUMS`) with its SHA-256.
    func filesHTML() -> [UInt8] { page.filesDocument(written.sorted, menu: menu, siteTitle: t(.preDrawTitle)) }
}
