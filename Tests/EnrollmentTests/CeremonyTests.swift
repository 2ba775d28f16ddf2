import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRunFolder
@testable import EnrollmentPublishing

/// The folder the hall's projector shows (`enroll ceremony`): the round in numbers before the
/// seed, the seed slide, each drawn seat group from the run's files, nothing personal unmasked.
/// The page's own behaviour (the seed it computes, the numbers it checks, the keyboard, the fit
/// on 1920×1080, the records on A4) is checked in Chromium by scripts/ceremony-test.py in `.ci/run`.
@Suite struct CeremonyTests {
    /// `PreDrawSiteTests.files` and S4, who also chose the private J9 (one seat).
    static var files: [String: String] {
        var files = PreDrawSiteTests.files
        files["junior-applicants.csv"]! += "S4,赵六,F,2013-12-01,,人民路9号,hukou,,,,J9\n"
        return files
    }

    /// S1 and S4 chose J9 first: 2 first choices for 1 seat. S2 lives in JZ (J1, J2), stated no
    /// choice and has no feeder school: shared by lottery. S3 is in no zone.
    @Test func theOutlineCountsFirstChoicesAsWorkedByHand() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try CaseFolder(url: folder).load().admissionCase
        let outline = try RoundOutline(c, level: .junior)
        #expect(outline.applicants == 4 && outline.seats == 6 && outline.sharedByLottery == 1)
        #expect(outline.schools == [
            RoundOutline.SchoolDemand(schoolID: "J1", seats: 3, firstChoices: 0),
            RoundOutline.SchoolDemand(schoolID: "J2", seats: 2, firstChoices: 0),
            RoundOutline.SchoolDemand(schoolID: "J9", seats: 1, firstChoices: 2),
        ])
        #expect(outline.schools.filter(\.oversubscribed).map(\.schoolID) == ["J9"])
        let primary = try RoundOutline(c, level: .primary)
        #expect(primary.applicants == 0 && primary.seats == 2 && primary.schools.map(\.firstChoices) == [0])
    }

    @Test func beforeTheDrawTheFolderHasTheOutlineAndTheSeedSlide() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let c = try CaseFolder(url: folder).load().admissionCase
        let commitment = try Commitment(caseFolder: folder)
        let secret = SeedCommitment(label: "公证员", secret: "correct horse battery staple")
        func make() throws -> Ceremony {
            try Ceremony(c, commitment: commitment, drawDate: CalendarDate(year: 2026, month: 7, day: 10)!, seedCommitments: [secret])
        }
        let ceremony = try make()
        #expect(ceremony.summary.slides == ["title", "outline-primary-1", "outline-junior-1", "seed", "end"])
        #expect(ceremony.summary.drawnGroups == 0)
        #expect(ceremony.files.map(\.path) == ["SHA256SUMS", "ceremony.css", "ceremony.js", "index.html", "site.js"])
        #expect(try make().files.elementsEqual(ceremony.files) { $0.path == $1.path && $0.bytes == $1.bytes })
        let index = String(decoding: try #require(ceremony.files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        #expect(index.contains("<p class=\"big hash\" id=\"commitment\">\(commitment.digest.hex)</p>"))
        #expect(index.contains("<span id=\"draw-date\">2026-07-10</span>"))
        #expect(index.contains("<li data-school-id=\"J9\"><span class=\"name\">民办中学 (J9)</span><span>1</span><span class=\"over\">2</span></li>"))
        #expect(index.contains("<strong data-field=\"shared\">1</strong>"))
        #expect(index.contains(#""label": "公证员""#) && index.contains(#""digest": "c4bbcb1fbec99d65bf59d85c8cb62ee2db963f0fe106f483d9afa73bd4e39a8a""#))
        #expect(index.contains("id=\"no-run\""))
        for name in ["张三丰", "赵六", "李四", "王五"] { #expect(!index.contains(name)) }
        let sums = String(decoding: try #require(ceremony.files.first { $0.path == "SHA256SUMS" }).bytes, as: UTF8.self)
        #expect(sums == ceremony.files.filter { $0.path != "SHA256SUMS" }.map { "\(SHA256.hash($0.bytes).hex)  \($0.path)\n" }.joined())
    }

    /// On the demo's run: every drawn group is a group of `cutoffs.csv` with waitlisted applicants
    /// of its cutoff tier; its admitted of that tier and its waitlisted of that tier are listed
    /// with their numbers of `placements.csv`, the admitted all at or below the cutoff number (the
    /// largest of them is it), the waiting all above (deferred acceptance is stable), and the
    /// admitted by priority are the rest of the group's admitted.
    @Test func theDemosDrawnGroupsAreItsFiles() throws {
        let folder = try temporaryFolder()
        let demo = try runEnroll(["demo", "--out", folder.appendingPathComponent("demo").path])
        #expect(demo.status == 0, "\(demo.err)")
        let run = folder.appendingPathComponent("demo/run"), caseURL = folder.appendingPathComponent("demo/case")
        let results = try RunResults.read(run: run, caseFolder: caseURL, ceremony: nil)
        var total = 0
        for level in results.levels + results.secondRounds {
            let groups = try DrawnGroup.groups(level)
            total += groups.count
            let numbers = Dictionary(uniqueKeysWithValues: level.placements.rows.map { ($0[0], $0[5]) })
            let cutoffs = Dictionary(uniqueKeysWithValues: level.cutoffs.rows.map { ("\($0[0])/\($0[1])", $0) })
            let waiting = try #require(level.waitlists).rows.map { ($0[0] + "/" + $0[1], $0[3], $0[4]) }
            for group in groups {
                let cutoff = try #require(cutoffs["\(group.schoolID)/\(group.seats)"])
                #expect(group.cutoffTier == cutoff[4] && group.capacity == Int(cutoff[2]))
                #expect(group.drawnSeats + group.admittedByPriority == Int(cutoff[3]))
                let admitted = group.entries.filter(\.admitted), left = group.entries.filter { !$0.admitted }
                #expect(Array(group.entries.prefix(admitted.count)) == admitted)
                #expect(admitted.map(\.lotteryNumber).max() == cutoff[5])
                #expect(left.allSatisfy { $0.lotteryNumber > cutoff[5] } && !left.isEmpty)
                #expect(group.entries.allSatisfy { numbers[$0.studentID] == $0.lotteryNumber })
                #expect(left.map(\.studentID).sorted() == waiting.filter { $0.0 == "\(group.schoolID)/\(group.seats)" && $0.2 == group.cutoffTier }.map(\.1).sorted())
            }
        }
        #expect(total == 11)

        let hall = folder.appendingPathComponent("hall")
        let made = try runEnroll(["ceremony", caseURL.path, "--commitment", folder.appendingPathComponent("demo/commitment.json").path,
                                  "--draw-date", "2026-07-10", "--run", run.path, "--out", hall.path])
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("20 slides, 9 files written") && made.out.contains("11 seat groups drawn by lottery"))
        let loaded = try CaseFolder(url: caseURL).load().admissionCase
        let names = Set((loaded.primaryApplicants + loaded.juniorApplicants).map(\.name).filter { $0.count >= 2 })
        for file in try FileManager.default.contentsOfDirectory(atPath: hall.path).sorted() {
            let text = try String(contentsOf: hall.appendingPathComponent(file), encoding: .utf8)
            #expect(PublishCommandTests.occurrences(of: names, lengths: Set(names.map(\.count)).sorted(), in: text).isEmpty, "\(file)")
        }
        let index = try String(contentsOf: hall.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.components(separatedBy: "<li class=\"line\">").count - 1 == 11)
        #expect(index.contains(#""recordedSeed": "99190ac548b21f132b134cf4c97b366fb9aec9a240fda2bfa7f6e65dc9f02f11""#))
        #expect(try Data(contentsOf: hall.appendingPathComponent("record-junior.html"))
                == Data(contentsOf: folder.appendingPathComponent("demo/site/record-junior.html")))

        // Not into the run; not from a run with an interrupted step.
        let arguments = ["ceremony", caseURL.path, "--commitment", folder.appendingPathComponent("demo/commitment.json").path,
                         "--draw-date", "2026-07-10", "--run", run.path, "--out"]
        let inRun = try runEnroll(arguments + [run.appendingPathComponent("hall").path])
        #expect(inRun.status == 1 && inRun.err.contains("the site must be written outside the run folder"))
        try FileManager.default.copyItem(at: run.appendingPathComponent(Manifest.fileName), to: run.appendingPathComponent(RunCommit.pendingFileName))
        let interrupted = try runEnroll(arguments + [folder.appendingPathComponent("hall2").path])
        #expect(interrupted.status == 1 && interrupted.err.contains("a drawing command into this run folder was interrupted"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("hall2").path))
    }

    @Test func theCommandRefusesWhatWouldMisleadTheHall() throws {
        let folder = try caseFolder(Self.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try temporaryFolder()
        let noCommitment = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-07-10", "--out", out.appendingPathComponent("a").path])
        #expect(noCommitment.status == 1 && noCommitment.err.contains("commitment.json: no commitment: run `enroll commit"))
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let inside = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-07-10", "--out", folder.appendingPathComponent("hall").path])
        #expect(inside.status == 1 && inside.err.contains("the site must be written outside the case folder"))
        let badDate = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-02-30", "--out", out.appendingPathComponent("b").path])
        #expect(badDate.status == 2 && badDate.err.contains("give the day as YYYY-MM-DD"))
        // A name changed after the commitment: the case is valid but no longer the committed one.
        let renamed = Self.files["junior-applicants.csv"]!.replacingOccurrences(of: "赵六", with: "赵七")
        try Data(renamed.utf8).write(to: folder.appendingPathComponent("junior-applicants.csv"), options: .atomic)
        let changed = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-07-10", "--out", out.appendingPathComponent("c").path])
        #expect(changed.status == 1 && changed.err.contains("junior-applicants.csv: changed since the commitment was made"), "\(changed.err)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("c").path))
        // A case with problems is refused before anything is compared.
        try Data("x".utf8).write(to: folder.appendingPathComponent("junior-applicants.csv"), options: .atomic)
        let broken = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-07-10", "--out", out.appendingPathComponent("c").path])
        #expect(broken.status == 1 && broken.err.contains("junior-applicants.csv:1:") && broken.err.contains("commit again before the draw"), "\(broken.err)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("c").path))
        let notASite = out.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: notASite, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: notASite.appendingPathComponent("notes.txt"))
        try Data(Self.files["junior-applicants.csv"]!.utf8).write(to: folder.appendingPathComponent("junior-applicants.csv"), options: .atomic)
        #expect(try runEnroll(["commit", folder.path]).status == 0)
        let refused = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-07-10", "--out", notASite.path])
        #expect(refused.status == 1 && refused.err.contains("no index.html and SHA256SUMS of a published site"))
        #expect(try String(contentsOf: notASite.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        let made = try runEnroll(["ceremony", folder.path, "--draw-date", "2026-07-10", "--out", out.appendingPathComponent("e").path])
        #expect(made.status == 0 && made.out.contains("5 slides, 5 files written"))
    }

    /// A school of 2,100 applicants of one tier for 100 seats: its draw is paged, 60 applicants
    /// a slide (35 slides), the line after the 100th, on the second slide.
    @Test func aDrawOf2100IsPagedBy60() throws {
        let placed = try RingDrawPlacementTests.place(RingDrawPlacementTests.files(applicants: 2100, seats: 100, policy: "{}"), ring: [])
        #expect(placed.result.status == 0, "\(placed.result.err)")
        let caseURL = URL(fileURLWithPath: String(placed.run.path.dropLast("-run".count)))
        let hall = URL(fileURLWithPath: placed.run.path + "-hall")
        let made = try runEnroll(["ceremony", caseURL.path, "--draw-date", "2026-07-10", "--run", placed.run.path, "--out", hall.path])
        #expect(made.status == 0, "\(made.err)")
        let index = try String(contentsOf: hall.appendingPathComponent("index.html"), encoding: .utf8)
        let slides = index.components(separatedBy: "<section class=\"slide\" id=\"").dropFirst()
        let j9 = slides.filter { $0.hasPrefix("draw-junior-J9-all-") }
        #expect(j9.count == 35 && j9.allSatisfy { $0.contains("data-pages=\"35\"") })
        #expect(j9.map { $0.components(separatedBy: "<li class=\"entry\"").count - 1 } == Array(repeating: 60, count: 35))
        #expect(j9.map { $0.contains("<li class=\"line\">") } == (1...35).map { $0 == 2 })
        #expect(j9[1].contains("<span class=\"pos\">100</span>"))
    }
}
