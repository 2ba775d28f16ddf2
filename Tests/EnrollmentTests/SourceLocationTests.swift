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

@Suite struct SourceLocationTests {
    @Test func printsLikeACompiler() {
        let d = Diagnostic(SourceLocation(file: "schools.csv", line: 3, column: 5), "capacity: not a whole number")
        #expect(d.description == "schools.csv:3:5: capacity: not a whole number")
    }

    @Test func sortsByFileLineColumn() {
        let a = Diagnostic(SourceLocation(file: "a.csv", line: 10, column: 1), "x")
        let b = Diagnostic(SourceLocation(file: "a.csv", line: 2, column: 9), "x")
        let c = Diagnostic(SourceLocation(file: "b.csv", line: 1, column: 1), "x")
        #expect(Diagnostics([c, a, b]).items == [b, a, c])
    }
}
