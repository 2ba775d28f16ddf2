import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentPublishing

/// The site published before the draw (`enroll publish-case`): every applicant listed with
/// their schools and tiers, nothing personal unmasked, the commitment `enroll commit` printed.
@Suite struct PreDrawSiteTests {
    /// A junior level small enough to compute by hand: S1 a feeder pupil of P1 (→ J1) living in
    /// zone JZ (J1, J2) who chose the private J9; S2 in the zone with a sibling at J2; S3 at an
    /// address no rule covers.
    static let files: [String: String] = [
        "schools.csv": """
            school_id,name,level,sector,capacity,classes,lon,lat,feeds
            P1,一小,primary,public,2,1,113.60,34.70,J1
            J1,一中,junior,public,3,1,113.60,34.70,
            J2,二中,junior,public,2,1,113.65,34.70,
            J9,民办中学,junior,private,1,1,113.62,34.70,

            """,
        "zones.csv": "zone_id,level,schools,name\nJZ,junior,J1;J2,城关\n",
        "zone-rules.csv": """
            zone_id,kind,street,from,to,range,parity,numbers,except,compound,aliases,village,groups
            JZ,street,人民路,1,99,,单号,,7,,,,
            JZ,compound,,,,,,,,阳光小区,阳光花园,,

            """,
        "junior-applicants.csv": """
            student_id,name,gender,birth_date,id_number,address,residence,categories,sibling_school,primary_school,choices
            S1,张三丰,M,2013-09-21,900000201309210027,人民路3号,hukou_and_property,,,P1,J9
            S2,李四,F,2013-10-01,,人民路5号,hukou,,J2,,
            S3,王五,M,2013-11-01,,解放路1号,hukou,,,,

            """,
    ]

    static func site(_ c: AdmissionCase, _ language: SiteLanguage = .zh) throws -> PreDrawSite {
        try PreDrawSite(c, commitment: Commitment(files: []), drawDate: CalendarDate(year: 2026, month: 7, day: 10)!, language: language)
    }

    static func text(_ site: PreDrawSite, _ path: String) -> String? {
        site.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The tiers by the formula of `PriorityTier` with the default policy (one category,
    /// K = 1), worked by hand: feeder ((0·2+1)·5+0)·2+1 = 11; zone 房户一致 ((1·2+1)·5+0)·2+1 = 31;
    /// zone 户籍 ((1·2+1)·5+1)·2+1 = 33, with a sibling there 32; a private school 0.
    @Test func theRosterListsEachApplicantsSchoolsAndTiersAsWorkedByHand() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try Self.site(try CaseFolder(url: folder).load().admissionCase)
        #expect(Self.text(site, "data/junior-roster.csv") == """
            \u{FEFF}student_id,zone_id,school_id,choice_rank,tier,note,name_masked,id_number_masked
            S1,JZ,J9,1,0,,张**,900000********0027
            S1,JZ,J1,,11,,张**,900000********0027
            S1,JZ,J2,,31,,张**,900000********0027
            S2,JZ,J1,,33,,李*,
            S2,JZ,J2,,32,,李*,
            S3,,,,,address-review,王*,

            """)
        #expect(Self.text(site, "data/junior-addresses.csv") == "\u{FEFF}zone_id,kind,address\nJZ,street,人民路 1-99号 单号 (除 7号)\nJZ,compound,阳光小区 (阳光花园)\n")
        #expect(Self.text(site, "data/junior-zones.csv") == "\u{FEFF}zone_id,name,school_id\nJZ,城关,J1\nJZ,城关,J2\n")
        #expect(Self.text(site, "data/junior-schools.csv")?.contains("J1,一中,public,3,1,JZ,,false,0,\n") == true)
        #expect(Self.text(site, "data/primary-schools.csv")?.contains("P1,一小,public,2,1,,J1,false,0,\n") == true)
        // The search record of S1: level, masked name, zone, no note, then school, choice, tier, words.
        let shard = try #require(site.files.first { $0.path.hasPrefix("search/") }).bytes
        let shardText = String(decoding: shard, as: UTF8.self)
        #expect(shardText.contains(#""S1":["junior","张**","JZ",-1,"J9","1","0",0,"J1","","11",1,"J2","","31",2]"#), "\(shardText)")
        #expect(shardText.contains(#""S3":["junior","王*","",0]"#))
        let index = try #require(Self.text(site, "index.html"))
        let tiers = index.components(separatedBy: "\"tiers\": [")[1].components(separatedBy: "]")[0]
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(tiers == #""民办学校:全部随机派位","对口直升","学区内 · 房户一致","学区内 · 户籍在学区","学区内 · 户籍在学区 · 有兄弟姐妹在本校""#)
        #expect(index.contains("<td id=\"draw-date\">2026-07-10</td>"))
        #expect(Self.text(site, "zones-junior.html")?.contains("<p>本学段学区按地址范围公布,没有地图。</p>") == true)
        #expect(Self.text(site, "map-junior.svg") == nil)
        #expect(Self.text(site, "addresses-junior.html")?.contains("<td>JZ<td>街道门牌<td>人民路 1-99号 单号 (除 7号)") == true)
        let roster = try #require(Self.text(site, "roster-junior.html"))
        #expect(roster.contains("<td class=\"hash\">S1<td>张**<td>900000********0027<td>JZ<td>J9 第 1 志愿 · 入学顺位 0; J1 对口或学区学校 · 入学顺位 11; J2 对口或学区学校 · 入学顺位 31<td>"))
        #expect(roster.contains("<td class=\"hash\">S3<td>王*<td><td><td>未填志愿,也没有对口或学区学校:派位后由教育局统筹安排<td>地址待人工核实"))
    }

    /// Every applicant of the sample county is on the roster (CSV, pages, search) and no full
    /// name or id number is anywhere in the site (the scan of the results site's test).
    @Test func theSampleCountysSiteListsEveryApplicantAndLeaksNothing() throws {
        let c = try CaseFolder(url: packageRoot.appendingPathComponent("zones/sample-county/case")).load().admissionCase
        let site = try Self.site(c)
        let people = c.primaryApplicants + c.juniorApplicants
        let secrets = Set(people.map(\.name).filter { $0.count >= 2 } + people.compactMap(\.idNumber))
        let lengths = Set(secrets.map(\.count)).sorted()
        #expect(secrets.count > 3000)
        var rosterIDs = Set<String>(), pageIDs = Set<String>(), searchIDs = Set<String>()
        for file in site.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            // The results site's scan (PublishCommandTests).
            let leaked = PublishCommandTests.occurrences(of: secrets, lengths: lengths, in: text)
            #expect(leaked.isEmpty, "\(file.path) holds \(leaked.count) personal values unmasked")
            if file.path.hasPrefix("search/") {
                // One record a line: "<student_id without the shard's prefix>":[…]
                let prefix = String(text.dropFirst("enrollShard(\"".count).prefix { $0 != "\"" })
                for line in text.split(separator: "\n") where line.hasPrefix("\"") { searchIDs.insert(prefix + String(line.dropFirst().prefix { $0 != "\"" })) }
            }
            if file.path.hasPrefix("roster-") {
                for cell in text.components(separatedBy: "<td class=\"hash\">").dropFirst() { pageIDs.insert(String(cell.prefix { $0 != "<" && $0 != "\n" })) }
            }
            if file.path.hasSuffix("-roster.csv") {
                for row in try RunCSV(file: file.path, bytes: file.bytes).rows { rosterIDs.insert(row[0]) }
            }
        }
        let everyone = Set(people.map(\.id))
        #expect(everyone.count == people.count)
        #expect(rosterIDs == everyone)
        #expect(pageIDs == everyone)
        #expect(searchIDs == everyone)
        #expect(site.summary.applicants.map(\.count) == [c.primaryApplicants.count, c.juniorApplicants.count])
        // The primary zones are drawn: one outline per zone of the map, its id written inside it.
        let map = try #require(Self.text(site, "map-primary.svg"))
        let zones = c.zoneMap!.zones(level: .primary)
        #expect(map.components(separatedBy: "<path ").count - 1 == zones.count)
        for zone in zones { #expect(map.contains(">\(zone.id)</text>")) }
        #expect(Self.text(site, "zones-primary.html")?.contains("<img src=\"map-primary.svg\"") == true)
        // The same inputs give the same bytes.
        #expect(try Self.site(c).files.elementsEqual(site.files) { $0.path == $1.path && $0.bytes == $1.bytes })
    }

    /// A unit square of 0.01° at latitude 34.70–34.71 on a map 120 px wide: 96 px across,
    /// 96 / cos(34.705°) = 116.8 px down, 12 px margins.
    @Test func theMapProjectsAZoneByHand() throws {
        let square = [[[(113.60, 34.70), (113.61, 34.70), (113.61, 34.71), (113.60, 34.71), (113.60, 34.70)].map { GridPoint(longitude: $0.0, latitude: $0.1) }]]
        let zone = ZoneMap.Zone(id: "Z", level: .primary, schools: ["P"], polygons: square, location: SourceLocation(file: "zones.geojson", line: 1, column: 1))
        let svg = try #require(ZoneMapSVG(title: "map", zones: [zone], schools: [(id: "P", point: GridPoint(longitude: 113.605, latitude: 34.705))], width: 120).svg)
        #expect(svg.contains("width=\"120\" height=\"141\""))
        #expect(svg.contains("d=\"M12 128.8L108 128.8L108 12L12 12Z\""), "\(svg)")
        #expect(svg.contains("<circle cx=\"60\" cy=\"70.4\" r=\"4\""))
    }

    @Test func publishCaseShowsTheCommitmentEnrollCommitPrinted() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let committed = try runEnroll(["commit", folder.path])
        let digest = try #require(committed.out.split(separator: "\n").first { $0.hasPrefix("commitment: ") }).dropFirst("commitment: ".count)
        let site = folder.path + "-site"
        defer { try? FileManager.default.removeItem(atPath: site) }
        let published = try runEnroll(["publish-case", folder.path, "--out", site, "--draw-date", "2026-07-10", "--lang", "en"])
        #expect(published.status == 0, "\(published.err)")
        #expect(published.out.contains("junior: 3 applicants listed\ncommitment: \(digest)\n"))
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<td class=\"hash\" id=\"commitment\">\(digest)</td>"))
        let sums = try String(contentsOfFile: site + "/SHA256SUMS", encoding: .utf8)
        let listed = Set(sums.split(separator: "\n").map { String($0.dropFirst(66)) })
        let onDisk = Set(FileManager.default.enumerator(atPath: site)!.compactMap { $0 as? String }.filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: site + "/" + path, isDirectory: &folder) && !folder.boolValue
        })
        #expect(onDisk == listed.union(["SHA256SUMS"]))
    }

    @Test func aCaseChangedSinceItsCommitmentIsNotPublished() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let file = folder.appendingPathComponent("junior-applicants.csv")
        try Data(try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "李四", with: "李思").utf8).write(to: file)
        let site = folder.path + "-site"
        let refused = try runEnroll(["publish-case", folder.path, "--out", site, "--draw-date", "2026-07-10"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("junior-applicants.csv"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: site))
    }

    @Test func publishCaseRefusesWhatCannotBePublished() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.path + "-site"
        let uncommitted = try runEnroll(["publish-case", folder.path, "--out", site, "--draw-date", "2026-07-10"])
        #expect(uncommitted.status == 1)
        #expect(uncommitted.err.contains("commitment.json: no commitment: run `enroll commit \(folder.path)` first"), "\(uncommitted.err)")
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let inside = try runEnroll(["publish-case", folder.path, "--out", folder.path + "/site", "--draw-date", "2026-07-10"])
        #expect(inside.status == 1)
        #expect(inside.err.contains("site: the site must be written outside the case folder"), "\(inside.err)")
        let badDate = try runEnroll(["publish-case", folder.path, "--out", site, "--draw-date", "2026-02-30"])
        #expect(badDate.status == 2)
        #expect(badDate.err.contains("give the day as YYYY-MM-DD, e.g. 2026-07-10"), "\(badDate.err)")
        #expect(!FileManager.default.fileExists(atPath: site) && !FileManager.default.fileExists(atPath: folder.path + "/site"))
    }
}

/// `enroll publish` (and `RunResults.read`) publishes a run only with the case it was made from.
@Suite struct PublishCaseCheckTests {
    @Test func aNameChangedAfterTheDrawIsNotPublished() throws {
        let folder = try caseFolder(PreDrawSiteTests.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.path + "-run", site = folder.path + "-site"
        defer { for path in [run, site] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let placed = try runEnroll(["place", folder.path, "--level", "junior", "--seed", String(repeating: "5e", count: 32),
                                    "--commitment", folder.path + "/commitment.json", "--out", run])
        #expect(placed.status == 0, "\(placed.err)")
        let file = folder.appendingPathComponent("junior-applicants.csv")
        try Data(try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "李四", with: "李思").utf8).write(to: file)
        #expect(throws: PublishingError.caseChanged(["junior-applicants.csv"])) {
            try RunResults.read(run: URL(fileURLWithPath: run), caseFolder: folder, ceremony: nil)
        }
        let refused = try runEnroll(["publish", run, "--out", site])
        #expect(refused.status == 1)
        #expect(refused.err.contains("junior-applicants.csv: the case file is not the one the run was made from (its SHA-256 is not the one manifest.json records); publish with the case the run was made from"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: site))
        // A file the run read that is gone from the case is named as well.
        try Data(try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "李思", with: "李四").utf8).write(to: file)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("zone-rules.csv"))
        #expect(throws: PublishingError.caseChanged(["zone-rules.csv"])) {
            try RunResults.read(run: URL(fileURLWithPath: run), caseFolder: folder, ceremony: nil)
        }
    }
}
