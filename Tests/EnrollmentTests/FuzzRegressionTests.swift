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

/// Inputs that made a fuzz target (fuzz/, docs/FUZZING.md) fail, with what the reader must
/// now give for them. Each test names the target and the invariant that broke.
@Suite struct FuzzRegressionTests {
    /// policy: a `near_boundary_metres` with more than six decimals was rendered rounded to six
    /// (`0.0000001` as `0`), so a case written by `CaseWriter` and read back had another policy.
    @Test func nearBoundaryMetresWithManyDecimalsSurvivesRendering() throws {
        for (text, metres, rendered) in [("0.0000001", 1e-7, "1e-07"), ("12.3456789", 12.3456789, "12.3456789"), ("12.5", 12.5, "12.5"), ("20", 20.0, "20")] {
            let (policy, problems) = PolicyFile.read(Array("{\"near_boundary_metres\": \(text)}".utf8))
            #expect(problems.isEmpty)
            #expect(policy.nearBoundaryMetres == metres)
            let bytes = PolicyFile.render(policy)
            #expect(String(decoding: bytes, as: UTF8.self).contains("\"near_boundary_metres\": \(rendered),"))
            let (again, reread) = PolicyFile.read(bytes)
            #expect(reread.isEmpty)
            #expect(again == policy)
        }
    }

    /// tables (fuzz/crashes/tables-crash-4069420…, -6947326…): the fast ASCII number readers
    /// multiplied before checking the digit count, so a coordinate of more than 19 digits
    /// overflowed `Int` and trapped. A long number now falls back to the general parse: a
    /// coordinate reads as `Double(text)` does; a score of more than 9 whole digits is reported, and
    /// neither is quoted (a run of 15 or more digits may be an id number; docs/SECURITY.md).
    @Test func longNumbersInATableAreReadOrReportedNotTrapped() throws {
        let csv = """
        student_id,name,gender,birth_date,residence,lon,lat,score
        S1,n,M,2020-01-01,hukou,113.61824300000000000000001,34.71241990120191215010,
        S2,n,F,2020-01-01,hukou,113.6,34.7,12345678901234567890123
        S3,n,F,2020-01-01,hukou,113.6,34.71241990120191215010X491,

        """
        let table = try #require(CSVReader.parse(Array(csv.utf8), file: "a.csv").table)
        let (applicants, diagnostics) = ApplicantTable.read(table)
        #expect(diagnostics.map(\.description) == [
            "a.csv:3:8: score: a value holding a 23-digit number is not \(Score.expected)",
            "a.csv:4:7: lat: a value holding a 20-digit number is not a number",
        ])
        #expect(applicants.map(\.id) == ["S1"])
        let first = try #require(applicants.first)
        #expect(first.longitude == Double("113.61824300000000000000001"))
        #expect(first.latitude == Double("34.71241990120191215010"))
    }
}
