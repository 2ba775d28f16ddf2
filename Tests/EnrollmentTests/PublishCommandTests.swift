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

/// `enroll publish` on the demo run of the sample county: every file of the site is scanned for
/// the case's names and id numbers, and the public tables are compared with the run's files.
@Suite(.serialized) struct PublishCommandTests {
    /// The members of `secrets` found in `text`. Secrets made only of CJK characters (3-byte UTF-8
    /// sequences led by E3…E9), or only of digits and `X`, are looked up as windows of each length
    /// inside the runs of such characters (a masked value is broken by `*`), by a 64-bit FNV-1a
    /// hash confirmed byte for byte, so a file is scanned in O(bytes × lengths); any other secret
    /// is searched for directly.
    static func occurrences(of secrets: Set<String>, lengths: [Int], in text: String) -> Set<String> {
        func fnv(_ bytes: some Collection<UInt8>) -> UInt64 {
            bytes.reduce(0xcbf29ce484222325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100000001b3 }
        }
        func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || b == 0x58 || b == 0x78 }
        let isCJK: (String) -> Bool = { s in s.utf8.count == 3 * s.unicodeScalars.count && s.utf8.enumerated().allSatisfy { $0.offset % 3 != 0 || (0xE3...0xE9).contains($0.element) } }
        var byHash: [UInt64: [String]] = [:]
        for secret in secrets { byHash[fnv(secret.utf8), default: []].append(secret) }
        let bytes = Array(text.utf8)
        var found: Set<String> = []
        func windows(_ run: Range<Int>, width: Int) {
            for length in lengths where length * width <= run.count {
                var start = run.lowerBound
                while start + length * width <= run.upperBound {
                    let window = bytes[start..<(start + length * width)]
                    for candidate in byHash[fnv(window)] ?? [] where candidate.utf8.elementsEqual(window) { found.insert(candidate) }
                    start += width
                }
            }
        }
        var i = 0
        while i < bytes.count {
            var j = i
            if (0xE3...0xE9).contains(bytes[i]) {
                while j + 2 < bytes.count, (0xE3...0xE9).contains(bytes[j]) { j += 3 }
                windows(i..<j, width: 3)
            } else if isDigit(bytes[i]) {
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                windows(i..<j, width: 1)
            }
            i = max(j, i + 1)
        }
        for secret in secrets where !isCJK(secret) && !secret.utf8.allSatisfy(isDigit) {
            if text.contains(secret) { found.insert(secret) }
        }
        return found
    }

    @Test func theScanFindsPlantedValues() {
        let secrets: Set<String> = ["张三", "欧阳娜娜", "419901201309210024"]
        #expect(Self.occurrences(of: secrets, lengths: [2, 4, 18], in: "a,张*,欧阳娜娜,x419901201309210024y") == ["欧阳娜娜", "419901201309210024"])
        #expect(Self.occurrences(of: ["Anna Lee", "张三"], lengths: [2, 8], in: "<td>Anna Lee</td>城关张三小学") == ["Anna Lee", "张三"])
        #expect(Self.occurrences(of: secrets, lengths: [2, 4, 18], in: "张*,欧阳**,419901********0024").isEmpty)
    }

    @Test func demoSiteHoldsNoPersonalDataAndAgreesWithTheRun() throws {
        let folder = try temporaryFolder()
        let demo = try runEnroll(["demo", "--out", folder.appendingPathComponent("demo").path])
        #expect(demo.status == 0, "\(demo.err)")
        let run = folder.appendingPathComponent("demo/run"), site = folder.appendingPathComponent("site")
        let sample = packageRoot.appendingPathComponent("zones/sample-county/case")
        let r = try runEnroll(["publish", run.path, "--out", site.path, "--case", sample.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("junior: 2681 applicants"))

        let loaded = try CaseFolder(url: sample).load().admissionCase
        let names = (loaded.primaryApplicants + loaded.juniorApplicants).map(\.name) + loaded.graduates.map(\.name)
        let secrets = Set(names.filter { $0.count >= 2 } + (loaded.primaryApplicants + loaded.juniorApplicants).compactMap(\.idNumber))
        #expect(secrets.count > 5000)
        let lengths = Set(secrets.map(\.count)).sorted()
        let paths = try FileManager.default.subpathsOfDirectory(atPath: site.path).sorted()
        var scanned = 0
        for path in paths {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            let leaked = Self.occurrences(of: secrets, lengths: lengths, in: text)
            #expect(leaked.isEmpty, "\(path) holds \(leaked.count) unmasked names or id numbers")
            scanned += 1
        }
        #expect(scanned == paths.filter { !["data", "search"].contains($0) }.count && scanned > 40)

        for level in ["primary", "junior"] {
            let runRows = try RunCSV(file: "placements.csv", bytes: [UInt8](Data(contentsOf: run.appendingPathComponent("\(level)/placements.csv"))))
            let published = try RunCSV(file: "p.csv", bytes: [UInt8](Data(contentsOf: site.appendingPathComponent("data/\(level)-placements.csv"))))
            #expect(published.columns == runRows.columns + ["class_no", "name_masked", "id_number_masked"])
            #expect(published.rows.map { Array($0.prefix(runRows.columns.count)) } == runRows.rows.map(Array.init))
            let applicants = Dictionary(uniqueKeysWithValues: loaded.applicants(level == "primary" ? .primary : .junior).map { ($0.id, $0) })
            let classes = try RunCSV(file: "classes.csv", bytes: [UInt8](Data(contentsOf: run.appendingPathComponent("\(level)/classes.csv"))))
            let classOf = Dictionary(uniqueKeysWithValues: classes.rows.map { ($0[0], $0[2]) })
            let (classColumn, nameColumn, idColumn) = (runRows.columns.count, runRows.columns.count + 1, runRows.columns.count + 2)
            for row in published.rows {
                let a = applicants[row[0]]!
                #expect(row[classColumn] == classOf[row[0]] ?? "" && row[nameColumn] == Masking.name(a.name) && row[idColumn] == Masking.idNumber(a.idNumber ?? ""))
            }
            // Every class of the run is in the placements: no class table besides them.
            #expect(published.rows.filter { !$0[classColumn].isEmpty }.count == classes.rows.count)
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("data/\(level)-classes.csv").path))
            let runCutoffs = try Data(contentsOf: run.appendingPathComponent("\(level)/cutoffs.csv"))
            #expect(try Data(contentsOf: site.appendingPathComponent("data/\(level)-cutoffs.csv")) == runCutoffs)
        }
        let sums = try String(contentsOf: site.appendingPathComponent("SHA256SUMS"), encoding: .utf8).split(separator: "\n")
        #expect(sums.count == scanned - 1)
        for line in sums {
            let path = String(line.dropFirst(66))
            #expect(String(line.prefix(64)) == (try SHA256.hash(fileAt: site.appendingPathComponent(path)).hex))
        }

        let badLanguage = try runEnroll(["publish", run.path, "--out", folder.appendingPathComponent("x").path, "--lang", "fr"])
        #expect(badLanguage.status == 2)
    }

    /// A notice with an impossible period stops `enroll publish` before anything is written.
    @Test func anImpossibleNoticeIsRefusedAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        let run = folder.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("junior"), withIntermediateDirectories: true)
        try Data("student_id,school_id,status,choice_rank,tier,lottery_number,note\n2026070001,J01,admitted,1,31,aa,\n".utf8)
            .write(to: run.appendingPathComponent("junior/placements.csv"))
        try Data("school_id,capacity,admitted,cutoff_tier,cutoff_lottery_number\nJ01,1,1,,\n".utf8).write(to: run.appendingPathComponent("junior/cutoffs.csv"))
        let notice = folder.appendingPathComponent("notice.json"), site = folder.appendingPathComponent("site")
        try Data(PublicationNoticeTests.replacing("2026-07-26", with: "2026-07-19").utf8).write(to: notice)
        let refused = try runEnroll(["publish", run.path, "--out", site.path, "--notice", notice.path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("notice.json:4:22: publication_end: the period would end on 2026-07-19, before it starts on 2026-07-20"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: site.path))
        try Data(PublicationNoticeTests.good.utf8).write(to: notice)
        let published = try runEnroll(["publish", run.path, "--out", site.path, "--notice", notice.path])
        #expect(published.status == 0, "\(published.err)")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<span id=\"notice-period\">2026-07-20 至 2026-07-26,共 7 天</span>"))
        let school = try String(contentsOf: site.appendingPathComponent("school-J01-list-1.html"), encoding: .utf8)
        #expect(school.contains("id=\"notice-telephone\">0371-6880 1234</a>") && school.contains("在公示期内到教育局招生办公室提交书面申诉。"))
    }
}
