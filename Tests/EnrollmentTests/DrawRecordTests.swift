import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRunFolder
@testable import EnrollmentPublishing

/// The record of a draw that the notary, the bureau and the parents' representatives sign
/// (派位结果确认书): its figures are the run's files, and the site carries it.
@Suite struct DrawRecordTests {
    @Test func theSmallRunsRecordHasItsCutoffsApplicantsAndContributions() throws {
        let results = try PublishingTests.results()
        let records = try DrawRecord.records(results)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.level == .junior && !record.secondRound && record.draw == "junior-placement" && record.fileName == "record-junior.html")
        #expect(record.seed == nil && record.commitment == nil && record.placementsDigest == nil)
        #expect(record.contributions == [SeedContribution(label: "notary", value: "4921")])
        // cutoffs.csv without a `seats` column: one group a school; ranks.csv: J01 held by 3, J02 by 1.
        #expect(record.groups == [
            DrawRecord.Group(schoolID: "J01", seats: "all", capacity: "2", applicants: 3, admitted: "2", cutoffTier: "11", cutoffLotteryNumber: "bb"),
            DrawRecord.Group(schoolID: "J02", seats: "all", capacity: "3", applicants: 1, admitted: "1", cutoffTier: "", cutoffLotteryNumber: ""),
        ])

        let names = Dictionary(uniqueKeysWithValues: results.admissionCase!.schools.map { ($0.id, $0.name) })
        let html = String(decoding: DrawRecordPage(page: SitePage(language: .zh, notice: nil), schoolNames: names).html(record), as: UTF8.self)
        #expect(html.contains("<title>初中 · 派位结果确认书</title>"))
        #expect(html.contains("<td class=\"hash\" id=\"record-seed\">未记录</td>"))
        #expect(html.contains("<td class=\"hash\" id=\"record-contributions\">notary: 4921</td>"))
        #expect(html.contains("<td>&lt;b&gt;二中&lt;/b&gt; (J02)<td>全部学位<td class=\"n\">3<td class=\"n\">1<td class=\"n\">1<td class=\"n\">–<td class=\"hash\">–"))
        #expect(html.contains("<td>第一初级中学 (J01)<td>全部学位<td class=\"n\">2<td class=\"n\">3<td class=\"n\">2<td class=\"n\">11<td class=\"hash\">bb"))
        #expect(html.components(separatedBy: "<td class=\"sign\"></td>").count - 1 == 5)
        for signer in ["公证员", "教育行政部门(盖章)", "家长代表"] { #expect(html.contains("<th>\(signer)</th>")) }
        let english = String(decoding: DrawRecordPage(page: SitePage(language: .en, notice: nil), schoolNames: [:]).html(record), as: UTF8.self)
        #expect(english.contains("<title>Junior · Record of the draw, for signature</title>") && english.contains("<th>Notary</th>"))
    }

    /// On the demo's run: each level's record (and the second round's) has the manifest's seed,
    /// commitment and contributions, the SHA-256 of the placement file as it is on disk, one row
    /// per line of `cutoffs.csv` whose admitted add up to the admitted of `placements.csv`; the
    /// site carries each record and links it from the first page.
    @Test func theDemosRecordsAreItsFiles() throws {
        let folder = try temporaryFolder()
        let demo = try runEnroll(["demo", "--out", folder.appendingPathComponent("demo").path])
        #expect(demo.status == 0, "\(demo.err)")
        let run = folder.appendingPathComponent("demo/run")
        let results = try RunResults.read(run: run, caseFolder: folder.appendingPathComponent("demo/case"), ceremony: nil)
        let manifest = try #require(results.manifest)
        let records = try DrawRecord.records(results)
        #expect(records.map(\.fileName) == ["record-primary.html", "record-junior.html", "record-primary-second-round.html"])
        for record in records {
            let file = run.appendingPathComponent(record.placementsFile)
            #expect(record.placementsDigest == (try SHA256.hash(fileAt: file).hex))
            let placements = try RunCSV(file: record.placementsFile, bytes: [UInt8](Data(contentsOf: file)))
            let admitted = placements.rows.filter { $0[2] == "admitted" }.count
            #expect(record.groups.reduce(0) { $0 + Int($1.admitted)! } == admitted && admitted > 0)
            let cutoffs = try RunCSV(file: "cutoffs.csv", bytes: [UInt8](Data(contentsOf: file.deletingLastPathComponent().appendingPathComponent("cutoffs.csv"))))
            #expect(record.groups.map(\.schoolID) == cutoffs.rows.map { $0[0] })
            #expect(record.groups.allSatisfy { ($0.applicants ?? 0) >= Int($0.admitted)! })
            if record.secondRound {
                guard case let .secondRound(_, seed, commitment, _)? = manifest.steps.last(where: { $0.kind == "second-round" })?.step else {
                    Issue.record("no second-round step"); continue
                }
                #expect(record.seed == seed && record.commitment == commitment.hex && record.contributions == nil)
            } else {
                #expect(record.seed == manifest.seed && record.commitment == manifest.commitment.hex)
                #expect(record.contributions == manifest.contributions && record.contributions?.count == 3)
            }
        }
        let site = folder.appendingPathComponent("demo/site")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        for record in records {
            #expect(index.contains("<a href=\"\(record.fileName)\">"))
            let page = try String(contentsOf: site.appendingPathComponent(record.fileName), encoding: .utf8)
            #expect(page.contains("id=\"record-placements-sha256\">\(record.placementsDigest!)</td>"))
        }
    }
}
