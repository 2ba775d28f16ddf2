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

/// Each recorded file's schema writes a row and reads it back unchanged, and every code the
/// files hold has its words in both languages of the site.
@Suite struct RecordedFileSchemaTests {
    static let notes: [PlacementNote] = [.addressReview, .noHome, .unzoned(nearest: nil, metres: nil), .unzoned(nearest: "PZ07", metres: 120),
                                         .overlap(zone: "PZ02", metres: "3.50", others: ["PZ01", "PZ03"]), .allPublicFull]

    @Test func everyNoteReadsBackFromItsCode() {
        #expect(Self.notes.map(\.code) == ["address-review", "no-home", "unzoned", "unzoned:PZ07:120", "overlap:PZ02:3.50:PZ01+PZ03", "all-public-full"])
        for note in Self.notes { #expect(PlacementNote(code: note.code) == note) }
        #expect(PlacementNote.notes(inColumn: PlacementNote.column(Self.notes)) == Self.notes)
        #expect(PlacementNote.notes(inColumn: "") == [])
        for bad in ["address for review", "unzoned:PZ07", "unzoned:PZ07:far", "overlap:PZ02:3.5:", "no-home;", "All-public-full"] {
            #expect(PlacementNote.notes(inColumn: bad) == nil, "\(bad)")
        }
    }

    /// The words come from the language table, never the code: changing a code's wording in the
    /// engine cannot leave the site showing it untranslated.
    @Test func everyNoteHasItsWordsInBothLanguages() {
        for language in SiteLanguage.allCases {
            let page = SitePage(language: language, notice: nil)
            for note in Self.notes {
                let words = page.noteWords(note)
                #expect(!words.isEmpty && words != note.code && !words.contains("%"), "\(language) \(note.code): \(words)")
                #expect(page.noteText(note.code) == words)
            }
        }
        let zh = SitePage(language: .zh, notice: nil)
        #expect(zh.noteText("unzoned:PZ07:120;all-public-full") == "住址不在任何学区内(最近的学区 PZ07,相距 120 米); 全部公办学校学位已满(民办学校只录取报名该校的学生)")
        #expect(zh.noteText(SupervisionReport.noListedSeat) == "所填志愿学校均无学位")
    }

    /// `placements.csv` and `zoning.csv` of both levels of the sample county, read back row by row.
    @Test func placementsAndZoningReadBackAsWritten() throws {
        let c = try CaseFolder(url: packageRoot.appendingPathComponent("zones/sample-county/case")).load().admissionCase
        var notesSeen: Set<String> = []
        for level in [SchoolLevel.primary, .junior] {
            let (run, zoning, files) = try PlacementStep.run(c, level: level, seed: String(repeating: "ab", count: 32))
            let placements = try RunCSV(file: PlacementsFile.name, bytes: try #require(files.first { $0.path.hasSuffix("/" + PlacementsFile.name) }).bytes)
            #expect(placements.columns == PlacementsFile.header)
            let read = placements.rows.map { PlacementsFile.placement(Array($0)) }
            #expect(read.count == run.placements.count)
            for (back, written) in zip(read, run.placements) {
                var expected = written
                expected.distanceMetres = written.distanceMetres.map { $0.rounded() }
                #expect(back == expected)
                for note in written.notes { notesSeen.insert(note.code.components(separatedBy: ":")[0]) }
            }
            let zoned = try RunCSV(file: ZoningFile.name, bytes: try #require(files.first { $0.path.hasSuffix("/" + ZoningFile.name) }).bytes)
            #expect(zoned.columns == ZoningFile.header)
            let byID = Dictionary(uniqueKeysWithValues: zoning.map { ($0.studentID, $0) })
            for fields in zoned.rows {
                var expected = try #require(byID[fields[0]])
                expected.publicNotes = []
                #expect(ZoningFile.assignment(Array(fields)) == expected)
            }
        }
        // The sample county exercises the notes a county meets: addresses for review, homes in no zone.
        #expect(notesSeen.isSuperset(of: ["address-review"]), "\(notesSeen)")
    }
}

extension RecordedFileSchemaTests {
    @Test func everySeatsLabelReadsBackFromItsCode() {
        let labels: [SeatsLabel] = [.all, .open, .purchased, .reserved(category: "left_behind"), .openExcept(category: "migrant")]
        #expect(labels.map(\.code) == ["all", "open", "purchased", "reserved:left_behind", "open-except:migrant"])
        for label in labels { #expect(SeatsLabel(code: label.code) == label) }
        for bad in ["", "reserved:", "reserved", "open-except:", "All", "bought"] { #expect(SeatsLabel(code: bad) == nil, "\(bad)") }
        #expect(labels.map(\.reservedCategory) == [nil, nil, nil, "left_behind", nil])
    }
}

extension RecordedFileSchemaTests {
    /// Every file a placement writes has the header its schema declares, and the step's list of
    /// files is the schemas' names.
    @Test func thePlacementsFilesHaveTheirSchemasHeaders() throws {
        let c = try CaseFolder(url: packageRoot.appendingPathComponent("zones/sample-county/case")).load().admissionCase
        let (_, _, files) = try PlacementStep.run(c, level: .junior, seed: String(repeating: "cd", count: 32))
        let schemas: [(String, [String])] = [(ZoningFile.name, ZoningFile.header), (PlacementsFile.name, PlacementsFile.header),
                                             (RanksFile.name, RanksFile.header), (CutoffsFile.name, CutoffsFile.header),
                                             (WaitlistsFile.name, WaitlistsFile.header)]
        #expect(PlacementStep.files == schemas.map(\.0))
        for (name, header) in schemas {
            let file = try #require(files.first { $0.path == "junior/\(name)" })
            #expect(try RunCSV(file: name, bytes: file.bytes).columns == header, "\(name)")
        }
    }
}

extension RecordedFileSchemaTests {
    /// The class and quota files of a round of the sample county have their schemas' headers.
    @Test func theClassAndQuotaFilesHaveTheirSchemasHeaders() throws {
        let caseFolder = packageRoot.appendingPathComponent("zones/sample-county/case")
        let run = try temporaryFolder().appendingPathComponent("run")
        defer { try? FileManager.default.removeItem(at: run.deletingLastPathComponent()) }
        let round = try AdmissionRound(caseFolder: caseFolder, commitment: try Commitment(caseFolder: caseFolder),
                                       seed: String(repeating: "3c", count: 32), runFolder: run, code: CodeIdentifier.library)
        _ = try round.place(.junior)
        _ = try round.formClasses(.junior)
        _ = try round.allocateQuotas()
        func header(_ path: String) throws -> [String] {
            try RunCSV(file: path, bytes: [UInt8](try Data(contentsOf: run.appendingPathComponent(path)))).columns
        }
        #expect(try header("junior/" + ClassesFile.name) == ClassesFile.header)
        #expect(try header("junior/" + ClassBalanceFile.name) == ClassBalanceFile.header)
        #expect(try header("junior/" + HeadTeachersFile.name) == HeadTeachersFile.header)
        let c = try CaseFolder(url: caseFolder).load().admissionCase
        #expect(try header("junior/" + ClassSummaryFile.name)
                == ClassSummaryFile.header(careGroups: c.policy.careGroups, subjects: ["chinese", "math"]))
        #expect(try header("quota/" + QuotaAllocationFile.name) == QuotaAllocationFile.header)
        #expect(try header("quota/" + QuotaAdmissionsFile.name) == QuotaAdmissionsFile.header)
        #expect(try header("quota/" + QuotaUnfilledFile.name) == QuotaUnfilledFile.header)
    }

    /// The quota files' codes are given in words on the site, in both languages.
    @Test func theQuotaCodesHaveTheirWords() throws {
        for language in SiteLanguage.allCases {
            let builder = try SiteBuilder(sink: SiteMemory(), results: try PublishingTests.results(withCase: false), page: SitePage(language: language, notice: nil))
            for code in ["rounding", "not-taken", "not-taken-in-second-round"] {
                #expect(builder.unfilledReasonText(code) != code && !builder.unfilledReasonText(code).isEmpty)
            }
            for code in ["open-round", "second-round"] { #expect(builder.goesToText(code) != code) }
        }
    }
}
