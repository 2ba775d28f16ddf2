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

@Suite struct MaskingTests {
    /// A search record's whole numbers and positions are written as `String(Int)` would.
    @Test func searchRecordNumbersAreWrittenAsSwiftWritesThem() {
        for n in [0, 7, -7, 10, 1_234_567, Int.max, Int.min, -1] {
            var bytes: [UInt8] = []
            SearchRecords.appendDecimal(n, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(n))
        }
        let texts = ["0", "-0", "7", "-7", "007", "10", "", "-", "+1", " 1", "1 ", "1a", "１２", "9223372036854775807",
                     "9223372036854775808", "-9223372036854775808", "123456789012345678", "0123456789012345678"]
        for text in texts {
            #expect(SearchRecords.isWholeNumber(text) == (Int(text).map { String($0) == text } ?? false), "\(text)")
        }
    }

    @Test func chineseNamesKeepTheSurname() {
        #expect(Masking.name("张三") == "张*")
        #expect(Masking.name("王小明") == "王**")
        #expect(Masking.name(" 李四\u{3000}") == "李*")
        #expect(Masking.name("张") == "*")
        #expect(Masking.name("") == "")
        #expect(Masking.name("买买提·艾力") == "买*****")
    }

    @Test func compoundSurnamesStayWhole() {
        #expect(Masking.name("欧阳娜娜") == "欧阳**")
        #expect(Masking.name("司马光") == "司马*")
        #expect(Masking.name("诸葛亮") == "诸葛*")
        #expect(Masking.name("上官婉儿") == "上官**")
        #expect(Masking.name("欧阳") == "欧*")
        #expect(Masking.compoundSurnames.count == Set(Masking.compoundSurnames).count)
        #expect(Masking.compoundSurnames.allSatisfy { $0.count == 2 })
    }

    @Test func otherNamesKeepTheFirstLetterOnly() {
        #expect(Masking.name("Anna Lee") == "A***")
        #expect(Masking.name("Jo") == "J***")
        #expect(Masking.name("Ölander") == "Ö***")
    }

    /// A character made of several scalars (a letter and its accent, an ideograph and its
    /// variation selector) is masked as one character, as a reader counts it.
    @Test func charactersOfSeveralScalarsAreMaskedWhole() {
        #expect(Masking.name("E\u{301}mile") == "E\u{301}***")
        #expect(Masking.name("李\u{E0100}四") == "李\u{E0100}*")
        #expect(Masking.name("王\u{E0100}小明") == "王\u{E0100}**")
        #expect(Masking.name("欧阳\u{301}娜") == "欧**")  // 阳 with an accent is not the 阳 of 欧阳
    }

    @Test func residentIDNumbersKeepRegionAndLastFour() {
        #expect(Masking.idNumber("419901201309210024") == "419901********0024")
        #expect(Masking.idNumber("11010519491231002X") == "110105********002X")
        #expect(Masking.idNumber("410102880101123") == "410102*****1123")
        #expect(Masking.idNumber("12345") == "*****")
        #expect(Masking.idNumber("") == "")
        // Spaces around the number are not part of it; a full-width or spaced number takes the
        // path by characters, with the same rule.
        #expect(Masking.idNumber(" 419901201309210024 ") == "419901********0024")
        #expect(Masking.idNumber("４１９９０１２０１３０９２１００２４") == "４１９９０１********００２４")
        #expect(Masking.idNumber("4199 1201309210024") == "4199 1********0024")
    }
}

@Suite struct PublishingTests {
    static let evilName = "<script>alert(1)</script>"

    /// A small run: two junior schools, five applicants with awkward names and ids, classes,
    /// head teachers, quota files.
    static func results(withCase: Bool = true) throws -> RunResults {
        let date = CalendarDate(year: 2013, month: 9, day: 1)!
        let applicants = [
            Applicant(id: "2026070001", name: "欧阳娜娜", gender: .female, birthDate: date, idNumber: "419901201309210024", primarySchool: "P01"),
            Applicant(id: "2026070002", name: "张三", gender: .male, birthDate: date, idNumber: "410102880101123", primarySchool: "P01"),
            Applicant(id: "2026070003", name: evilName, gender: .male, birthDate: date, primarySchool: "P02"),
            Applicant(id: "2026070004", name: "Anna Lee", gender: .female, birthDate: date, idNumber: "11010519491231002X"),
            Applicant(id: "2026070005", name: "李", gender: .female, birthDate: date),
        ]
        let schools = [
            School(id: "P01", name: "城关小学", level: .primary, capacity: 10, feeds: "J01"),
            School(id: "P02", name: "东关小学", level: .primary, capacity: 10, feeds: "J02"),
            School(id: "J01", name: "第一初级中学", level: .junior, capacity: 2),
            School(id: "J02", name: "<b>二中</b>", level: .junior, capacity: 3),
            School(id: "H01", name: "一高", level: .high, capacity: 10, quality: true),
        ]
        let graduates = [Graduate(id: "2026090001", name: "司马光", juniorSchool: "J01", score: Score(parsing: "500")!, choices: ["H01"])]
        let admissionCase = AdmissionCase(schools: schools, juniorApplicants: applicants, graduates: graduates)
        let placements = RunCSV(file: "junior/placements.csv",
                                columns: ["student_id", "school_id", "status", "choice_rank", "tier", "lottery_number", "zone_id", "distance_m", "note"],
                                rows: [["2026070001", "J01", "admitted", "1", "11", "aa", "JZ01", "", ""],
                                       ["2026070002", "J01", "admitted", "1", "11", "bb", "JZ01", "", ""],
                                       ["2026070003", "J02", "admitted", "1", "11", "cc", "JZ02", "", ""],
                                       ["2026070004", "J02", "reassigned", "", "", "dd", "JZ01", "5000", ""],
                                       ["2026070005", "", "unplaced", "", "", "ee", "", "", "every school of the level is full"]])
        let level = LevelResults(
            level: .junior, placements: placements,
            cutoffs: RunCSV(file: "junior/cutoffs.csv", columns: ["school_id", "capacity", "admitted", "cutoff_tier", "cutoff_lottery_number"],
                            rows: [["J01", "2", "2", "11", "bb"], ["J02", "3", "1", "", ""]]),
            zoning: RunCSV(file: "junior/zoning.csv", columns: ["student_id", "zone_id", "schools", "method", "near_boundary", "note"],
                           rows: [["2026070001", "JZ01", "J01", "polygon", "false", ""], ["2026070002", "JZ01", "J01", "polygon", "false", ""],
                                  ["2026070003", "JZ02", "J01;J03", "polygon", "false", ""], ["2026070004", "JZ01", "J01", "polygon", "false", ""],
                                  ["2026070005", "", "", "none", "false", ""]]),
            ranks: RunCSV(file: "junior/ranks.csv", columns: ["student_id", "school_id", "choice_rank", "tier", "lottery_number"],
                          rows: [["2026070001", "J01", "1", "11", "aa"], ["2026070002", "J01", "1", "11", "bb"], ["2026070003", "J02", "1", "11", "cc"],
                                 ["2026070004", "J01", "1", "31", "dd"]]),
            classes: RunCSV(file: "junior/classes.csv", columns: ["student_id", "school_id", "class_no"],
                            rows: [["2026070001", "J01", "1"], ["2026070002", "J01", "1"], ["2026070003", "J02", "1"], ["2026070004", "J02", "1"]]),
            classSummary: RunCSV(file: "junior/class-summary.csv", columns: ["school_id", "class_no", "size", "weighted_size", "boys", "girls", "score_mean", "score_sd", "disabled"],
                                 rows: [["J01", "1", "2", "2", "1", "1", "80.00", "1.00", "0"], ["J02", "1", "56", "56", "30", "26", "79.00", "2.00", "1"]]),
            classBalance: nil,
            headTeachers: RunCSV(file: "junior/head-teachers.csv", columns: ["school_id", "class_no", "teacher_id"], rows: [["J01", "1", "J01-T02"]]))
        let quota = QuotaResults(
            allocation: RunCSV(file: "quota-allocation.csv", columns: ["high_school_id", "junior_school_id", "basis", "exact_share", "seats"],
                               rows: [["H01", "J01", "3", "24/7", "4"], ["H01", "J02", "3", "24/7", "2"]]),
            admissions: RunCSV(file: "quota-admissions.csv", columns: ["student_id", "junior_school_id", "high_school_id", "route", "score"],
                               rows: [["2026090001", "J01", "H01", "quota", "500"]]),
            unfilled: nil)
        return RunResults(manifest: nil, levels: [level], quota: quota, admissionCase: withCase ? admissionCase : nil, commitment: nil,
                          ceremony: try SeedCeremony([SeedContribution(parsing: "notary: 4921")]))
    }

    static func text(_ site: PublishedSite, _ path: String) -> String {
        String(decoding: site.files.first { $0.path == path }!.bytes, as: UTF8.self)
    }

    @Test func noNameOrIDNumberLeavesUnmasked() throws {
        let results = try Self.results()
        let site = try PublishedSite(results)
        let secrets = results.admissionCase!.juniorApplicants.flatMap { [$0.name, $0.idNumber ?? ""] }.filter { $0.count >= 2 }
            + results.admissionCase!.graduates.map(\.name)
        for file in site.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for secret in secrets { #expect(!text.contains(secret), "\(file.path) holds a personal value unmasked") }
        }
        #expect(Self.text(site, "data/junior-placements.csv").contains("欧阳**"))
        #expect(Self.text(site, "data/junior-placements.csv").contains("410102*****1123"))
    }

    @Test func publicPlacementsAreTheRunRowsWithMaskedColumns() throws {
        let results = try Self.results()
        let site = try PublishedSite(results)
        let run = results.levels[0].placements
        let table = try RunCSV(file: "x.csv", bytes: site.files.first { $0.path == "data/junior-placements.csv" }!.bytes)
        #expect(table.columns == run.columns + ["class_no", "name_masked", "id_number_masked"])
        #expect(table.rows.map { Array($0.prefix(run.columns.count)) } == run.rows.map(Array.init))
        #expect(table.rows.map { $0[9] } == ["1", "1", "1", "1", ""])
        #expect(table.rows.map { $0[10] } == ["欧阳**", "张*", "<***", "A***", "*"])
        #expect(!site.files.contains { $0.path == "data/junior-classes.csv" })
        // One format a table: its CSV file, described (not repeated) in data/tables.json.
        #expect(site.files.filter { $0.path.hasPrefix("data/") && $0.path.hasSuffix(".json") }.map(\.path) == ["data/credentials.json", "data/tables.json"])
        let index = try JSONReader.parse(site.files.first { $0.path == "data/tables.json" }!.bytes, file: "tables.json")
        let described = try #require(index["tables"]?.elements?.first { $0["table"]?.string == "junior-placements" })
        #expect(described["masked"]?.elements?.compactMap(\.string) == ["name_masked", "id_number_masked"])
        let joined = try #require(described["joined"]?.elements)
        #expect(joined.map { [$0["column"]?.string, $0["source"]?.string] } == [["class_no", "junior/classes.csv"]])
        #expect(described["masking"]?.string == PublicTable.maskingRule && described["source"]?.string == "junior/placements.csv")
        #expect(described["columns"]?.elements?.compactMap(\.string) == table.columns)
        #expect(index["tables"]?.elements?.compactMap { $0["table"]?.string } == site.summary.tables)
        #expect(site.summary.tables.contains("junior-placements") && site.summary.tables.contains("supervision-summary"))
        let plain = try PublishedSite(try Self.results(withCase: false))
        let plainTable = try RunCSV(file: "x.csv", bytes: plain.files.first { $0.path == "data/junior-placements.csv" }!.bytes)
        #expect(plainTable.columns == run.columns + ["class_no"] && plainTable.rows.map { Array($0.dropLast()) } == run.rows.map(Array.init))
    }

    /// The quota pages name a school once, above its rows: the allocation under each high school,
    /// the admissions under each junior school.
    @Test func quotaPagesGroupTheirRowsUnderEachSchool() throws {
        let site = try PublishedSite(try Self.results())
        let quota = Self.text(site, "quota.html")
        #expect(quota.contains("<h2>一高 (H01) (2)</h2>\n<div class=\"scroll\"><table><thead><tr><th>初中</th><th>分配基数</th>"))
        #expect(quota.contains("<tr><td>第一初级中学 (J01)<td>3<td>24/7<td>4\n<tr><td>&lt;b&gt;二中&lt;/b&gt; (J02)<td>3<td>24/7<td>2\n</tbody>"))
        let admissions = Self.text(site, "quota-admissions-1.html")
        #expect(admissions.contains("<h2>第一初级中学 (J01) (1)</h2>\n<div class=\"scroll\"><table><thead><tr><th>学籍号</th><th>姓名(脱敏)</th><th>高中</th><th>录取方式</th>"))
        #expect(admissions.contains("<tr><td>2026090001<td>司马*<td>一高 (H01)<td>指标到校录取\n"))
    }

    /// A student_id in two lists of the case (here a graduate's id equal to a junior applicant's)
    /// is named from the first list: primary, junior, graduates, then the second rounds'.
    @Test func anIDInTwoListsIsNamedFromTheFirst() throws {
        let base = try Self.results()
        var admissionCase = try #require(base.admissionCase)
        admissionCase.graduates = [Graduate(id: "2026070002", name: "司马光", juniorSchool: "J01", score: Score(parsing: "500")!, choices: ["H01"])]
        let quota = QuotaResults(allocation: base.quota!.allocation,
                                 admissions: RunCSV(file: "quota-admissions.csv", columns: ["student_id", "junior_school_id", "high_school_id", "route", "score"],
                                                    rows: [["2026070002", "J01", "H01", "quota", "500"]]), unfilled: nil)
        let results = RunResults(manifest: nil, levels: base.levels, quota: quota, admissionCase: admissionCase, commitment: nil, ceremony: base.ceremony)
        let site = try PublishedSite(results)
        #expect(Self.text(site, "data/quota-admissions.csv").contains("2026070002,J01,H01,quota,500,张*\n"))
    }

    @Test func pagesEscapeEveryText() throws {
        let site = try PublishedSite(try Self.results())
        for file in site.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".js") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("<b>二中</b>"), "\(file.path)")
            #expect(!text.contains("<script>alert"), "\(file.path)")
        }
        #expect(Self.text(site, "school-J02.html").contains("&lt;b&gt;二中&lt;/b&gt;"))
        #expect(HTMLText.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(HTMLText.scriptSafeJSON(Array("{\"a\":\"</script>&\"}".utf8)) == "{\"a\":\"\\u003c/script\\u003e\\u0026\"}")
        #expect(HTMLText.scriptSafe(Array("[\"ok\"]".utf8)) == Array("[\"ok\"]".utf8))
        #expect(HTMLText.fileNamePart("J-01_二") == "J-01_5f_e4_ba_8c")
    }

    @Test func supervisionReportCountsFromTheRun() throws {
        let report = try SupervisionReport(try Self.results())
        let junior = report.levels[0]
        // 0001, 0002 at J01 in their zone; 0003 at J02 = their feeder (P02 feeds J02), not in zone; 0004 reassigned outside; 0005 unplaced.
        #expect(junior.nearby == 3 && junior.applicants == 5 && junior.nearbyRate == "60.0%")
        #expect((junior.admitted, junior.reassigned, junior.unplaced) == (3, 1, 1))
        #expect(junior.reasons == [.init(status: "reassigned", reason: SupervisionReport.noListedSeat, count: 1),
                                   .init(status: "unplaced", reason: "every school of the level is full", count: 1)])
        #expect(junior.schools == [.init(schoolID: "J01", seats: 2, placed: 2, firstChoice: 3, fillRate: "100.0%"),
                                   .init(schoolID: "J02", seats: 3, placed: 2, firstChoice: 1, fillRate: "66.7%")])
        #expect(junior.classSizes.map(\.size) == [2, 56] && junior.largeClasses == [.init(schoolID: "J02", classNumber: "1", size: 56)])
        #expect(report.quota == [.init(highSchoolID: "H01", quotaSeats: 6, plan: 10, share: "60.0%", minimum: "0.5", meetsMinimum: true)])
        #expect(SupervisionReport.percent(1, of: 3) == "33.3%" && SupervisionReport.percent(2, of: 3) == "66.7%" && SupervisionReport.percent(1, of: 0) == "–")
    }

    /// The records of a shard file: `enrollShard(prefix, {id: record, …});`.
    static func shardRecords(_ site: PublishedSite, _ path: String) throws -> (prefix: String, records: JSONValue) {
        let js = text(site, path)
        #expect(js.hasPrefix("enrollShard(\"") && js.hasSuffix("\n});\n"))
        let comma = js.firstIndex(of: ",")!
        let prefix = try JSONReader.parse(Array(js[js.index(js.startIndex, offsetBy: "enrollShard(".count)..<comma].utf8), file: path).string!
        let object = js[js.index(after: comma)...].dropLast(3)
        return (prefix, try JSONReader.parse(Array(object.utf8), file: path))
    }

    /// The site's data for its script: `<script type="application/json" id="site-data">`.
    static func siteData(_ site: PublishedSite) throws -> JSONValue {
        let index = text(site, "index.html")
        let start = index.range(of: "<script type=\"application/json\" id=\"site-data\">")!.upperBound
        let end = index.range(of: "</script>", range: start..<index.endIndex)!.lowerBound
        return try JSONReader.parse(Array(index[start..<end].utf8), file: "index.html")
    }

    @Test func searchDataAndChecksums() throws {
        let site = try PublishedSite(try Self.results(), language: .en)
        let data = try Self.siteData(site)
        #expect(data["splits"]?.members?.isEmpty == true && data["empty"]?.kind == .bool(false))
        #expect(site.files.filter { $0.path.hasPrefix("search/") }.map(\.path) == ["search/all.js"])
        let (prefix, records) = try Self.shardRecords(site, "search/all.js")
        #expect(prefix == "")
        let tiers = data["tiers"]?.elements?.compactMap(\.string) ?? []
        let record = records["2026070003"]?.elements ?? []
        let keys = data["keys"]?.elements?.compactMap(\.string) ?? [], statuses = data["statusCodes"]?.elements?.compactMap(\.string) ?? []
        func code(_ value: JSONValue?, in list: [String]) -> String? { value?.number.map { list[Int($0)] } }
        // No twin group and no note: the record ends at the masked name (the page puts back "" and -1).
        #expect(record.count == 9)
        // Level and status as positions in the page's lists, choice rank, tier and class as numbers.
        #expect(code(record[0], in: keys) == "junior" && code(record[2], in: statuses) == "admitted")
        #expect(record[3].number == 1 && record[4].number == 11 && record[7].number == 1)
        #expect(record.compactMap(\.string) == ["J02", "cc", "<***"])
        #expect(SearchRecords.trimmed([.text("a"), .text(""), .number(3), .whole(""), .number(-1), .text("")]).count == 3)
        // Tier 11 at a public school under the default policy: feeder pupil, no category, no sibling.
        #expect(record[5].number.map { tiers[Int($0)] } == "feeder school")
        let quota = records["2026090001"]?.elements ?? []
        #expect(code(quota[0], in: keys) == "high" && quota[1].string == "H01" && code(quota[2], in: statuses) == "quota")
        #expect(quota.count == 9 && quota[8].string == "司马*")
        #expect(records["2026070005"]?.elements?[10].number.map { data["notes"]?.elements?[Int($0)].string } == "every school of the level is full")
        #expect(data["schools"]?["J02"]?.string == "<b>二中</b>")
        #expect(data["draws"]?["junior"]?.string == "junior-placement")
        let sums = Self.text(site, "SHA256SUMS").split(separator: "\n")
        #expect(sums.count == site.files.count - 1)
        for line in sums {
            let path = String(line.dropFirst(66))
            #expect(line.prefix(64) == SHA256.hash(site.files.first { $0.path == path }!.bytes).hex)
        }
        let files = Self.text(site, "files.html")
        #expect(site.files.filter { $0.path != "files.html" && $0.path != "SHA256SUMS" }.allSatisfy { files.contains(">\(SHA256.hash($0.bytes).hex)<") })
        let index = Self.text(site, "index.html")
        #expect(index.contains("<html lang=\"en\">") && index.contains("notary"))
        #expect(Self.text(try PublishedSite(try Self.results()), "index.html").contains("招生结果公示"))
    }

    @Test func sameRunGivesSameBytesAndNeverWritesIntoTheRun() throws {
        let a = try PublishedSite(try Self.results()), b = try PublishedSite(try Self.results())
        #expect(a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.bytes) == b.files.map(\.bytes))
        let folder = try temporaryFolder()
        #expect(throws: PublishingError.siteInsideRun(folder.appendingPathComponent("site").path)) {
            try PublishedSite.publish(try Self.results(), to: folder.appendingPathComponent("site"), run: folder)
        }
        let summary = try PublishedSite.publish(try Self.results(), to: folder.appendingPathComponent("out"), run: folder.appendingPathComponent("run"))
        #expect(summary.files.map(\.path) == a.files.map(\.path))
        for file in a.files {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("out/\(file.path)").path).map([UInt8].init) == file.bytes, "\(file.path)")
        }
    }

    @Test func svgChartIsDeterministicAndEscaped() {
        let chart = SVGChart(title: "a<b", categories: ["x", "y"], series: [.init(name: "s", values: [3, 7.25], color: "#000")])
        #expect(chart.svg == chart.svg && chart.svg.contains("<title>a&lt;b</title>") && chart.svg.contains(">7.3<"))
        #expect(SVGChart.niceCeiling(7.25) == 8 && SVGChart.niceCeiling(1363) == 2000 && SVGChart.niceCeiling(25) == 40 && SVGChart.niceCeiling(0.4) == 1)
        #expect(SVGChart.number(-1.5) == "-1.5" && SVGChart.number(40) == "40")
    }
}
