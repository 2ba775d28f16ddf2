import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum DemoCommand: EnrollCommand {
    static let caseFolder = Argument<URL?>.optional("case", valueName: "folder", help: "Another case folder to run instead of the sample county.", as: .path)
    static let out = Argument<URL>.option("out", valueName: "folder", help: "Where to write the results.", default: "out/demo", as: .path)

    static let spec = CommandSpec(
        name: "demo",
        abstract: "Run the whole pipeline on the built-in sample county and print where the results are.",
        discussion: "Runs validate, commit, publish-case, seed, zone, place, classes, quota, a second round where the case has one, verify and publish. Without --case it writes the sample county into OUT/case (and its notice into OUT/notice.json) from the generator built into this binary: the same files as zones/sample-county/case (a fictional county: 13 primary, 5 junior and 5 high schools, about 3,000 applicants per level), so it runs from any folder with nothing but the binary. The seed is derived, as a bureau would, from fixed demonstration contributions.",
        arguments: [caseFolder.spec, out.spec]
    )

    /// The publication notice the demo shows: `notice.json` beside the sample county's case
    /// (outside it, so that it is not part of the commitment), or the case's own.
    static func notice(for caseURL: URL) throws -> PublicationNotice? {
        let beside = caseURL.deletingLastPathComponent().appendingPathComponent(PublicationNotice.fileName)
        let inside = caseURL.appendingPathComponent(PublicationNotice.fileName)
        return try [inside, beside].first { FileManager.default.fileExists(atPath: $0.path) }.map(PublicationNotice.init(contentsOf:))
    }

    /// The day of the demonstration draw, announced on the site published before it.
    static let drawDate = CalendarDate(year: 2026, month: 7, day: 10)!
    /// The demonstration ceremony's contributions (a real draw takes them in public).
    static let contributions = ["notary: 4921", "balls: 07 13 22 31 38", "beacon: demonstration"]
    /// The second round's ceremony, held after its commitment is published.
    static let secondRoundContributions = ["notary: 5307", "balls: 03 11 19 27 35", "beacon: demonstration, second round"]

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let out = try arguments[out].standardizedFileURL
        var given = try arguments[caseFolder]
        if given == nil {
            // The sample county, made by the generator that made zones/sample-county (the same bytes).
            given = out.appendingPathComponent("case")
            try SampleCounty.writeCase(to: given!)
            try AtomicFile.write(SampleCounty.notice, to: out.appendingPathComponent(PublicationNotice.fileName))
        }
        let caseURL = given!
        let run = out.appendingPathComponent("run")
        let ceremony = try SeedCeremony(contributions.map(SeedContribution.init(parsing:)))
        // Only a demonstration run (drawn with the demonstration seed) is replaced; any other is refused.
        if case .settled(let manifest?, _) = try RunCommit.state(of: run), manifest.seed != ceremony.seed {
            Console.error("\(run.path): this folder holds a run drawn with another seed than the demonstration's; give another --out")
            return 1
        }
        if FileManager.default.fileExists(atPath: run.path) { try FileManager.default.removeItem(at: run) }
        print("enroll \(EnrollmentVersion.current) demo on \(caseURL.path)")
        let progress = DemoProgress()
        let commitment = try Commitment(caseFolder: caseURL, note: "demonstration")
        let round: AdmissionRound
        do {
            round = try progress.report("validate") { () throws -> (AdmissionRound, String) in
                let round = try AdmissionRound(caseFolder: caseURL, commitment: commitment, seed: ceremony.seed, contributions: ceremony.contributions,
                                               runFolder: run, code: CodeIdentifier.library)
                return (round, round.admissionCase.summary)
            }
        } catch let problems as Diagnostics {
            Console.problems(problems.items, then: "the demonstration runs on a valid case")
            return 1
        }
        try progress.report("commit") { () throws -> ((), String) in
            try commitment.write(to: out.appendingPathComponent(Commitment.fileName))
            return ((), "\(commitment.digest.hex) over \(commitment.files.count) files")
        }
        let caseSite = out.appendingPathComponent("case-site")
        try progress.report("pre-draw") { () throws -> ((), String) in
            let published = try PreDrawSite.publish(round.admissionCase, commitment: commitment, drawDate: drawDate, notice: try notice(for: caseURL),
                                                    to: caseSite, caseFolder: caseURL)
            return ((), "before the draw: \(published.files.count) files, " + published.applicants.map { "\($0.count) \($0.level.rawValue)" }.joined(separator: ", ")
                        + " applicants listed with their tiers, masked")
        }
        progress.report("seed") { ((), "\(ceremony.seed) from \(contributions.count) contributions") }
        for level in [SchoolLevel.primary, .junior] {
            let placed = try progress.report("place") { () throws -> (PlacementSummary, String) in
                let s = try round.place(level).summary
                return (s, "\(level.rawValue): \(PlaceCommand.describe(s))")
            }
            progress.report("zone") { ((), "\(level.rawValue): \(placed.zonedByMap) by map, \(placed.zonedByAddress) by address, "
                                        + "\(placed.inNoZone) in no zone, \(placed.nearBoundary) near a boundary") }
            try progress.report("classes") { () throws -> ((), String) in
                let s = try round.formClasses(level).summary
                return ((), "\(level.rawValue): \(s.classes) classes for \(s.pupils) pupils in \(s.schools) schools"
                            + (round.admissionCase.teachers == nil ? "" : ", head teachers drawn"))
            }
        }
        try progress.report("quota") { () throws -> ((), String) in ((), QuotaCommand.describe(try round.allocateQuotas().summary)) }
        if let secondRound = round.admissionCase.secondRound, let roundCommitment = secondRound.commitment {
            let roundCeremony = try SeedCeremony(secondRoundContributions.map(SeedContribution.init(parsing:)))
            try roundCommitment.write(to: out.appendingPathComponent("second-round-" + Commitment.fileName))
            for level in [SchoolLevel.primary, .junior] where secondRound.concerns(level) {
                try progress.report("2nd round") { () throws -> ((), String) in
                    let s = try round.placeSecondRound(level, seed: roundCeremony.seed, commitment: roundCommitment).summary
                    return ((), "\(level.rawValue): \(PlaceCommand.describe(s)), under its own commitment and seed")
                }
            }
        }
        try progress.report("verify") { () throws -> ((), String) in
            let summary = try RunVerifier.verify(run: run, code: CodeIdentifier.library)
            return ((), "verified: \(summary.steps) steps re-run, \(summary.outputs) output files reproduced byte for byte")
        }
        let site = out.appendingPathComponent("site")
        try progress.report("publish") { () throws -> ((), String) in
            let results = try RunResults.read(run: run, caseFolder: caseURL, ceremony: ceremony)
            let published = try PublishedSite.publish(results, language: .zh, notice: try notice(for: caseURL), to: site, run: run)
            return ((), "\(published.files.count) files, personal data masked: " + published.report.levels.map {
                "\($0.level.rawValue) nearby admission \($0.nearbyRate)" }.joined(separator: ", "))
        }
        let hall = out.appendingPathComponent("hall")
        try progress.report("ceremony") { () throws -> ((), String) in
            let results = try RunResults.read(run: run, caseFolder: caseURL, ceremony: ceremony)
            let made = try Ceremony.publish(round.admissionCase, commitment: commitment, drawDate: drawDate, results: results,
                                            to: hall, caseFolder: caseURL, run: run)
            return ((), "the hall's slides: \(made.slides.count), \(made.drawnGroups) seat groups drawn, records to sign")
        }
        print("published before the draw: open \(caseSite.appendingPathComponent("index.html").path)")
        print("the hall's projector: open \(hall.appendingPathComponent("index.html").path)")
        print("results in \(run.path)")
        print("open \(site.appendingPathComponent("index.html").path)")
        return 0
    }
}

/// The demo's numbered progress lines: one when a step ends, with its result and time, and
/// one each second while a step runs longer than a second. Wall-clock time is shown only here,
/// never in any result.
final class DemoProgress {
    private var step = 0

    /// Runs `body`, printing its line; returns its value.
    func report<T>(_ name: String, _ body: () throws -> (T, String)) rethrows -> T {
        step += 1
        let started = DispatchTime.now()
        let label = "\(step). \(name.padding(toLength: 9, withPad: " ", startingAt: 0))"
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { print("\(label) … \(Self.elapsed(since: started))") }
        timer.resume()
        defer { timer.cancel() }
        let (value, line) = try body()
        print("\(label) \(line)  (\(Self.elapsed(since: started)))")
        return value
    }

    /// Wall-clock time since `start`, for progress lines only.
    static func elapsed(since start: DispatchTime) -> String {
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return ms < 1000 ? "\(Int(ms)) ms" : "\(Int(ms / 100) / 10).\(Int(ms / 100) % 10) s"
    }
}
