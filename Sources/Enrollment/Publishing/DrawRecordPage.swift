/// The printable page of a `DrawRecord` (A4, `site.css`'s print style): the credentials of the
/// draw, a table of the seat groups, and lines for the notary, the bureau and three parents'
/// representatives to sign. Every word from `SiteLanguage`; every text escaped.
struct DrawRecordPage {
    let page: SitePage
    /// School names by id, for the table (the id alone when the case was not given).
    let schoolNames: [String: String]

    func t(_ key: SiteLanguage.Key) -> String { page.t(key) }
    func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The record's title: the level (and round) and 派位结果确认书.
    func title(_ record: DrawRecord) -> String {
        page.levelName(record.level) + (record.secondRound ? " · " + t(.secondRound) : "") + " · " + t(.recordTitle)
    }

    /// The whole page.
    /// - Complexity: O(seat groups).
    func html(_ record: DrawRecord) -> [UInt8] {
        let na = t(.notRecorded)
        var body = "<p class=\"no-print\"><a href=\"index.html\">\(e(t(.back)))</a></p>\n<h1 id=\"record-title\">\(e(title(record)))</h1>\n"
        body += "<p>\(e(t(.recordIntro)))</p>\n"
        body += "<table id=\"record-credentials\"><tbody>\n"
        let contributions = record.contributions.map { $0.map(\.description).joined(separator: "\n") }
        for (key, value, id) in [(SiteLanguage.Key.commitment, record.commitment, "commitment"), (.seed, record.seed, "seed"),
                                 (.contributions, contributions, "contributions"), (.drawName, record.draw, "draw"),
                                 (.placementsFile, record.placementsFile, "placements-file"), (.sha256, record.placementsDigest, "placements-sha256")] {
            body += "<tr><th>\(e(t(key)))</th><td class=\"hash\" id=\"record-\(id)\">\(e(value ?? na).replacingOccurrences(of: "\n", with: "<br>"))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        let rows = record.groups.map { g in
            [schoolNames[g.schoolID].map { "\($0) (\(g.schoolID))" } ?? g.schoolID, page.seatsText(g.seats), g.capacity,
             g.applicants.map(String.init) ?? na, g.admitted, g.cutoffTier.isEmpty ? "–" : g.cutoffTier,
             g.cutoffLotteryNumber.isEmpty ? "–" : g.cutoffLotteryNumber]
        }
        body += page.table([t(.school), t(.seatKind), t(.capacity), t(.applicants), t(.admitted), t(.lastAdmittedTier), t(.lastAdmittedNumber)], rows,
                           id: "record-schools", classes: [2: "n", 3: "n", 4: "n", 5: "n", 6: "hash"])
        body += "<h2>\(e(t(.signatures)))</h2>\n<table class=\"signatures\" id=\"record-signatures\"><tbody>\n"
        for key in [SiteLanguage.Key.signNotary, .signBureau, .signParents, .signParents, .signParents] {
            body += "<tr><th>\(e(t(key)))</th><td class=\"sign\"></td><th>\(e(t(.signDate)))</th><td class=\"date\"></td></tr>\n"
        }
        body += "</tbody></table>\n"
        return page.document(title: title(record), body: body)
    }
}
