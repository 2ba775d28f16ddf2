import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum CommitCommand: EnrollCommand {
    static let out = Argument<URL?>.optional("out", valueName: "file", help: "Where to write the commitment (default: CASE/commitment.json; outside the case folder, or under the name commitment.json: any other .json file there is part of the case).", as: .path)
    static let secondRound = Argument<Bool>.flag("second-round", help: "Commit CASE/second-round/ (a second round's applicants and declines) instead of the case; written to CASE/second-round/commitment.json by default. Publish it before the second round's seed is made.")
    static let note = Argument<String?>.optional("note", valueName: "text", help: "A note kept beside the digest (not hashed), e.g. the date and place.", as: .text)

    static let spec = CommandSpec(
        name: "commit",
        abstract: "Print the commitment (SHA-256) of a case's input files and write commitment.json.",
        discussion: """
            Publish the printed commitment before the seed is made. CSV files are hashed in a canonical form, so saving \
            them again (Excel, GB18030, CRLF, another column or row order) does not change it; a table given as an \
            .xlsx workbook is hashed as the CSV file of the same rows, under its .csv name; policy.json and \
            zones.geojson by their bytes. The exact definition is in docs/LOTTERY.md (section 11). Refuses a case that \
            does not validate. Nothing time-based is hashed: put where and when in --note.
            """,
        arguments: [CaseArguments.folder.spec, out.spec, note.spec, secondRound.spec, CaseArguments.encoding.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let (caseURL, encoding) = (try arguments[CaseArguments.folder], try arguments[CaseArguments.encoding])
        let loaded = try CaseFolder(url: caseURL, encoding: encoding).load(committing: true)
        Console.notes(loaded.notes)
        guard loaded.diagnostics.isEmpty else {
            Console.problems(loaded.diagnostics, then: "correct them, then commit")
            return 1
        }
        let committed: URL
        var commitment: Commitment
        if try arguments[secondRound] {
            committed = caseURL.appendingPathComponent(SecondRound.folder)
            guard let r = loaded.admissionCase.secondRound, [SchoolLevel.primary, .junior].contains(where: r.concerns), let round = r.commitment else {
                Console.error("\(committed.path): no second round to commit: put its applicants in \(SecondRound.folder)/<level>-applicants.csv "
                              + "(and its declines in \(SecondRound.folder)/<level>-declined.csv)")
                return 1
            }
            commitment = round
        } else {
            committed = caseURL
            commitment = try loaded.commitment ?? Commitment(caseFolder: caseURL, encoding: encoding)
        }
        commitment.note = try arguments[note]
        let out = try arguments[out] ?? committed.appendingPathComponent(Commitment.fileName)
        try commitment.write(to: out)
        for file in commitment.files {
            let source = loaded.admissionCase.sourceFiles[file.name].map { " of \($0)" } ?? ""
            print("\(file.digest.hex)  \(file.name)  (\(file.form == .csv ? "canonical CSV\(source), \(file.rows ?? 0) rows" : "raw bytes"))")
        }
        print("commitment: \(commitment.digest.hex)")
        print("written to \(out.path); publish the commitment before the seed is made")
        return 0
    }
}
