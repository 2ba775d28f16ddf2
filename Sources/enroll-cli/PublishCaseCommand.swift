import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum PublishCaseCommand: EnrollCommand {
    static let out = Argument<URL>.option("out", valueName: "folder", help: "The site folder to write (outside the case folder).", as: .path)
    static let drawDate = Argument<CalendarDate>.option("draw-date", valueName: "YYYY-MM-DD", help: "The day of the draw, as announced.", as: .day)
    static let commitment = Argument<URL?>.optional("commitment", valueName: "file", help: "The commitment.json `enroll commit` wrote (default: CASE/commitment.json); the case must still hash to it.", as: .path)

    static let spec = CommandSpec(
        name: "publish-case",
        abstract: "Before the draw: publish the case — zones, schools, policy and the masked roster with tiers — with its commitment.",
        discussion: """
            Writes SITE/index.html (the date of the draw, the commitment, the search by student_id: a family finds its \
            registration, its schools and its tier at each, and can appeal a wrong tier before the draw), the roster of \
            each level (names and id numbers masked as on the results site), the schools' plans and classes, the zones \
            (a map drawn from zones.geojson, and the address lists), the policy in words, public CSV copies (described in data/tables.json), \
            and SHA256SUMS. Commit the case first (`enroll commit CASE`): the case must still hash to that \
            commitment, which the site shows and the draw will use. SITE is replaced as a whole, as by `enroll \
            publish`. The second round is not part of it. See docs/PUBLISHING.md.
            """,
        arguments: [CaseArguments.folder.spec, out.spec, drawDate.spec, commitment.spec, PublishCommand.language.spec, PublishCommand.notice.spec,
                    CaseArguments.encoding.spec, PublishCommand.wait.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let (caseURL, encoding, out) = (try arguments[CaseArguments.folder], try arguments[CaseArguments.encoding], try arguments[out])
        let loaded = try CaseFolder(url: caseURL, encoding: encoding).load(committing: true)
        Console.notes(loaded.notes)
        guard loaded.diagnostics.isEmpty else {
            Console.problems(loaded.diagnostics, then: "correct them, commit again, then publish")
            return 1
        }
        let commitmentURL = try arguments[commitment] ?? caseURL.appendingPathComponent(Commitment.fileName)
        guard FileManager.default.fileExists(atPath: commitmentURL.path) else {
            Console.error("\(commitmentURL.path): no commitment: run `enroll commit \(caseURL.path)` first; the site shows the commitment the draw will use")
            return 1
        }
        let published = try Commitment(contentsOf: commitmentURL)
        try published.verify(against: loaded.commitment!)
        var noticeFile = try arguments[PublishCommand.notice]
        let caseNotice = caseURL.appendingPathComponent(PublicationNotice.fileName)
        if noticeFile == nil, FileManager.default.fileExists(atPath: caseNotice.path) { noticeFile = caseNotice }
        let notice = noticeFile.map(PublishCommand.readNotice)
        if notice == .some(nil) { return 1 }
        let site = try PreDrawSite.publish(loaded.admissionCase, commitment: published, drawDate: try arguments[drawDate],
                                           language: try arguments[PublishCommand.language], notice: notice ?? nil, to: out, caseFolder: caseURL,
                                           wait: try arguments[PublishCommand.wait])
        print("\(site.files.count) files written to \(out.path)")
        for (level, count) in site.applicants { print("\(level.rawValue): \(count) applicants listed") }
        print("commitment: \(site.commitment.hex)")
        print("open \(out.appendingPathComponent("index.html").path)")
        return 0
    }
}

extension ArgumentType where T == CalendarDate {
    /// A day, `YYYY-MM-DD`.
    static var day: ArgumentType {
        ArgumentType { text throws(Invalid) in
            guard let day = CalendarDate(parsing: text) else { throw Invalid("give the day as YYYY-MM-DD, e.g. 2026-07-10") }
            return day
        }
    }
}
