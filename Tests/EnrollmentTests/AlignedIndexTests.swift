import Testing
@testable import EnrollmentPublishing

/// `AlignedIndex`: the same position whether the key is where expected or not.
@Suite struct AlignedIndexTests {
    @Test func aKeyIsFoundWhereExpectedOrElsewhere() {
        let keys = ["a", "b", "c"]
        var index = AlignedIndex(count: keys.count) { keys[$0] }
        #expect(index.position(of: "b", expected: 1) == 1)
        #expect(index.position(of: "c", expected: 0) == 2)
        #expect(index.position(of: "a", expected: 7) == 0)
        #expect(index.position(of: "a", expected: -1) == 0)
        #expect(index.position(of: "z", expected: 0) == nil)
        var empty = AlignedIndex(count: 0) { _ in "" }
        #expect(empty.position(of: "a", expected: 0) == nil)
    }

    /// The report of a run whose zoning rows and applicants are in another order than its
    /// placements is the same report.
    @Test func theReportDoesNotDependOnTheFilesOrder() throws {
        let results = try PublishingTests.results()
        var shuffled = results
        var level = shuffled.levels[0]
        let zoning = try #require(level.zoning)
        level.zoning = RunCSV(file: zoning.file, columns: zoning.columns, rows: zoning.rows.map(Array.init).reversed())
        shuffled.levels[0] = level
        shuffled.admissionCase?.juniorApplicants.reverse()
        let report = try SupervisionReport(results), other = try SupervisionReport(shuffled)
        #expect(report == other)
        #expect(report.levels[0].nearby == 3 && report.verdicts.contains { $0.indicator == "out_of_zone_public" })
    }
}
