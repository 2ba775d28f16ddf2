import Enrollment
import Foundation

enum DemoCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "demo",
        abstract: "Run the whole pipeline on the built-in sample county and print where the results are.",
        discussion: "Runs validate, commit, seed, zone, place, classes, quota, verify and publish. The sample county is zones/sample-county/case (a fictional county: 13 primary, 5 junior and 5 high schools, about 3,000 applicants per level). The seed is derived, as a bureau would, from fixed demonstration contributions.",
        arguments: [
            .option("case", valueName: "folder", help: "Another case folder to run instead of the sample county."),
            .option("out", valueName: "folder", help: "Where to write the results.", default: "out/demo"),
        ]
    )

    /// The sample county's case folder, found beside the sources this binary was built from.
    static var sampleCase: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("zones/sample-county/case")
    }

    /// The demonstration ceremony's contributions (a real draw takes them in public).
    static let contributions = ["notary: 4921", "balls: 07 13 22 31 38", "beacon: demonstration"]

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let caseURL = arguments.value("case").map { URL(fileURLWithPath: $0) } ?? sampleCase
        let out = URL(fileURLWithPath: arguments.value("out") ?? "out/demo").standardizedFileURL
        let run = out.appendingPathComponent("run")
        // Only a demonstration run (drawn with the demonstration seed) is replaced; any other is refused.
        let demonstrationSeed = try SeedCeremony(contributions.map(SeedContribution.init(parsing:))).seed
        if case .settled(let manifest?, _) = try RunCommit.state(of: run), manifest.seed != demonstrationSeed {
            Console.error("\(run.path): this folder holds a run drawn with another seed than the demonstration's; give another --out")
            return 1
        }
        if FileManager.default.fileExists(atPath: run.path) { try FileManager.default.removeItem(at: run) }
        print("enroll \(EnrollmentVersion.current) demo on \(caseURL.path)")
        var step = 0
        func report<T>(_ name: String, _ body: () throws -> (T, String)) rethrows -> T {
            step += 1
            let started = DispatchTime.now()
            // A progress line each second while a step runs longer than a second.
            let progress = DispatchSource.makeTimerSource(queue: .global())
            progress.schedule(deadline: .now() + 1, repeating: 1)
            progress.setEventHandler { [step] in print("\(step). \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) … \(elapsed(since: started))") }
            progress.resume()
            defer { progress.cancel() }
            let (value, line) = try body()
            print("\(step). \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(line)  (\(elapsed(since: started)))")
            return value
        }
        let loaded = try CaseFolder(url: caseURL).load()
        guard loaded.diagnostics.isEmpty else {
            for d in loaded.diagnostics { Console.error(d.description) }
            return 1
        }
        let c = loaded.admissionCase
        report("validate") { ((), c.summary) }
        let commitment = try report("commit") { () throws -> (Commitment, String) in
            let commitment = try Commitment(caseFolder: caseURL, note: "demonstration")
            try commitment.write(to: out.appendingPathComponent(Commitment.fileName))
            return (commitment, "\(commitment.digest.hex) over \(commitment.files.count) files")
        }
        let seed = try report("seed") { () throws -> (String, String) in
            let ceremony = try SeedCeremony(contributions.map(SeedContribution.init(parsing:)))
            return (ceremony.seed, "\(ceremony.seed) from \(contributions.count) contributions")
        }
        for level in [SchoolLevel.primary, .junior] {
            report("zone") { () -> ((), String) in
                let a = ZoneAssigner(admissionCase: c, level: level).assign(c.applicants(level))
                let byAddress = a.filter { $0.method == .address }.count, none = a.filter { $0.method == .none }.count
                return ((), "\(level.rawValue): \(a.count - byAddress - none) by map, \(byAddress) by address, \(none) in no zone, "
                            + "\(a.filter(\.nearBoundary).count) near a boundary")
            }
        }
        for level in [SchoolLevel.primary, .junior] {
            let input = RunStepInput(caseFolder: caseURL, options: ["level": level.rawValue], seed: seed)
            try report("place") { () throws -> ((), String) in
                let counts = try RunRecorder.record(.placement, input: input, commitment: commitment, code: codeIdentifier, into: run).steps.last!.counts
                return ((), "\(level.rawValue): " + ["applicants", "admitted", "reassigned", "unplaced", "placed_differently_by_other_mechanism"]
                    .map { "\(counts[$0] ?? 0) \($0.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", "))
            }
            try report("classes") { () throws -> ((), String) in
                let counts = try RunRecorder.record(.classes, input: input, commitment: commitment, code: codeIdentifier, into: run).steps.last!.counts
                return ((), "\(level.rawValue): \(counts["classes"] ?? 0) classes for \(counts["pupils"] ?? 0) pupils in \(counts["schools"] ?? 0) schools"
                            + (c.teachers == nil ? "" : ", head teachers drawn"))
            }
        }
        try report("quota") { () throws -> ((), String) in
            let input = RunStepInput(caseFolder: caseURL, options: [:], seed: seed)
            let counts = try RunRecorder.record(.quota, input: input, commitment: commitment, code: codeIdentifier, into: run).steps.last!.counts
            return ((), "\(counts["quota_seats"] ?? 0) quota seats of \(counts["quality_high_schools"] ?? 0) quality high schools; "
                        + "\(counts["admitted_by_quota"] ?? 0) admitted by quota, \(counts["admitted_open"] ?? 0) in the open round")
        }
        try report("verify") { () throws -> ((), String) in
            let summary = try RunVerifier.verify(run: run, code: codeIdentifier)
            return ((), "verified: \(summary.steps) steps re-run, \(summary.outputs) output files reproduced byte for byte")
        }
        let site = out.appendingPathComponent("site")
        try report("publish") { () throws -> ((), String) in
            let ceremony = try SeedCeremony(contributions.map(SeedContribution.init(parsing:)))
            let results = try RunResults.read(run: run, admissionCase: c, commitment: commitment, ceremony: ceremony)
            let published = try PublishedSite.publish(results, language: .zh, to: site, run: run)
            return ((), "\(published.files.count) files, personal data masked: " + published.report.levels.map {
                "\($0.level.rawValue) nearby admission \($0.nearbyRate)" }.joined(separator: ", "))
        }
        print("results in \(run.path)")
        print("open \(site.appendingPathComponent("index.html").path)")
        return 0
    }

    /// Wall-clock time since `start`, for progress lines only (never in any result).
    static func elapsed(since start: DispatchTime) -> String {
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return ms < 1000 ? "\(Int(ms)) ms" : "\(Int(ms / 100) / 10).\(Int(ms / 100) % 10) s"
    }
}
