import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// One case of the bad-input corpus (`BadInputs/manifest.tsv`): a file that replaces one
/// file of the small base case (`BadInputs/base`, cut from the sample county), or one handed
/// to a command beside it, the command run, and where and what the error must say.
struct BadInput: CustomStringConvertible, Sendable {
    var name: String
    /// The file under `BadInputs/cases`, or `generated`.
    var caseFile: String
    /// The case file it replaces, or `@late`, `@withdrawn`, `@commitment` for a file given
    /// to `classes --late`, `vacancies --withdrawn`, `place --commitment`.
    var replaces: String
    /// `validate [--encoding E]`, `zone`, `commit`, `lottery`, `place`, `classes`, `quota`,
    /// `classes-late`, `vacancies`.
    var command: [String]
    /// `file:line:column`, the start of an error line (`?` for a column the generator computes).
    var location: String
    var fragment: String

    var description: String { name }

    static let folder = packageRoot.appendingPathComponent("Tests/EnrollmentTests/BadInputs")

    static let all: [BadInput] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("manifest.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return BadInput(name: f[0], caseFile: f[1], replaces: f[2], command: f[3].split(separator: " ").map(String.init),
                            location: f[4], fragment: f[5])
        }
    }()

    /// The name a file outside the case gets in the work folder (and in messages).
    var outsideName: String? {
        ["@late": "late.csv", "@withdrawn": "withdrawn.csv", "@commitment": "commitment.json"][replaces]
    }

    /// The bad file's bytes, and the location expected (the generator fills in a `?`).
    func contents() throws -> (bytes: Data, location: String) {
        switch (caseFile, name) {
        case ("generated", "csv-huge-field"):
            // A million-digit score, then a field of a million characters whose quote is never closed.
            var lines = try String(contentsOf: Self.folder.appendingPathComponent("base/junior-applicants.csv"), encoding: .utf8)
                .components(separatedBy: "\n")
            var row = lines[3].components(separatedBy: ",")
            row[13] = String(repeating: "9", count: 1_000_000)
            lines[3] = row.joined(separator: ",")
            row = lines[4].components(separatedBy: ",")
            row[7] = "\"" + String(repeating: "人", count: 1_000_000)
            lines[4] = row.joined(separator: ",")
            return (Data(lines.joined(separator: "\n").utf8), location)
        case ("generated", "geojson-10mb-line"):
            // A whole map on one 10 MB line, with a NaN at its very end.
            var text = #"{"type":"FeatureCollection","coordinate_system":"GCJ-02","features":[{"type":"Feature","properties":{"zone_id":"PZ01","level":"primary","schools":["P01"]},"geometry":{"type":"Polygon","coordinates":[["#
            for i in 0..<450_000 {
                let digits = String(i)
                text += "[113." + String(repeating: "0", count: 6 - digits.count) + digits + ",34.700000],"
            }
            text += "[113.9,"
            let column = text.utf8.count + 1
            text += "NaN]]]}}]}\n"
            return (Data(text.utf8), location.replacingOccurrences(of: "?", with: String(column)))
        default:
            return (try Data(contentsOf: Self.folder.appendingPathComponent("cases/\(caseFile)")), location)
        }
    }
}

/// Every file of `folder` and below, by relative path, with its bytes (but a run folder's lock file).
func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
    for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
        && url.lastPathComponent != FolderLock.fileName {  // the lock names its last holder; never a result
        files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = try Data(contentsOf: url)
    }
    return files
}

/// A previous valid run of the base case (commitment, then primary placement and classes),
/// made once and copied into each test that needs one.
let previousRun: URL = {
    let url = try! temporaryFolder("BadInputsPreviousRun")
    try! FileManager.default.copyItem(at: BadInput.folder.appendingPathComponent("base"), to: url.appendingPathComponent("case"))
    let path = url.path
    for arguments in [["commit", "\(path)/case", "--out", "\(path)/committed.json"],
                      ["place", "\(path)/case", "--level", "primary", "--seed", BadInputTests.seed, "--commitment", "\(path)/committed.json", "--out", "\(path)/run"],
                      ["classes", "\(path)/case", "--level", "primary", "--seed", BadInputTests.seed, "--commitment", "\(path)/committed.json", "--out", "\(path)/run"],
                      ["zone", "\(path)/case", "--level", "primary", "--out", "\(path)/out/zoning.csv"],
                      ["commit", "\(path)/case", "--out", "\(path)/out/commitment.json"]] {
        let result = try! runEnroll(arguments)
        precondition(result.status == 0, "the base case must run: \(result.err)")
    }
    return url
}()

@Suite struct BadInputTests {
    static let seed = String(repeating: "5e", count: 32)

    @Test func corpusCoversEveryFileAndCommand() {
        let cases = BadInput.all
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.name)).count == cases.count)
        let targets = Set(cases.map(\.replaces))
        for file in ["schools.csv", "primary-applicants.csv", "junior-applicants.csv", "graduates.csv", "teachers.csv",
                     "priorities.csv", "zones.csv", "zone-rules.csv", "policy.json", "zones.geojson", "@late", "@withdrawn", "@commitment"] {
            #expect(targets.contains(file), "no bad \(file)")
        }
        let commands = Set(cases.map { $0.command[0] })
        #expect(commands == ["validate", "zone", "commit", "lottery", "place", "classes", "quota", "classes-late", "vacancies"])
    }

    /// Each bad input: exit status 1, an error at `file:line:column` with the expected message,
    /// and nothing written or changed — in the case folder, the output folder, or the run folder
    /// that holds a previous valid run.
    @Test(arguments: BadInput.all)
    func rejected(_ bad: BadInput) throws {
        let work = try temporaryFolder("BadInput-\(bad.name)")
        defer { try? FileManager.default.removeItem(at: work) }
        let caseURL = work.appendingPathComponent("case")
        try FileManager.default.copyItem(at: BadInput.folder.appendingPathComponent("base"), to: caseURL)
        let (bytes, location) = try bad.contents()
        let path = work.path
        var arguments: [String]
        let outputs: URL
        if let outside = bad.outsideName {
            try bytes.write(to: work.appendingPathComponent(outside))
            try FileManager.default.copyItem(at: previousRun.appendingPathComponent("committed.json"), to: work.appendingPathComponent("committed.json"))
            try FileManager.default.copyItem(at: previousRun.appendingPathComponent("run"), to: work.appendingPathComponent("run"))
            outputs = work.appendingPathComponent("run")
            let common = ["\(path)/case", "--level", "primary", "--seed", Self.seed, "--out", "\(path)/run"]
            switch bad.command[0] {
            case "classes-late": arguments = ["classes"] + common + ["--late", "\(path)/late.csv", "--commitment", "\(path)/committed.json"]
            case "vacancies": arguments = ["vacancies"] + common + ["--withdrawn", "\(path)/withdrawn.csv", "--commitment", "\(path)/committed.json"]
            default: arguments = ["place"] + common + ["--commitment", "\(path)/commitment.json"]
            }
        } else {
            try bytes.write(to: caseURL.appendingPathComponent(bad.replaces))
            switch bad.command[0] {
            case "validate":
                outputs = caseURL
                arguments = ["validate", caseURL.path] + bad.command.dropFirst()
            case "zone", "commit":
                outputs = work.appendingPathComponent("out")
                try FileManager.default.copyItem(at: previousRun.appendingPathComponent("out"), to: outputs)
                arguments = bad.command[0] == "zone" ? ["zone", caseURL.path, "--level", "primary", "--out", "\(path)/out/zoning.csv"]
                    : ["commit", caseURL.path, "--out", "\(path)/out/commitment.json"]
            default:
                // A drawing command on a case committed as it is (bad file included), into an empty
                // run folder: the commitment holds, so the case's own problems must stop the draw.
                try Commitment(caseFolder: caseURL).write(to: work.appendingPathComponent("bad-case.json"))
                outputs = work.appendingPathComponent("run")
                try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
                let drawing = ["--seed", Self.seed, "--commitment", "\(path)/bad-case.json", "--out", outputs.path]
                if bad.command[0] == "classes" {
                    // Classes start from the level's recorded placement: placed first where the bad case
                    // allows it (a case with problems places nothing and classes reports them).
                    _ = try runEnroll(["place", caseURL.path, "--level", "junior"] + drawing)
                }
                arguments = [bad.command[0], caseURL.path] + (bad.command[0] == "quota" ? [] : ["--level", bad.command[0] == "classes" ? "junior" : "primary"])
                    + drawing
            }
        }
        let before = try snapshot(outputs)
        let caseBefore = try snapshot(caseURL)
        let result = try runEnroll(arguments)
        #expect(result.status == 1, "\(result.err)")
        let lines = result.err.split(separator: "\n").map { $0.hasPrefix("enroll: ") ? $0.dropFirst(8) : $0 }
        let hit = lines.first { $0.hasPrefix(location + ": ") }
        #expect(hit != nil, "expected an error at \(location), got:\n\(result.err.prefix(2000))")
        #expect(hit?.contains(bad.fragment) == true, "expected '\(bad.fragment)' in: \(hit ?? "")")
        #expect(result.err.utf8.count < 20_000, "messages must not echo huge fields")
        #expect(!result.out.contains("wrote"))
        #expect(try snapshot(outputs) == before, "the output folder changed")
        #expect(try snapshot(caseURL) == caseBefore, "the case folder changed")
    }
}
