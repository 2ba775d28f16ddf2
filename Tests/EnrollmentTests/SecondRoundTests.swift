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

/// The second round (补录 / 二次派位, issue 23): its applicants are placed over the seats the
/// first round leaves, in a draw of their own under the round's seed and commitment; no
/// first-round file changes, and `enroll verify` re-runs it.
@Suite struct SecondRoundTests {
    static let seed = String(repeating: "1c", count: 32)
    static let roundSeed = String(repeating: "2d", count: 32)

    /// P1 (2 seats) and P2 (3 seats, 5 km east). First round: A, B, C choose P1, D chooses P2;
    /// priorities.csv orders them A, B, C, D, so A and B take P1, C is reassigned to P2, D takes
    /// P2: one seat is left at P2. The second round: B declines; E and F (new) choose P1.
    static let files: [String: String] = [
        "schools.csv": "school_id,name,level,capacity,lon,lat\nP1,一小,primary,2,113.60,34.70\nP2,二小,primary,3,113.655,34.70\n",
        "primary-applicants.csv": """
            student_id,name,gender,birth_date,lon,lat,residence,choices
            A,甲,F,2020-01-01,113.601,34.70,hukou,P1
            B,乙,M,2020-01-01,113.601,34.70,hukou,P1
            C,丙,F,2020-01-01,113.601,34.70,hukou,P1
            D,丁,M,2020-01-01,113.654,34.70,hukou,P2

            """,
        "priorities.csv": "student_id,school_id,tier\nA,P1,1\nB,P1,2\nC,P1,3\nD,P2,4\n",
        "second-round/primary-applicants.csv": """
            student_id,name,gender,birth_date,lon,lat,residence,choices
            E,戊,F,2020-02-01,113.601,34.70,hukou,P1
            F,己,M,2020-02-01,113.601,34.70,hukou,P1

            """,
        "second-round/primary-declined.csv": "student_id\nB\n",
    ]

    /// The case folder with the first round committed and placed (the second-round files set
    /// aside while it is), the round's files committed; returns the folder and the run folder.
    static func firstRound(_ name: String = #function, editing edit: (inout [String: String]) -> Void = { _ in }) throws -> (case: URL, run: URL) {
        var files = Self.files
        edit(&files)
        let folder = try caseFolder(files.filter { !$0.key.hasPrefix("second-round/") }, name: name)
        let run = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-run")
        #expect(try runEnroll(["commit", folder.path, "--out", folder.path + "-c.json"]).status == 0)
        let placed = try runEnroll(["place", folder.path, "--level", "primary", "--seed", seed, "--commitment", folder.path + "-c.json", "--out", run.path])
        #expect(placed.status == 0, "\(placed.err)")
        for (file, text) in files where file.hasPrefix("second-round/") {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("second-round"), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent(file))
        }
        return (folder, run)
    }

    static func secondRound(_ folder: URL, _ run: URL, commit: Bool = true) throws -> (status: Int32, out: String, err: String) {
        if commit { #expect(try runEnroll(["commit", folder.path, "--second-round"]).status == 0) }
        return try runEnroll(["second-round", folder.path, "--level", "primary", "--seed", seed, "--commitment", folder.path + "-c.json",
                              "--round-seed", roundSeed, "--round-commitment", folder.path + "/second-round/commitment.json", "--out", run.path])
    }

    static func rows(_ url: URL) throws -> [[String: String]] {
        let table = try RunCSV(file: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
    }

    @Test func theSecondRoundPlacesOverTheSeatsLeftAndNeverChangesTheFirst() throws {
        let (folder, run) = try Self.firstRound()
        let firstFiles = ["zoning.csv", "placements.csv", "ranks.csv", "cutoffs.csv", "waitlists.csv"].map { run.appendingPathComponent("primary/\($0)") }
        let before = try firstFiles.map { try Data(contentsOf: $0) }
        #expect(try Self.rows(firstFiles[1]).map { [$0["student_id"]!, $0["school_id"]!, $0["status"]!] }
                == [["A", "P1", "admitted"], ["B", "P1", "admitted"], ["C", "P2", "reassigned"], ["D", "P2", "admitted"]])

        let result = try Self.secondRound(folder, run)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("second round primary: 2 applicants, 1 admitted, 1 reassigned, 0 unplaced"), "\(result.out)")
        // B's seat at P1 is the one seat left there: E and F are in one tier, so the round's own draw decides.
        let draw = LotteryNumber.Draw(seed: Self.roundSeed, name: "primary-second-round")
        let (winner, other) = draw.number(studentID: "E") < draw.number(studentID: "F") ? ("E", "F") : ("F", "E")
        let placed = try Self.rows(run.appendingPathComponent("primary/second-round/placements.csv"))
        #expect(placed.map { [$0["student_id"]!, $0["school_id"]!, $0["status"]!, $0["lottery_number"]!] } == [
            ["E", winner == "E" ? "P1" : "P2", winner == "E" ? "admitted" : "reassigned", draw.number(studentID: "E").hex],
            ["F", winner == "F" ? "P1" : "P2", winner == "F" ? "admitted" : "reassigned", draw.number(studentID: "F").hex],
        ])
        #expect(placed.first { $0["student_id"] == other }?["distance_m"] == "4937")
        let cutoffs = try Self.rows(run.appendingPathComponent("primary/second-round/cutoffs.csv"))
        #expect(cutoffs.map { [$0["school_id"]!, $0["capacity"]!, $0["admitted"]!] } == [["P1", "1", "1"], ["P2", "1", "0"]])
        #expect(try firstFiles.map { try Data(contentsOf: $0) } == before, "no first-round file is rewritten")

        let verified = try runEnroll(["verify", run.path])
        #expect(verified.status == 0 && verified.out.hasPrefix("verified: 2 steps"), "\(verified.out)\(verified.err)")
        let manifest = try String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"round_seed\": \"\(Self.roundSeed)\"") && manifest.contains("\"primary-second-round\""))
        let recomputed = try recomputeLottery(run)
        #expect(recomputed.status == 0 && recomputed.out == "ok 6 numbers\n", "\(recomputed.out)")
    }

    /// After a vacancy round the second round starts from the seats the chains leave: B's seat at
    /// P1 went down its waitlist to C, whose seat at P2 nobody wanted; E and F find P1 full.
    @Test func theSecondRoundStartsAfterTheVacancyRounds() throws {
        let (folder, run) = try Self.firstRound { files in
            files["second-round/primary-declined.csv"] = nil
            files["second-round/primary-applicants.csv"]! += "B,乙,M,2020-01-01,113.601,34.70,hukou,P1\n"
        }
        let withdrawn = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-withdrawn.csv")
        try Data("student_id\nB\n".utf8).write(to: withdrawn)
        let vacancies = try runEnroll(["vacancies", folder.path, "--level", "primary", "--withdrawn", withdrawn.path, "--seed", Self.seed,
                                       "--commitment", folder.path + "-c.json", "--out", run.path])
        #expect(vacancies.status == 0, "\(vacancies.err)")
        let result = try Self.secondRound(folder, run)
        #expect(result.status == 0, "\(result.err)")
        let placed = try Self.rows(run.appendingPathComponent("primary/second-round/placements.csv"))
        // P1 is full (A, C); P2 has two seats left (D stays): B (tier 2 at P1 by priorities.csv) is served
        // first, then whichever of E and F the round's draw puts first.
        let draw = LotteryNumber.Draw(seed: Self.roundSeed, name: "primary-second-round")
        let eFirst = draw.number(studentID: "E") < draw.number(studentID: "F")
        #expect(placed.map { [$0["student_id"]!, $0["school_id"]!, $0["status"]!] }
                == [["B", "P2", "reassigned"], ["E", eFirst ? "P2" : "", eFirst ? "reassigned" : "unplaced"],
                    ["F", eFirst ? "" : "P2", eFirst ? "unplaced" : "reassigned"]], "\(placed)")
        let verified = try runEnroll(["verify", run.path])
        #expect(verified.status == 0 && verified.out.hasPrefix("verified: 3 steps"), "\(verified.out)\(verified.err)")
        // A vacancy round after the second round is refused: its chains would not see the round's seats.
        let after = try runEnroll(["vacancies", folder.path, "--level", "primary", "--withdrawn", withdrawn.path, "--seed", Self.seed,
                                   "--commitment", folder.path + "-c.json", "--out", run.path])
        #expect(after.status == 1)
        #expect(after.err.contains("the primary level has had its second round: vacancy chains start from the first round's placement"), "\(after.err)")
    }

    @Test func anApplicantStillHoldingASeatIsRefused() throws {
        let (folder, run) = try Self.firstRound { files in
            files["second-round/primary-applicants.csv"]! += "C,丙,F,2020-01-01,113.601,34.70,hukou,P1\n"
        }
        let result = try Self.secondRound(folder, run)
        #expect(result.status == 1)
        #expect(result.err.contains("C holds a seat from the first round and applies in the second: list them in second-round/primary-declined.csv "
                                    + "to give the seat up, or take them out of the second round"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("primary/second-round").path))
    }

    @Test func filesChangedAfterTheRoundsCommitmentAreRefused() throws {
        let (folder, run) = try Self.firstRound()
        #expect(try runEnroll(["commit", folder.path, "--second-round"]).status == 0)
        try Data("student_id\nA\n".utf8).write(to: folder.appendingPathComponent("second-round/primary-declined.csv"))
        let result = try Self.secondRound(folder, run, commit: false)
        #expect(result.status == 1)
        #expect(result.err.contains("primary-declined.csv"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("primary/second-round").path))
    }

    /// A first-round applicant file that gives no applicant (a required column missing) is
    /// reported once: the second round's declined ids are not each reported again as unknown.
    @Test func anUnreadableFirstRoundIsNotReportedAgainThroughTheDeclined() throws {
        let folder = try temporaryFolder().appendingPathComponent("case")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("zones/sample-county/case"), to: folder)
        let url = folder.appendingPathComponent("primary-applicants.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: ",gender,", with: ",sex,").utf8).write(to: url)
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.err.contains("primary-applicants.csv:1:0: missing required column 'gender'"), "\(validated.err)")
        #expect(!validated.err.contains("is not in primary-applicants.csv"), "\(validated.err)")
    }

    @Test func validateChecksTheSecondRoundsFiles() throws {
        var files = Self.files
        files["junior-applicants.csv"] = "student_id,name,gender,birth_date,lon,lat,residence\nJ9,壬,F,2013-10-01,113.601,34.70,hukou\n"
        files["primary-applicants.csv"] = """
            student_id,name,gender,birth_date,id_number,lon,lat,residence,choices
            A,甲,F,2020-01-01,110105202001010023,113.601,34.70,hukou,P1

            """
        files["priorities.csv"] = "student_id,school_id,tier\nA,P1,1\n"
        files["second-round/primary-applicants.csv"] = """
            student_id,name,gender,birth_date,id_number,lon,lat,residence,choices
            E,戊,F,2020-01-01,110105202001010023,113.601,34.70,hukou,P1
            J9,壬,F,2020-02-01,,113.601,34.70,hukou,P1
            G,庚,F,2012-02-01,,113.601,34.70,hukou,P1

            """
        files["second-round/primary-declined.csv"] = "student_id\nZ\n"
        files["policy.json"] = "{\"intake_year\": 2026}"
        let problems = try CaseFolder(url: try caseFolder(files)).load().diagnostics.map(\.description)
        #expect(problems == [
            "second-round/primary-applicants.csv:2:5: id_number: the same resident id number as primary-applicants.csv line 2 of the first round, "
                + "under another student_id; one child, one application: a first-round applicant applies again under their own student_id",
            "second-round/primary-applicants.csv:3:1: student_id: 'J9' applied to junior school in the first round (junior-applicants.csv line 2); one child, one application",
            "second-round/primary-applicants.csv:4:4: birth_date: 14 years old on 2026-08-31, but primary entry is for children aged 6 on that day "
                + "(policy.json intake_year, age_cutoff_date, entry_age); correct the date, or give the bureau's approved deferred or early entry, "
                + "with its reason, in age_exception",
            "second-round/primary-declined.csv:2:1: student_id: 'Z' is not in primary-applicants.csv",
        ], "\(problems)")
    }

    /// What is left of a reserve stays reserved: the worked example of the seat groups, E* declining.
    @Test func theSeatsLeftKeepTheirReserve() throws {
        var policy = Policy()
        policy.reservedSeats = [ReservedSeats(school: "P1", category: "left_behind", seats: 2)]
        let school = School(id: "P1", name: "P1", level: .primary, capacity: 4, longitude: 113.61, latitude: 34.71)
        let people = ReservedSeatsTests.workedExample.map {
            Applicant(id: $0.0, gender: .female, birthDate: CalendarDate(year: 2020, month: 1, day: 1)!, longitude: 113.61, latitude: 34.71,
                      categories: $0.1, choices: $0.2)
        }
        var c = AdmissionCase(schools: [school], policy: policy, primaryApplicants: people)
        for (k, a) in people.enumerated() { c.explicitTiers[a.id] = ["P1": k + 1] }
        let (_, _, files) = try PlacementStep.run(c, level: .primary, seed: Self.seed)
        func bytes(_ name: String) -> [UInt8] { files.first { $0.path == "primary/\(name)" }!.bytes }
        let record = try PlacementRecord(placements: bytes("placements.csv"), ranks: bytes("ranks.csv"), admissionCase: c, level: .primary)
        var round = SecondRound()
        round.declined[.primary] = ["E"]
        round.applicants[.primary] = [
            Applicant(id: "G", gender: .male, birthDate: CalendarDate(year: 2020, month: 1, day: 1)!, longitude: 113.61, latitude: 34.71, choices: ["P1"]),
            Applicant(id: "H", gender: .male, birthDate: CalendarDate(year: 2020, month: 1, day: 1)!, longitude: 113.61, latitude: 34.71,
                      categories: ["left_behind"], choices: ["P1"]),
        ]
        let amended = try SecondRoundStep.remainingSeats(held: record.seatsHeld, of: c, level: .primary, round: round)
        #expect(amended.schools.map(\.capacity) == [1])
        #expect(amended.policy.reservedSeats == [ReservedSeats(school: "P1", category: "left_behind", seats: 1)])
        var tiers = c.explicitTiers
        tiers["G"] = ["P1": 1]
        tiers["H"] = ["P1": 2]
        let second = try PlacementRun(admissionCase: amended, level: .primary, zoning: [:], seed: Self.roundSeed, explicitTiers: tiers)
        #expect(second.placements.map { [$0.studentID, $0.schoolID ?? "", $0.seats ?? ""] } == [["G", "", ""], ["H", "P1", "reserved:left_behind"]])
    }
}
