import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum PublishCommand: EnrollCommand {
    static let run = Argument<URL>.positional("run", help: "The run folder.", as: .path)
    static let out = Argument<URL>.option("out", valueName: "folder", help: "The site folder to write (outside the run folder).", as: .path)
    static let language = Argument<SiteLanguage>.option("lang", valueName: "zh|en", help: "The site's language.", default: "zh", as: .siteLanguage)
    static let caseFolder = Argument<URL?>.optional("case", valueName: "folder", help: "The case folder (default: the one recorded in the manifest).", as: .path)
    static let contributions = Argument<[String]>.repeating("contribution", valueName: "label: value", help: "One seed contribution as announced, e.g. 'notary: 4921'. Repeat, in order.", as: .text)
    static let notice = Argument<URL?>.optional("notice", valueName: "file", help: "The publication notice (notice.json: period, supervising office and telephone, how to appeal; default: notice.json of the case folder when there is one).", as: .path)

    static let wait = Argument<Bool>.flag("wait", help: "When another command is writing the same folder, wait for it to end instead of refusing.")
    static let workbooks = Argument<URL?>.optional("workbooks", valueName: "folder", help: "Also write the schools' class lists (one .xlsx per school, a sheet per class) and each level's placements (.xlsx) into this folder, outside the run, the case and the site; names and id numbers masked unless --unmasked.", as: .path)
    static let unmasked = Argument<Bool>.flag("unmasked", help: "Write whole names and id numbers into the --workbooks folder (for the schools' own use; never into the site).")

    static let spec = CommandSpec(
        name: "publish",
        abstract: "Write the public site of a run: results with personal data masked, the draw's credentials, the supervision report.",
        discussion: """
            Writes SITE/index.html (the search by student_id first), the schools' pages, public CSV copies (described in data/tables.json) of \
            every table (names and id numbers masked), the search data in small files under search/ and SHA256SUMS; \
            never writes into RUN. The notice (notice.json) is shown at the top of every page. SITE is replaced as a whole: the \
            new site is written beside it and the two folders' names exchanged, so a kill leaves the old site or the new \
            one; a non-empty SITE that is not a published site is refused, and so is a RUN with an interrupted step. One \
            command writes SITE at a time: another is refused naming it, or waits with --wait. The pages work offline from the \
            file system. The case (default: the one recorded in RUN/manifest.json) gives school names and the names and id \
            numbers to mask; its commitment.json note is shown. Give the seed contributions, in the order announced, to \
            show them (they must derive the run's seed). With --workbooks FOLDER, also writes the schools' class lists and \
            the levels' placements as Excel workbooks into FOLDER (replaced as a whole, outside RUN, the case and SITE): \
            masked as on the site, or whole with --unmasked, which is refused without --workbooks. See docs/PUBLISHING.md.
            """,
        arguments: [run.spec, out.spec, language.spec, caseFolder.spec, contributions.spec, notice.spec, CaseArguments.encoding.spec, wait.spec,
                    workbooks.spec, unmasked.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let (run, out, language) = (try arguments[run], try arguments[out], try arguments[language])
        let (workbookFolder, unmasked) = (try arguments[workbooks], try arguments[unmasked])
        if unmasked, workbookFolder == nil {
            throw UsageError.invalidValue(option: "unmasked", value: "", reason: "whole names are written only into a --workbooks folder you name, never into the site: give --workbooks")
        }
        guard case .settled(let manifest, _) = try RunCommit.state(of: run) else {
            Console.error("\(run.path): a drawing command into this run folder was interrupted (\(RunCommit.pendingFileName) is there); "
                          + "`enroll verify` tells which state the folder holds; run the command again to finish, then publish")
            return 1
        }
        let caseURL = try arguments[caseFolder] ?? manifest.map { URL(fileURLWithPath: $0.caseFolder) }
        var noticeFile = try arguments[notice]
        if let caseURL, noticeFile == nil, FileManager.default.fileExists(atPath: caseURL.appendingPathComponent(PublicationNotice.fileName).path) {
            noticeFile = caseURL.appendingPathComponent(PublicationNotice.fileName)
        }
        let publicationNotice = noticeFile.map(readNotice)
        if publicationNotice == .some(nil) { return 1 }
        let contributions = try arguments[contributions].map { line throws -> SeedContribution in try SeedContribution(parsing: line) }
        let ceremony = contributions.isEmpty ? nil : try SeedCeremony(contributions)
        let results: RunResults
        do {
            results = try RunResults.read(run: run, caseFolder: caseURL, encoding: try arguments[CaseArguments.encoding], ceremony: ceremony)
        } catch let problems as Diagnostics {
            Console.problems(problems.items, then: "publish with the case the run was made from")
            return 1
        }
        let admissionCase = results.admissionCase
        let outside = [run, out] + [caseURL].compactMap { $0 }
        if let workbookFolder { try SchoolWorkbooks.check(workbookFolder, outside: outside) }
        let site = try PublishedSite.publish(results, language: language, notice: publicationNotice ?? nil, to: out, run: run, wait: try arguments[wait],
                                             waiting: { Console.error("\(out.path): waiting for \($0)") })
        print("\(site.files.count) files written to \(out.path) (\(site.tables.count) tables)" + (admissionCase == nil ? "; no case: names and id numbers are not published" : ""))
        for level in site.report.levels {
            print("\(level.level.rawValue): \(level.applicants) applicants, nearby admission \(level.nearbyRate), \(level.reassigned) reassigned, \(level.unplaced) unplaced, \(level.largeClasses.count) classes of 56 or more")
        }
        for attempt in manifest?.attempts ?? [] where attempt.outcome != .recorded {
            print("earlier attempt kept in the manifest (published as data/manifest.json): \(attempt.summary)")
        }
        if let workbookFolder {
            let written = try SchoolWorkbooks.write(results, masked: !unmasked, language: language, to: workbookFolder, outside: outside,
                                                    wait: try arguments[wait], waiting: { Console.error("\(workbookFolder.path): waiting for \($0)") })
            print("\(written.count) workbooks written to \(workbookFolder.path) (names and id numbers \(unmasked ? "whole: for the schools' own use, not for publication" : "masked"))")
        }
        print("open \(out.appendingPathComponent("index.html").path)")
        return 0
    }
}

extension PublishCommand {
    /// The notice at `url`; nil, with every problem printed, when it cannot be read or is wrong.
    static func readNotice(_ url: URL) -> PublicationNotice? {
        do throws(Diagnostics) {
            return try PublicationNotice(contentsOf: url)
        } catch {
            Console.problems(error.items, then: "nothing was published")
            return nil
        }
    }
}

extension ArgumentType where T == SiteLanguage {
    /// `zh` or `en`.
    static var siteLanguage: ArgumentType {
        ArgumentType { text throws(Invalid) in
            guard let language = SiteLanguage(rawValue: text) else { throw Invalid("give zh or en") }
            return language
        }
    }
}
