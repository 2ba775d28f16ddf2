import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRunFolder
@testable import EnrollmentPublishing

/// The ring draw (起始号 + 间隔数) as a way to place a level: chosen in `policy.json`, its start
/// number and interval given to `enroll place`, recorded in the manifest, drawn again by `verify`.
@Suite struct RingDrawPlacementTests {
    static let seed = String(repeating: "5e", count: 32)

    /// A junior level of `n` applicants S01…, all choosing the private J9 of `seats` seats, and
    /// the public J1 for the rest; the policy places the junior level by a ring draw.
    static func files(applicants n: Int, seats: Int, policy: String = #"{"ring_draw_levels": ["junior"]}"#) -> [String: String] {
        let rows = (1...max(n, 1)).prefix(n).map { (i: Int) -> String in
            let id = String(format: "S%02d", i), gender = i % 2 == 1 ? "M" : "F"
            return "\(id),学生\(i),\(gender),2013-09-01,,人民路\(i)号,hukou,,,,J9\n"
        }
        return [
            "schools.csv": """
                school_id,name,level,sector,capacity,classes,lon,lat,feeds
                P1,一小,primary,public,2,1,113.60,34.70,
                J1,一中,junior,public,20,1,113.60,34.70,
                J9,民办中学,junior,private,\(seats),1,113.62,34.70,

                """,
            "junior-applicants.csv": "student_id,name,gender,birth_date,id_number,address,residence,categories,sibling_school,primary_school,choices\n"
                + rows.joined(),
            "policy.json": policy + "\n",
        ]
    }

    /// Commits the case and places its junior level with the given ring options; returns the
    /// command's result, the run folder and the admitted at J9 as roster numbers, in ring order.
    static func place(_ files: [String: String], ring: [String], name: String = #function) throws
        -> (result: (status: Int32, out: String, err: String), run: URL, takenAtJ9: [Int]) {
        let folder = try caseFolder(files, name: name)
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let run = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-run")
        let result = try runEnroll(["place", folder.path, "--level", "junior", "--seed", seed, "--commitment",
                                    folder.appendingPathComponent("commitment.json").path, "--out", run.path] + ring)
        guard result.status == 0 else { return (result, run, []) }
        let table = try #require(CSVReader.parse([UInt8](Data(contentsOf: run.appendingPathComponent("junior/placements.csv"))), file: "p").table)
        let rows = (0..<table.count).map { table.fields(ofRow: $0) }
        let admitted = rows.filter { $0[1] == "J9" }.sorted { $0[5] < $1[5] }.map { Int($0[0].dropFirst())! }
        return (result, run, admitted)
    }

    /// The four worked examples of docs/LOTTERY.md section 7: n applicants, m seats at J9, start
    /// s and interval k; the admitted at J9, in the order their numbers run, are the numbers the
    /// ring takes.
    @Test(arguments: [(10, 3, 4, 5, [3, 7, 1, 6, 2]), (5, 5, 7, 5, [5, 3, 4, 1, 2]), (4, 3, 1, 4, [3, 4, 1, 2]), (6, 2, 2, 6, [2, 4, 6, 3, 1, 5])])
    func theWorkedExamplesThroughTheCommand(n: Int, s: Int, k: Int, m: Int, taken: [Int]) throws {
        let placed = try Self.place(Self.files(applicants: n, seats: m), ring: ["--ring-start", "\(s)", "--ring-interval", "\(k)"],
                                    name: "ring\(n)-\(s)-\(k)")
        #expect(placed.result.status == 0, "\(placed.result.err)")
        #expect(placed.result.out.contains("by the ring draw s = \(s), k = \(k)"))
        #expect(placed.takenAtJ9 == taken)
        // Each applicant's number is its position in the ring's order, as 64 hex digits.
        let positions = try RingDraw(start: s, interval: k).positions(count: n)
        let table = try #require(CSVReader.parse([UInt8](Data(contentsOf: placed.run.appendingPathComponent("junior/placements.csv"))), file: "p").table)
        for row in (0..<table.count).map({ table.fields(ofRow: $0) }) {
            let number = positions[Int(row[0].dropFirst())! - 1]
            #expect(row[5] == String(repeating: "0", count: 48) + String(format: "%016llx", number))
        }
    }

    @Test func theManifestRecordsTheRingAndVerifyDrawsAgainWithIt() throws {
        let placed = try Self.place(Self.files(applicants: 10, seats: 5), ring: ["--ring-start", "3", "--ring-interval", "4"])
        #expect(placed.result.status == 0, "\(placed.result.err)")
        let manifestURL = placed.run.appendingPathComponent(Manifest.fileName)
        let manifest = try #require(try Manifest.read(run: placed.run))
        #expect(manifest.steps.map(\.step) == [.placement(level: .junior, ring: RingDraw(start: 3, interval: 4))])
        #expect(manifest.steps[0].draws == [])
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        #expect(text.contains(#""ring_interval": 4"#) && text.contains(#""ring_start": 3"#))
        let verified = try runEnroll(["verify", placed.run.path])
        #expect(verified.status == 0, "\(verified.err)")
        // scripts/recompute-lottery.py recomputes each applicant's ring position without enroll.
        let recomputed = try recomputeLottery(placed.run)
        #expect(recomputed.status == 0 && recomputed.out == "ok 10 numbers\n", "\(recomputed.out)")
        // Another start number in the manifest: the placement drawn again differs from the files.
        try Data(text.replacingOccurrences(of: #""ring_start": 3"#, with: #""ring_start": 4"#).utf8).write(to: manifestURL)
        let changed = try runEnroll(["verify", placed.run.path])
        #expect(changed.status == 1 && changed.err.contains("junior/placements.csv"), "\(changed.err)")
        let recomputedAgain = try recomputeLottery(placed.run)
        #expect(recomputedAgain.status == 1 && recomputedAgain.out.contains("ring position"), "\(recomputedAgain.out)")
        try Data(text.replacingOccurrences(of: #""ring_interval": 4,"#, with: "").utf8).write(to: manifestURL)
        let half = try runEnroll(["verify", placed.run.path])
        #expect(half.status == 1 && half.err.contains(#"a ring draw records both "ring_start" and "ring_interval""#), "\(half.err)")
    }

    @Test func refusalsNameTheRuleBroken() throws {
        let outside = try Self.place(Self.files(applicants: 10, seats: 5), ring: ["--ring-start", "11", "--ring-interval", "4"], name: "outside")
        #expect(outside.result.status == 1 && outside.result.err.contains("the ring draw of junior: start number 11 is not on the list; it must be from 1 to 10"))
        let zero = try Self.place(Self.files(applicants: 10, seats: 5), ring: ["--ring-start", "1", "--ring-interval", "0"], name: "zero")
        #expect(zero.result.status == 1 && zero.result.err.contains("interval 0 is too small; it must be 1 or more"))
        let empty = try Self.place(Self.files(applicants: 0, seats: 5), ring: ["--ring-start", "1", "--ring-interval", "1"], name: "empty")
        #expect(empty.result.status == 1 && empty.result.err.contains("the numbered list is empty; there is nobody to select"))
        let missing = try Self.place(Self.files(applicants: 10, seats: 5), ring: [], name: "missing")
        #expect(missing.result.status == 1 && missing.result.err.contains("give the start number and interval drawn in the hall, --ring-start S --ring-interval K"))
        let lottery = try Self.place(Self.files(applicants: 10, seats: 5, policy: "{}"), ring: ["--ring-start", "1", "--ring-interval", "1"], name: "lottery")
        #expect(lottery.result.status == 1 && lottery.result.err.contains("policy.json places junior by the lottery"))
        let folder = try caseFolder(Self.files(applicants: 10, seats: 5), name: "lotteryNumbers")
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let numbers = try runEnroll(["lottery", folder.path, "--level", "junior", "--seed", Self.seed, "--commitment",
                                     folder.appendingPathComponent("commitment.json").path, "--out", folder.path + "-run"])
        #expect(numbers.status == 1 && numbers.err.contains("policy.json places junior by a ring draw (ring_draw_levels): its order is the ring's"))
        let half = try Self.place(Self.files(applicants: 10, seats: 5), ring: ["--ring-start", "1"], name: "half")
        #expect(half.result.status == 2 && half.result.err.contains("--ring-interval"))
        for placed in [outside, zero, empty, missing, lottery, half] {
            #expect(!FileManager.default.fileExists(atPath: placed.run.appendingPathComponent(Manifest.fileName).path))
        }
    }

    @Test func thePolicyKeyIsReadCheckedAndWrittenBack() {
        let read = PolicyFile.read(Array(#"{"ring_draw_levels": ["junior", "primary"]}"#.utf8))
        #expect(read.diagnostics.isEmpty && read.policy.ringDrawLevels == [.junior, .primary])
        #expect(PolicyFile.read(PolicyFile.render(read.policy)).policy == read.policy)
        #expect(!String(decoding: PolicyFile.render(Policy()), as: UTF8.self).contains("ring_draw_levels"))
        let high = PolicyFile.read(Array(#"{"ring_draw_levels": ["high"]}"#.utf8))
        #expect(high.diagnostics.map(\.description) == [#"policy.json:1:22: ring_draw_levels lists levels placed by a ring draw: "primary", "junior", not "high""#])
        let twice = PolicyFile.read(Array(#"{"ring_draw_levels": ["junior", "junior"]}"#.utf8))
        #expect(twice.diagnostics.map(\.message) == [#"ring_draw_levels lists "junior" twice"#])
    }

    /// `node` runs the page's script (site.js, which the site and the hall's slides check ring
    /// numbers with): its ring order is `RingDraw.positions` on the worked examples, on every
    /// start and interval up to 12 of lists up to 12, and on a list of 100,000.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "node is not installed"))
    func thePagesRingOrderIsEnrolls() throws {
        var cases = [(10, 3, 4), (5, 5, 7), (4, 3, 1), (6, 2, 2), (100_000, 31_415, 9_265)]
        for n in 1...12 { for s in 1...n { for k in 1...12 { cases.append((n, s, k)) } } }
        let folder = try temporaryFolder()
        try Data(SiteAssets.script.utf8).write(to: folder.appendingPathComponent("site.js"))
        let input = cases.map { "[\($0.0),\($0.1),\($0.2)]" }.joined(separator: ",")
        let program = """
            const site = require("./site.js");
            const cases = [\(input)];
            console.log(cases.map(([n, s, k]) => Array.from(site.ringPositions(n, s, k)).slice(1).join(" ")).join("\\n"));
            console.log(site.hex64(42));
            """
        let (status, output) = try runNode(program, in: folder)
        #expect(status == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == cases.count + 1)
        for (line, (n, s, k)) in zip(lines, cases) {
            #expect(line == (try RingDraw(start: s, interval: k).positions(count: n)).map(String.init).joined(separator: " "), "n \(n) s \(s) k \(k)")
        }
        #expect(lines.last == LotteryNumber(ringPosition: 42).hex)
    }

    /// The roster published before the draw numbers a ring-drawn level's applicants 1…n in
    /// `student_id` order, the numbers the ring counts (and says so); the lottery's levels are
    /// listed without numbers.
    @Test func thePreDrawRosterNumbersTheRingsList() throws {
        let folder = try caseFolder(Self.files(applicants: 3, seats: 1))
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try CaseFolder(url: folder).load().admissionCase
        let site = try PreDrawSiteTests.site(c)
        #expect(PreDrawSiteTests.text(site, "data/junior-roster.csv") == """
            \u{FEFF}student_id,number,zone_id,school_id,choice_rank,tier,note,name_masked,id_number_masked
            S01,1,,J9,1,0,no-home,学**,
            S02,2,,J9,1,0,no-home,学**,
            S03,3,,J9,1,0,no-home,学**,

            """)
        let page = try #require(PreDrawSiteTests.text(site, "roster-junior.html"))
        #expect(page.contains("<p id=\"ring-numbering\">本学段采用“起始号 + 间隔数”方式派位") && page.contains("<th>序号</th>"))
        #expect(page.contains("<tr><td>2<td class=\"hash\">S02"))
    }

    /// The hall's slides show a ring-drawn group's applicants as "No. n → position", in the
    /// ring's order, with the start number and interval; the page checks them by the ring.
    @Test func theHallShowsTheRingsOrder() throws {
        let placed = try Self.place(Self.files(applicants: 10, seats: 5), ring: ["--ring-start", "3", "--ring-interval", "4"])
        #expect(placed.result.status == 0, "\(placed.result.err)")
        let caseURL = try #require(try FileManager.default.contentsOfDirectory(at: placed.run.deletingLastPathComponent(), includingPropertiesForKeys: nil)
            .first { $0.path + "-run" == placed.run.path })
        let hall = placed.run.deletingLastPathComponent().appendingPathComponent(placed.run.lastPathComponent + "-hall")
        let made = try runEnroll(["ceremony", caseURL.path, "--draw-date", "2026-07-10", "--run", placed.run.path, "--out", hall.path])
        #expect(made.status == 0, "\(made.err)")
        let index = try String(contentsOf: hall.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("起始号 3 · 间隔数 4:按抽中先后排序"))
        let shown = index.components(separatedBy: "<span class=\"num\"").dropFirst().map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        // Taken 3, 7, 1, 6, 2 (admitted), then 9 (count 4 5 8 9 after 2), 8 (10 4 5 8), 10 (10 4 5 10), 5, 4.
        #expect(shown == ["序号 3 → 1", "序号 7 → 2", "序号 1 → 3", "序号 6 → 4", "序号 2 → 5", "序号 9 → 6", "序号 8 → 7", "序号 10 → 8", "序号 5 → 9", "序号 4 → 10"])
        #expect(index.contains("data-roster=\"3\""))
        // The ring's own slide, after the seed's: s and k typed in the hall (here the recorded ones), n = 10.
        #expect(index.contains("<section class=\"slide\" id=\"ring-junior\" data-ring-level=\"junior\">"))
        #expect(index.contains("<p data-field=\"ring\">本学段采用“起始号 + 间隔数”派位"))
        #expect(index.contains(#""key": "junior""#) && index.contains(#""count": 10"#) && index.contains(#""start": 3"#) && index.contains(#""interval": 4"#))
    }
}
