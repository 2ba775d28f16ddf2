import Foundation
import Testing
@testable import EnrollmentPublishing

/// `RunResults.read` parses the run's tables on all cores, yet reports a problem where its
/// reading asks for the file, in its order: a missing `cutoffs.csv` before a damaged `zoning.csv`.
@Suite struct RunResultsReadTests {
    static let placements = "student_id,school_id,status,choice_rank,tier,lottery_number,zone_id,distance_m,note\n2026070001,J01,admitted,1,11,aa,JZ01,,\n"
    static let cutoffs = "school_id,capacity,admitted,cutoff_tier,cutoff_lottery_number\nJ01,1,1,11,aa\n"

    func run(_ files: [String: String]) throws -> URL {
        let run = try temporaryFolder()
        for (path, text) in files {
            let url = run.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return run
    }

    func problem(_ files: [String: String]) throws -> String {
        do {
            _ = try RunResults.read(run: try run(files), caseFolder: nil, ceremony: nil)
            return "read"
        } catch {
            return "\(error)"
        }
    }

    @Test func theFirstProblemInReadingOrderIsReported() throws {
        let damaged = "student_id,zone_id\n\"2026070001,JZ01\n"
        #expect(try problem(["junior/placements.csv": Self.placements, "junior/zoning.csv": damaged])
                == "\(PublishingError.missingFile("junior/cutoffs.csv"))")
        let zoning = try problem(["junior/placements.csv": Self.placements, "junior/cutoffs.csv": Self.cutoffs, "junior/zoning.csv": damaged,
                                  "junior/ranks.csv": damaged])
        #expect(zoning.hasPrefix("junior/zoning.csv:"))
        #expect(try problem(["junior/placements.csv": Self.placements, "junior/cutoffs.csv": Self.cutoffs]) == "read")
        // A file the reading never asks for (a zoning file of a level without placements) is not read.
        #expect(try problem(["junior/placements.csv": Self.placements, "junior/cutoffs.csv": Self.cutoffs, "primary/zoning.csv": damaged]) == "read")
    }

    @Test func theTablesAreTheFilesRows() throws {
        let results = try RunResults.read(run: try run(["junior/placements.csv": Self.placements, "junior/cutoffs.csv": Self.cutoffs,
                                                        "quota/quota-allocation.csv": "high_school_id,junior_school_id,basis,exact_share,seats\nH01,J01,3,1,1\n"]),
                                          caseFolder: nil, ceremony: nil)
        #expect(results.levels.map(\.level) == [.junior] && results.levels[0].placements.rows.map { $0[0] } == ["2026070001"])
        #expect(results.levels[0].cutoffs.rows.map { $0[1] } == ["1"] && results.levels[0].zoning == nil)
        #expect(results.quota?.allocation.rows.map { $0[0] } == ["H01"] && results.quota?.admissions == nil)
    }
}
