import Enrollment
import Foundation

enum PublishCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "publish",
        abstract: "Write the public site of a run: results with personal data masked, the draw's credentials, the supervision report.",
        discussion: """
            Writes SITE/index.html (the search by student_id first), the schools' pages, public CSV and JSON copies of \
            every table (names and id numbers masked), the search data in small files under search/ and SHA256SUMS; \
            never writes into RUN. The notice (notice.json) is shown at the top of every page. SITE is replaced as a whole: the \
            new site is written beside it and the two folders' names exchanged, so a kill leaves the old site or the new \
            one; a non-empty SITE that is not a published site is refused, and so is a RUN with an interrupted step. The pages work offline from the \
            file system. The case (default: the one recorded in RUN/manifest.json) gives school names and the names and id \
            numbers to mask; its commitment.json note is shown. Give the seed contributions, in the order announced, to \
            show them (they must derive the run's seed). See docs/PUBLISHING.md.
            """,
        arguments: [
            .positional("run", help: "The run folder."),
            .option("out", valueName: "folder", help: "The site folder to write (outside the run folder)."),
            .option("lang", valueName: "zh|en", help: "The site's language.", default: "zh"),
            .option("case", valueName: "folder", help: "The case folder (default: the one recorded in the manifest)."),
            .option("contribution", valueName: "label: value", help: "One seed contribution as announced, e.g. 'notary: 4921'. Repeat, in order.", repeating: true),
            .option("notice", valueName: "file", help: "The publication notice (notice.json: period, supervising office and telephone, how to appeal; default: notice.json of the case folder when there is one)."),
            encodingOption,
        ]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let run = URL(fileURLWithPath: arguments.value("run")!)
        guard let out = arguments.value("out") else { throw UsageError.missingArgument("--out") }
        guard let language = SiteLanguage(rawValue: arguments.value("lang") ?? "zh") else {
            throw UsageError.invalidValue(option: "lang", value: arguments.value("lang") ?? "", reason: "give zh or en")
        }
        guard case .settled(let manifest, _) = try RunCommit.state(of: run) else {
            Console.error("\(run.path): a drawing command into this run folder was interrupted (\(RunCommit.pendingFileName) is there); "
                          + "`enroll verify` tells which state the folder holds; run the command again to finish, then publish")
            return 1
        }
        var admissionCase: AdmissionCase?
        var commitment: Commitment?
        var noticeFile = arguments.value("notice").map { URL(fileURLWithPath: $0) }
        if let path = arguments.value("case") ?? manifest?.caseFolder {
            let caseURL = URL(fileURLWithPath: path)
            let loaded = try CaseFolder(url: caseURL, encoding: try arguments.encoding()).load()
            guard loaded.diagnostics.isEmpty else {
                for d in loaded.diagnostics { Console.error(d.description) }
                Console.error("the case has \(loaded.diagnostics.count) problem\(loaded.diagnostics.count == 1 ? "" : "s"): publish with the case the run was made from")
                return 1
            }
            admissionCase = loaded.admissionCase
            let commitmentURL = caseURL.appendingPathComponent(Commitment.fileName)
            if FileManager.default.fileExists(atPath: commitmentURL.path) { commitment = try Commitment(contentsOf: commitmentURL) }
            let caseNotice = caseURL.appendingPathComponent(PublicationNotice.fileName)
            if noticeFile == nil, FileManager.default.fileExists(atPath: caseNotice.path) { noticeFile = caseNotice }
        }
        var notice: PublicationNotice?
        if let noticeFile {
            guard let data = FileManager.default.contents(atPath: noticeFile.path) else {
                Console.error("\(noticeFile.path): the notice cannot be read; check the path and its permissions")
                return 1
            }
            do {
                notice = try PublicationNotice(parsing: [UInt8](data), file: noticeFile.lastPathComponent)
            } catch {
                for d in error.items { Console.error(d.description) }
                Console.error("the notice has \(error.items.count) problem\(error.items.count == 1 ? "" : "s"): nothing was published")
                return 1
            }
        }
        let contributions = try arguments.values("contribution").map { line throws -> SeedContribution in try SeedContribution(parsing: line) }
        let ceremony = contributions.isEmpty ? nil : try SeedCeremony(contributions)
        let results = try RunResults.read(run: run, admissionCase: admissionCase, commitment: commitment, ceremony: ceremony)
        let site = try PublishedSite.publish(results, language: language, notice: notice, to: URL(fileURLWithPath: out), run: run)
        print("\(site.files.count) files written to \(out) (\(site.tables.count) tables)" + (admissionCase == nil ? "; no case: names and id numbers are not published" : ""))
        for level in site.report.levels {
            print("\(level.level.rawValue): \(level.applicants) applicants, nearby admission \(level.nearbyRate), \(level.reassigned) reassigned, \(level.unplaced) unplaced, \(level.largeClasses.count) classes of 56 or more")
        }
        for attempt in manifest?.attempts ?? [] where attempt.outcome != .recorded {
            print("earlier attempt kept in the manifest (published as data/manifest.json): \(attempt.summary)")
        }
        print("open \(out)/index.html")
        return 0
    }
}
