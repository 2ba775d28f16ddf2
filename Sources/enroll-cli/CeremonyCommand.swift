import Enrollment
import EnrollmentCommandLine
import Foundation

enum CeremonyCommand: EnrollCommand {
    static let out = Argument<URL>.option("out", valueName: "folder", help: "The folder to write (outside the case and the run).", as: .path)
    static let run = Argument<URL?>.optional("run", valueName: "folder", help: "The run folder, once the draw has run: adds each school's draw and the records to sign.", as: .path)
    static let seedCommitments = Argument<URL?>.optional("commitments", valueName: "file", help: "The parties' published commitments to their secrets, one 'label: <sha256>' a line: the page checks each reveal.", as: .path)

    static let spec = CommandSpec(
        name: "ceremony",
        abstract: "Write the slides the hall's projector shows during the public draw, and the records to sign.",
        discussion: """
            Writes FOLDER/index.html, slides for a projector at 1920×1080 that work offline from the file system, \
            stepped through with → or space (← back): the date and the commitment; each level in numbers (schools, \
            seats, applicants, the schools whose first choices exceed their seats); the seed made in the hall — type \
            each party's contribution as announced, and the page computes the seed as `enroll seed` does, checking a \
            committed party's value against --commitments. With --run (after `enroll place`): each seat group the \
            lottery decided, 60 applicants a slide (names masked), every lottery number recomputed in the page from \
            the seed, the line after the last seat; and record-<level>.html, the record of the draw to print and sign \
            (also on the site `enroll publish` writes). FOLDER is replaced as a whole. See docs/LOTTERY.md, section 10.
            """,
        arguments: [CaseArguments.folder.spec, out.spec, PublishCaseCommand.drawDate.spec, PublishCaseCommand.commitment.spec, run.spec,
                    seedCommitments.spec, PublishCommand.language.spec, CaseArguments.encoding.spec, PublishCommand.wait.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let (caseURL, encoding, out, runURL) = (try arguments[CaseArguments.folder], try arguments[CaseArguments.encoding], try arguments[out], try arguments[run])
        let loaded = try CaseFolder(url: caseURL, encoding: encoding).load(committing: true)
        Console.notes(loaded.notes)
        guard loaded.diagnostics.isEmpty else {
            Console.problems(loaded.diagnostics, then: "correct them and commit again before the draw")
            return 1
        }
        let commitmentURL = try arguments[PublishCaseCommand.commitment] ?? caseURL.appendingPathComponent(Commitment.fileName)
        guard FileManager.default.fileExists(atPath: commitmentURL.path) else {
            Console.error("\(commitmentURL.path): no commitment: run `enroll commit \(caseURL.path)` and publish it before the draw")
            return 1
        }
        let published = try Commitment(contentsOf: commitmentURL)
        try published.verify(against: loaded.commitment!)
        var commitments: [SeedCommitment] = []
        if let url = try arguments[seedCommitments] {
            guard let data = FileManager.default.contents(atPath: url.path) else { throw CommitmentError.unreadable(url.path, reason: FileProblem.reading(url.path)) }
            commitments = try SeedCommitment.list(String(decoding: data, as: UTF8.self), file: url.lastPathComponent)
        }
        var results: RunResults?
        if let runURL {
            guard case .settled = try RunCommit.state(of: runURL) else {
                Console.error("\(runURL.path): a drawing command into this run folder was interrupted (\(RunCommit.pendingFileName) is there); "
                              + "run the command again to finish, then make the ceremony folder")
                return 1
            }
            do {
                results = try RunResults.read(run: runURL, caseFolder: caseURL, encoding: encoding, ceremony: nil)
            } catch let problems as Diagnostics {
                Console.problems(problems.items, then: "give the case the run was made from")
                return 1
            }
        }
        let folder = try Ceremony.publish(loaded.admissionCase, commitment: published, drawDate: try arguments[PublishCaseCommand.drawDate],
                                          seedCommitments: commitments, results: results, language: try arguments[PublishCommand.language],
                                          to: out, caseFolder: caseURL, run: runURL, wait: try arguments[PublishCommand.wait])
        print("\(folder.slides.count) slides, \(folder.files.count) files written to \(out.path)"
              + (runURL == nil ? "" : "; \(folder.drawnGroups) seat groups drawn by lottery"))
        print("open \(out.appendingPathComponent("index.html").path)")
        return 0
    }
}
