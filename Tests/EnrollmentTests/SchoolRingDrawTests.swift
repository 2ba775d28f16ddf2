import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRunFolder
@testable import EnrollmentPublishing

/// The ring draw of named schools (`ring_draw_schools`): at such a school the applicants whose
/// list holds it, numbered 1…n in `student_id` order, are taken in the order of its own ring
/// (start number and interval from `enroll place --rings FILE`); the rest of the level keeps
/// the lottery. Recorded in the manifest, drawn again by `verify`, recomputed by the script.
@Suite struct SchoolRingDrawTests {
    static let seed = String(repeating: "3c", count: 32)

    /// Twelve junior applicants S01…S12: all but S03 and S08 choose the private J9 of `seats`
    /// seats, S03 and S08 the private J8 of one seat; the public J1 takes the rest. J9's list is
    /// then S01, S02, S04, S05, S06, S07, S09, S10, S11, S12: numbers 1…10.
    static func files(seats: Int = 5, policy: String = #"{"ring_draw_schools": ["J9"]}"#) -> [String: String] {
        let rows = (1...12).map { (i: Int) -> String in
            let id = String(format: "S%02d", i), gender = i % 2 == 1 ? "M" : "F"
            return "\(id),学生\(i),\(gender),2013-09-01,,人民路\(i)号,hukou,,,,\(i == 3 || i == 8 ? "J8" : "J9")\n"
        }
        return [
            "schools.csv": """
                school_id,name,level,sector,capacity,classes,lon,lat,feeds
                P1,一小,primary,public,2,1,113.60,34.70,
                J1,一中,junior,public,20,1,113.60,34.70,
                J8,民办八中,junior,private,1,1,113.61,34.70,
                J9,民办九中,junior,private,\(seats),1,113.62,34.70,

                """,
            "junior-applicants.csv": "student_id,name,gender,birth_date,id_number,address,residence,categories,sibling_school,primary_school,choices\n"
                + rows.joined(),
            "policy.json": policy + "\n",
        ]
    }

    /// J9's list, by number (index 0 is number 1).
    static let listOfJ9 = ["S01", "S02", "S04", "S05", "S06", "S07", "S09", "S10", "S11", "S12"]

    static func rows(_ run: URL, _ file: String) throws -> [[String]] {
        let table = try #require(CSVReader.parse([UInt8](Data(contentsOf: run.appendingPathComponent(file))), file: file).table)
        return (0..<table.count).map { table.fields(ofRow: $0) }
    }

    /// Commits the case and places its junior level with `rings` as the --rings file (none when nil).
    static func place(_ files: [String: String], rings: String?, name: String = #function) throws
        -> (result: (status: Int32, out: String, err: String), run: URL, folder: URL) {
        let folder = try caseFolder(files, name: name)
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let run = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-run")
        var options: [String] = []
        if let rings {
            let file = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-rings.csv")
            try Data(rings.utf8).write(to: file)
            options = ["--rings", file.path]
        }
        let result = try runEnroll(["place", folder.path, "--level", "junior", "--seed", seed, "--commitment",
                                    folder.appendingPathComponent("commitment.json").path, "--out", run.path] + options)
        return (result, run, folder)
    }

    static func hex(_ position: Int) -> String { String(repeating: "0", count: 48) + String(format: "%016llx", position) }

    /// The worked example of docs/LOTTERY.md section 7 (n = 10, s = 3, k = 4, m = 5) at J9 alone.
    @Test func aNamedSchoolTakesItsListInItsRingsOrder() throws {
        let placed = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,3,4\n")
        #expect(placed.result.status == 0, "\(placed.result.err)")
        #expect(placed.result.out.contains("J9 by its ring s = 3, k = 4"))
        let placements = try Self.rows(placed.run, "junior/placements.csv")
        // The ring takes numbers 3, 7, 1, 6, 2 for the five seats: S04, S09, S01, S07, S02.
        #expect(Set(placements.filter { $0[1] == "J9" }.map { $0[0] }) == ["S04", "S09", "S01", "S07", "S02"])
        // Each applicant's own lottery number stays the seeded one, for the rest of the level.
        for row in placements {
            #expect(row[5] == LotteryNumber(seed: Self.seed, draw: "junior-placement", studentID: row[0]).hex)
        }
        // ranks.csv gives the position in J9's ring at J9, the lottery number elsewhere.
        let positions = try RingDraw(start: 3, interval: 4).positions(count: 10)
        for row in try Self.rows(placed.run, "junior/ranks.csv") {
            let expected = row[1] == "J9" ? Self.hex(positions[Self.listOfJ9.firstIndex(of: row[0])!])
                : LotteryNumber(seed: Self.seed, draw: "junior-placement", studentID: row[0]).hex
            #expect(row[4] == expected, "\(row)")
        }
        // The line falls at the fifth number taken; the waitlist runs on in the ring's order.
        let cutoffs = try Self.rows(placed.run, "junior/cutoffs.csv")
        let j9 = try #require(cutoffs.first { $0[0] == "J9" })
        #expect(j9.suffix(2) == ["0", Self.hex(5)])
        let waiting = try Self.rows(placed.run, "junior/waitlists.csv").filter { $0[0] == "J9" }
        let byPosition = Self.listOfJ9.indices.sorted { positions[$0] < positions[$1] }.map { Self.listOfJ9[$0] }
        #expect(byPosition.prefix(5) == ["S04", "S09", "S01", "S07", "S02"])
        #expect(waiting.map { $0[3] } == Array(byPosition.suffix(5)))
        #expect(waiting.map { $0[5] } == (6...10).map(Self.hex))
        // The manifest records the school's draw and the lottery the rest of the level used.
        let manifest = try #require(try Manifest.read(run: placed.run))
        #expect(manifest.steps.map(\.step) == [.placement(level: .junior, ring: nil,
                                                          schoolRings: [SchoolRingDraw(schoolID: "J9", draw: RingDraw(start: 3, interval: 4))])])
        #expect(manifest.steps[0].draws == ["junior-placement"])
        let text = try String(contentsOf: placed.run.appendingPathComponent(Manifest.fileName), encoding: .utf8)
        #expect(text.contains(#""ring_schools": {"#) && text.contains(#""J9": {"#))
        #expect(try runEnroll(["verify", placed.run.path]).status == 0)
        let recomputed = try recomputeLottery(placed.run)
        #expect(recomputed.status == 0 && recomputed.out == "ok 22 numbers\n", "\(recomputed.out)")
    }

    @Test func verifyAndTheScriptCatchAnotherStartNumber() throws {
        let placed = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,3,4\n")
        #expect(placed.result.status == 0, "\(placed.result.err)")
        let url = placed.run.appendingPathComponent(Manifest.fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(#""start": 3"#))
        try Data(text.replacingOccurrences(of: #""start": 3"#, with: #""start": 4"#).utf8).write(to: url)
        let verified = try runEnroll(["verify", placed.run.path])
        #expect(verified.status == 1 && verified.err.contains("junior/"), "\(verified.err)")
        let recomputed = try recomputeLottery(placed.run)
        #expect(recomputed.status == 1 && recomputed.out.contains("at J9: published"), "\(recomputed.out)")
    }

    /// A seat declined at J9 goes to the next number of its ring, not of the lottery.
    @Test func aDeclinedSeatGoesToTheRingsNextNumber() throws {
        let placed = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,3,4\n")
        #expect(placed.result.status == 0, "\(placed.result.err)")
        let withdrawn = placed.folder.deletingLastPathComponent().appendingPathComponent("withdrawn-ring.csv")
        try Data("student_id\nS04\n".utf8).write(to: withdrawn)
        let result = try runEnroll(["vacancies", placed.folder.path, "--level", "junior", "--withdrawn", withdrawn.path,
                                    "--seed", Self.seed, "--commitment", placed.folder.appendingPathComponent("commitment.json").path,
                                    "--out", placed.run.path])
        #expect(result.status == 0, "\(result.err)")
        let moves = try Self.rows(placed.run, "junior/vacancies-1.csv")
        let positions = try RingDraw(start: 3, interval: 4).positions(count: 10)
        let sixth = Self.listOfJ9[positions.firstIndex(of: 6)!]
        #expect(sixth == "S11")
        #expect(moves.contains { $0.contains(sixth) && $0.contains("J9") }, "\(moves)")
        #expect(try runEnroll(["verify", placed.run.path]).status == 0)
    }

    @Test func refusalsNameTheFileTheSchoolAndTheRule() throws {
        let missing = try Self.place(Self.files(), rings: nil, name: "noRings")
        #expect(missing.result.status == 1 && missing.result.err.contains(
            "policy.json draws J9 by a ring of its own (ring_draw_schools): give the start number and interval drawn in the hall for each, --rings FILE"),
                "\(missing.result.err)")
        let outside = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,11,4\n", name: "outside")
        #expect(outside.result.err.contains("the ring draw of J9: start number 11 is not on the list; it must be from 1 to 10"), "\(outside.result.err)")
        let zero = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,1,0\n", name: "zero")
        #expect(zero.result.err.contains("the ring draw of J9: interval 0 is too small; it must be 1 or more"), "\(zero.result.err)")
        let other = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,1,2\nJ8,1,1\n", name: "other")
        #expect(other.result.err.contains("-rings.csv:3:1: school_id: 'J8' is not a junior school that policy.json draws by a ring (ring_draw_schools: J9)"),
                "\(other.result.err)")
        let twice = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,1,2\nJ9,2,2\n", name: "twice")
        #expect(twice.result.err.contains("-rings.csv:3:1: school_id: duplicate id 'J9'"), "\(twice.result.err)")
        let word = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,三,2\n", name: "word")
        #expect(word.result.err.contains("-rings.csv:2:2: start: '三' is not a whole number"), "\(word.result.err)")
        let none = try Self.place(Self.files(), rings: "school_id,start,interval\n", name: "none")
        #expect(none.result.err.contains("-rings.csv:0:0: J9 is drawn by a ring (ring_draw_schools) but has no row"), "\(none.result.err)")
        let columns = try Self.place(Self.files(), rings: "school_id,start\nJ9,1\n", name: "columns")
        #expect(columns.result.err.contains("interval"), "\(columns.result.err)")
        let lottery = try Self.place(Self.files(policy: "{}"), rings: "school_id,start,interval\nJ9,1,2\n", name: "lottery")
        #expect(lottery.result.err.contains("'J9' is not a junior school that policy.json draws by a ring (ring_draw_schools: none of this level)"),
                "\(lottery.result.err)")
        for placed in [missing, outside, zero, other, twice, word, none, columns, lottery] {
            #expect(placed.result.status == 1)
            #expect(!FileManager.default.fileExists(atPath: placed.run.appendingPathComponent(Manifest.fileName).path))
        }
    }

    @Test func thePolicyKeyIsReadCheckedAndWrittenBack() throws {
        let read = PolicyFile.read(Array(#"{"ring_draw_schools": ["J9", "P1"]}"#.utf8))
        #expect(read.diagnostics.isEmpty && read.policy.ringDrawSchools == ["J9", "P1"])
        #expect(PolicyFile.read(PolicyFile.render(read.policy)).policy == read.policy)
        #expect(!String(decoding: PolicyFile.render(Policy()), as: UTF8.self).contains("ring_draw_schools"))
        let twice = PolicyFile.read(Array(#"{"ring_draw_schools": ["J9", "J9"]}"#.utf8))
        #expect(twice.diagnostics.map(\.description) == [#"policy.json:1:30: ring_draw_schools lists "J9" twice"#])
        for (policy, message) in [
            (#"{"ring_draw_schools": ["J7"]}"#, "policy.json:1:24: ring_draw_schools: 'J7' is not a primary or junior school in schools.csv"),
            (#"{"ring_draw_levels": ["junior"], "ring_draw_schools": ["J9"]}"#,
             "ring_draw_schools: J9 is a junior school, and ring_draw_levels already places the whole junior level by one ring draw"),
            (#"{"ring_draw_schools": ["J9"], "reserved_seats": [{"school": "J9", "category": "military", "seats": 1}]}"#,
             "ring_draw_schools: J9 reserves seats (reserved_seats)"),
        ] {
            let folder = try caseFolder(Self.files(policy: policy), name: "policy\(message.count)")
            let validated = try runEnroll(["validate", folder.path])
            #expect(validated.status == 1 && validated.err.contains(message), "\(validated.err)")
        }
    }

    /// The roster published before the draw numbers J9's list 1…10 (its rows' `number`), J8's
    /// rows and the lottery's schools without numbers, and says how J9 is drawn.
    @Test func thePreDrawRosterNumbersTheSchoolsList() throws {
        let folder = try caseFolder(Self.files(), name: "preDrawRing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try CaseFolder(url: folder).load().admissionCase
        #expect(try PlacementRun.ringListSizes(c, level: .junior) == ["J9": 10])
        let site = try PreDrawSiteTests.site(c)
        let csv = try #require(PreDrawSiteTests.text(site, "data/junior-roster.csv"))
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.filter { $0[3] == "J9" }.map { [$0[0], $0[1]] } == Self.listOfJ9.enumerated().map { [$1, String($0 + 1)] })
        #expect(rows.filter { $0[3] == "J8" }.map { [$0[0], $0[1]] } == [["S03", ""], ["S08", ""]])
        let page = try #require(PreDrawSiteTests.text(site, "roster-junior.html"))
        #expect(page.contains("<p id=\"ring-schools\">民办九中 (J9) 采用“起始号 + 间隔数”方式派位"))
        #expect(page.contains("J9 第 1 志愿 · 入学顺位 0 · 序号 3"))
    }

    /// The hall: a ring slide for J9 (n = 10, the recorded s and k), and J9's drawn group with
    /// each applicant as "No. on J9's list → position", carrying the ring for the page to check.
    @Test func theHallShowsTheSchoolsRing() throws {
        let placed = try Self.place(Self.files(), rings: "school_id,start,interval\nJ9,3,4\n")
        #expect(placed.result.status == 0, "\(placed.result.err)")
        let hall = placed.folder.deletingLastPathComponent().appendingPathComponent(placed.folder.lastPathComponent + "-hall")
        let made = try runEnroll(["ceremony", placed.folder.path, "--draw-date", "2026-07-10", "--run", placed.run.path, "--out", hall.path])
        #expect(made.status == 0, "\(made.err)")
        let index = try String(contentsOf: hall.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<section class=\"slide\" id=\"ring-school-J9\" data-ring-school=\"J9\">"))
        #expect(index.contains("<h2>民办九中 (J9) · 起始号 + 间隔数派位</h2>"))
        #expect(index.contains("\"key\": \"school-J9\",\n      \"count\": 10,\n      \"recorded\": {\n        \"interval\": 4,\n        \"start\": 3\n"))
        #expect(index.contains(#"data-school-id="J9" data-page="1" data-pages="1" data-ring-count="10" data-ring-start="3" data-ring-interval="4""#))
        let j9 = try #require(index.components(separatedBy: "data-draw-key=\"junior\" data-school-id=\"J9\"").dropFirst().first)
        let shown = j9.components(separatedBy: "<span class=\"num\"").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        let positions = try RingDraw(start: 3, interval: 4).positions(count: 10)
        let byPosition = (1...10).sorted { positions[$0 - 1] < positions[$1 - 1] }
        #expect(shown == byPosition.map { "序号 \($0) → \(positions[$0 - 1])" })
        #expect(shown.prefix(5) == ["序号 3 → 1", "序号 7 → 2", "序号 1 → 3", "序号 6 → 4", "序号 2 → 5"])
    }

    /// Inside the mechanism a ring school's tier is `tier × n + position − 1`: it orders as
    /// (tier, position), negative tiers included, and decodes back to both.
    @Test func theRingFoldsIntoTheTiersAndBack() throws {
        // School 1's list is students 0, 1, 2 (numbers 1, 2, 3); s = 2, k = 1 takes 2, 3, 1.
        let instance = try MatchingInstance(capacities: [1, 2], preferences: [[1], [0, 1], [1], [0]], tiers: [[-2], [0, 5], [5], [1]],
                                            tieRanks: [3, 2, 1, 0])
        let rings = try SchoolRings(drawing: [(school: 1, draw: RingDraw(start: 2, interval: 1))], in: instance)
        #expect([0, 1, 2, 3].map { rings.position(of: $0, at: 1) } == [3, 1, 2, nil])
        #expect(rings.position(of: 1, at: 0) == nil)
        let applied = try rings.applied(to: instance, groups: SeatGroups(capacities: [1, 2]))
        #expect(applied.choiceTiers == [-4, 0, 15, 16, 1])
        #expect(rings.decode(-4, at: 1) == (-2, 3) && rings.decode(15, at: 1) == (5, 1) && rings.decode(16, at: 1) == (5, 2))
        #expect(rings.decode(1, at: 0) == (1, nil))
        // School 0 takes student 1 (tier 0) over student 3; school 1 then student 0 (tier −2) and student 2.
        let matching = DeferredAcceptance.match(applied)
        #expect((0..<4).map { matching.school(of: $0) } == [1, 0, 1, nil])
        let recorded = try SchoolRings(recorded: [(school: 1, entries: [(2, 2), (0, 3), (1, 1)])])
        #expect(try recorded.applied(to: instance, groups: SeatGroups(capacities: [1, 2])) == applied)
        #expect(throws: SchoolRings.Problem.positionsNotARing(school: 1)) {
            try SchoolRings(recorded: [(school: 1, entries: [(0, 1), (1, 1), (2, 3)])])
        }
        #expect(throws: SchoolRings.Problem.draw(school: 1, .startOutOfRange(start: 4, count: 3))) {
            try SchoolRings(drawing: [(school: 1, draw: RingDraw(start: 4, interval: 1))], in: instance)
        }
    }
}
