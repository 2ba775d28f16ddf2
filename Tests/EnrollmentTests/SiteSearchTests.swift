import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// The search data of a published site, its size at city scale, and the page's own SHA-256.
@Suite struct SiteSearchTests {
    /// The shard of `id` found as the page's script finds it: follow the split prefixes one
    /// character at a time; nil where the next character has no shard.
    static func shardPath(of id: String, in shards: SearchShards) -> String? {
        let splits = Dictionary(uniqueKeysWithValues: shards.splits.map { ($0.prefix, $0.next) })
        var prefix = "", rest = Substring(id).unicodeScalars[...]
        while let next = splits[prefix] {
            let c = rest.first ?? "\u{0}"
            guard next.unicodeScalars.contains(c) else { return nil }
            prefix.unicodeScalars.append(c)
            if c == "\u{0}" { break }
            rest = rest.dropFirst()
        }
        return SearchShards.path(prefix)
    }

    @Test func everyIDIsInTheShardItsPrefixNames() {
        var ids = (0..<30_000).map { String(format: "2026%06d", $0 * 7 % 1_000_000) } + ["2026", "20261", "张三-01", "张三-02", "A-1"]
        ids.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let sizes = ids.map { _ in 120 }
        let shards = SearchShards(ids: ids, sizes: sizes, budget: 150_000)
        #expect(shards.shards.count > 20)
        var covered = 0
        for shard in shards.shards {
            #expect(shard.records.count * 120 <= 150_000 || shard.records.count == 1, "\(shard.path)")
            #expect(shard.path == SearchShards.path(shard.prefix))
            for k in shard.records {
                #expect(Self.shardPath(of: ids[k], in: shards) == shard.path, "\(ids[k])")
                covered += 1
            }
        }
        #expect(covered == ids.count)
        #expect(Self.shardPath(of: "2027000001", in: shards) == nil)
        #expect(SearchShards.path("") == "search/all.js" && SearchShards.path("2026\u{0}") == "search/id-2026_.js"
                && SearchShards.path("张") == "search/id-_e5_bc_a0.js")
        #expect(SearchShards(ids: ["1", "2"], sizes: [10, 10], budget: 100).shards.map(\.path) == ["search/all.js"])
    }

    /// A junior level of `count` applicants in 40 schools of 50-pupil classes, with no case.
    static func bigRun(_ count: Int) -> RunResults {
        let schools = (1...40).map { String(format: "J%02d", $0) }
        var placements: [[String]] = [], classes: [[String]] = []
        for k in 0..<count {
            let id = String(format: "2026%06d", k), school = schools[k % 40]
            placements.append([id, school, "admitted", "1", "31", SHA256.hash(id).hex, "", "Z", "", ""])
            classes.append([id, school, "\(k / 40 % (count / 40 / 50 + 1) + 1)"])
        }
        let level = LevelResults(
            level: .junior,
            placements: RunCSV(file: "junior/placements.csv", columns: ["student_id", "school_id", "status", "choice_rank", "tier", "lottery_number", "twin_group", "zone_id", "distance_m", "note"], rows: placements),
            cutoffs: RunCSV(file: "junior/cutoffs.csv", columns: ["school_id", "capacity", "admitted", "cutoff_tier", "cutoff_lottery_number"],
                            rows: schools.map { [$0, "\(count / 40)", "\(count / 40)", "", ""] }),
            classes: RunCSV(file: "junior/classes.csv", columns: ["student_id", "school_id", "class_no"], rows: classes))
        return RunResults(manifest: nil, levels: [level], quota: nil, admissionCase: nil, commitment: nil, ceremony: nil)
    }

    @Test func theFirstPageAndEachFileStaySmallWhenTheCityGrows() throws {
        let site = try PublishedSite(Self.bigRun(60_000))
        let size = { (path: String) in site.files.first { $0.path == path }!.bytes.count }
        #expect(size("index.html") < 100_000)
        let shards = site.files.filter { $0.path.hasPrefix("search/") }
        #expect(shards.count > 30 && shards.allSatisfy { $0.bytes.count < 200_000 })
        let lists = site.files.filter { $0.path.contains("-list-") }
        #expect(lists.allSatisfy { String(decoding: $0.bytes, as: UTF8.self).components(separatedBy: "<tr><td>").count - 1 <= SiteBuilder<SiteMemory>.rowsPerPage })
        #expect(site.files.filter { $0.path.hasSuffix(".html") }.allSatisfy { $0.bytes.count < 500_000 })
        // 1,500 pupils in 31 classes of 48 or 49: ten whole classes a page.
        #expect(site.files.contains { $0.path == "school-J01-list-4.html" } && !site.files.contains { $0.path == "school-J01-list-5.html" })
        #expect(!site.files.contains { $0.path.contains("-classes-") })
    }

    /// A shard keys its records by the id without the shard's prefix, and a record and a list
    /// page hold a seeded number's first 16 hex digits; the CSV holds it whole.
    @Test func shardsAndListPagesHoldShortKeysAndNumbers() throws {
        let site = try PublishedSite(Self.bigRun(60_000))
        let id = "2026001234", number = SHA256.hash(id).hex
        let shard = try #require(site.files.first { $0.path.hasPrefix("search/id-") && String(decoding: $0.bytes, as: UTF8.self).contains(String(number.prefix(16))) })
        let (prefix, records) = try PublishingTests.shardRecords(site, shard.path)
        #expect(id.hasPrefix(prefix) && !prefix.isEmpty)
        let record = try #require(records[String(id.dropFirst(prefix.count))]?.elements)
        #expect(record[1].string == "J35" && record[6].string == String(number.prefix(16)))
        let list = site.files.filter { $0.path.hasPrefix("school-J35-list-") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
        #expect(list.contains("<tr><td>\(id)<td>录取<td>1<td>31<td>\(number.prefix(16))…\n") && !list.contains(number))
        #expect(list.contains("<table class=\"hash-last\">"))
        #expect(PublishingTests.text(site, "data/junior-placements.csv").contains("\(id),J35,admitted,1,31,\(number),"))
        #expect(SiteBuilder<SiteMemory>.shortNumber(number, ringDrawn: true) == number && SiteBuilder<SiteMemory>.shortNumber("cc", ringDrawn: false) == "cc")
    }

    /// `node` runs the page's script: its SHA-256 must give the digests of the Swift SHA-256 tests'
    /// vectors, and of the lottery number tests' vectors from their text.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "node is not installed"))
    func thePagesSHA256GivesTheSwiftVectors() throws {
        let folder = try temporaryFolder()
        try Data(SiteAssets.script.utf8).write(to: folder.appendingPathComponent("site.js"))
        let messages = SHA256Tests.nistVectors.map(\.message) + [String(repeating: "a", count: 1_000_000)]
            + LotteryNumberTests.vectors.map { "\(LotteryNumber.domain)\n\($0.seed)\n\($0.draw)\n\($0.studentID)" }
        let expected = SHA256Tests.nistVectors.map(\.digest) + ["cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"]
            + LotteryNumberTests.vectors.map(\.number)
        let input = String(decoding: JSONWriter.render(.array(messages.map { .string($0) })), as: UTF8.self)
        try Data(input.utf8).write(to: folder.appendingPathComponent("messages.json"))
        let program = """
            const site = require("./site.js");
            const messages = JSON.parse(require("fs").readFileSync("messages.json", "utf8"));
            console.log(JSON.stringify(messages.map(m => site.sha256Hex(site.utf8(m)))));
            console.log(site.lotteryText("7f3a9c", "junior-placement", "2026070001"));
            """
        let (status, output) = try runNode(program, in: folder)
        #expect(status == 0)
        let lines = output.split(separator: "\n", maxSplits: 1)
        let digests = try JSONReader.parse(Array(lines[0].utf8), file: "node").elements?.compactMap(\.string)
        #expect(digests == expected)
        #expect(lines[1] == "enroll-lottery/1\n7f3a9c\njunior-placement\n2026070001\n")
    }

    @Test func tierPartsInvertTheFormula() {
        let tiering = PriorityTier(policy: Policy())
        #expect(tiering.parts(of: 31).map { "\($0.claim) \($0.category as Any) \($0.residence?.rawValue ?? "-") \($0.sibling)" } == "zone nil hukou_and_property false")
        #expect(tiering.parts(of: 11).map { "\($0.claim) \($0.category as Any) \($0.sibling)" } == "feeder nil false")
        #expect(tiering.parts(of: 21).map { "\($0.claim) \($0.category as Any)" } == "zone Optional(0)")
        #expect(tiering.parts(of: 13) == nil)
        #expect(tiering.parts(of: 60) == nil)
        let applicant = Applicant(id: "1", name: "x", gender: .female, birthDate: CalendarDate(year: 2013, month: 1, day: 1)!)
        for claim in [PriorityTier.Claim.feeder, .zone, .none] {
            for sibling in [true, false] {
                let parts = tiering.parts(of: tiering.tier(claim: claim, applicant: applicant, siblingHere: sibling))
                #expect(parts?.claim == claim && parts?.sibling == sibling)
            }
        }
    }
}
