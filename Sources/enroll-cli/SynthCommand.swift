import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum SynthCommand: EnrollCommand {
    static let seed = Argument<String>.option("seed", valueName: "seed", help: "Any text; it determines every random choice.", as: .text)
    static let applicants = Argument<Int>.option("applicants", valueName: "n", help: "About this many applicants per level, and graduates.", default: "3000", as: .count)
    static let out = Argument<URL>.option("out", valueName: "folder", help: "The case folder to write (created if needed).", as: .path)
    static let juniorApplicants = Argument<Int?>.optional("junior-applicants", valueName: "n", help: "About this many junior applicants (default: as --applicants).", as: .count)
    static let graduates = Argument<Int?>.optional("graduates", valueName: "n", help: "About this many graduates (default: as --applicants).", as: .count)
    static let primaryZones = Argument<(columns: Int, rows: Int)?>.optional("primary-zones", valueName: "columns x rows", help: "The grid of primary zones, e.g. 4x3. Scaled to N when omitted.", as: .grid)
    static let juniorZones = Argument<Int?>.optional("junior-zones", valueName: "n", help: "Junior zones, each a block of primary zones. Scaled to N when omitted.", as: .integer(in: 1...10_000))
    static let multiSchoolZones = Argument<Int?>.optional("multi-school-zones", valueName: "n", help: "How many junior zones hold two or three schools (多校划片).", as: .integer(in: 0...10_000))
    static let secondRound = Argument<Int?>.optional("second-round-applicants", valueName: "n", help: "Also write a primary second round (second-round/): n late applicants, and every 200th first-round applicant declining.", as: .integer(in: 1...1_000_000))
    static let privateJuniorSchools = Argument<Int?>.optional("private-junior-schools", valueName: "n", help: "Private junior schools (民办), admitting by lottery.", as: .integer(in: 0...1000))

    static let spec = CommandSpec(
        name: "synth",
        abstract: "Write a deterministic synthetic case, to rehearse a round or to benchmark.",
        discussion: "The same seed and options give the same files, byte for byte. The case has schools, zones as polygons, about N applicants at each level, about N graduates and a policy; `enroll validate` passes on it. The folder is replaced as a whole (written beside it, then the names exchanged): a kill leaves the old case or the new one; a non-empty folder that is not a case is refused; one command writes it at a time (another is refused naming it, or waits with --wait).",
        arguments: [seed.spec, applicants.spec, out.spec, juniorApplicants.spec, graduates.spec, primaryZones.spec, juniorZones.spec,
                    multiSchoolZones.spec, privateJuniorSchools.spec, secondRound.spec, PublishCommand.wait.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        var parameters = SyntheticCounty.Parameters.scaled(seed: try arguments[seed], applicants: try arguments[applicants])
        if let grid = try arguments[primaryZones] {
            (parameters.primaryColumns, parameters.primaryRows) = grid
        }
        parameters.juniorApplicants = try arguments[juniorApplicants]
        parameters.graduates = try arguments[graduates]
        parameters.juniorZones = try arguments[juniorZones] ?? parameters.juniorZones
        let multiSchool = try arguments[multiSchoolZones]
        if let multiSchool, multiSchool > parameters.juniorZones {
            throw UsageError.invalidValue(option: "multi-school-zones", value: String(multiSchool),
                                          reason: "give a whole number from 0 to \(parameters.juniorZones), the number of junior zones")
        }
        parameters.multiSchoolZones = multiSchool ?? min(parameters.multiSchoolZones, parameters.juniorZones)
        parameters.privateJuniorSchools = try arguments[privateJuniorSchools] ?? parameters.privateJuniorSchools
        parameters.secondRoundApplicants = try arguments[secondRound] ?? 0
        let county = SyntheticCounty(parameters: parameters)
        let out = try arguments[out]
        let files = try CaseWriter.replace(out, with: county, wait: try arguments[PublishCommand.wait],
                                           waiting: { Console.error("\(out.path): waiting for \($0)") })
        let c = county.admissionCase
        print("wrote \(files.count) files to \(out.path): \(c.schools.count) schools, \(county.zones.count + county.zoneDeclarations.count) zones, "
              + "\(c.primaryApplicants.count) primary and \(c.juniorApplicants.count) junior applicants, \(c.graduates.count) graduates")
        return 0
    }
}

extension ArgumentType where T == Int {
    /// A number of people: a whole number from 10 to 10,000,000.
    static var count: ArgumentType { .integer(in: 10...10_000_000) }
}

extension ArgumentType where T == (columns: Int, rows: Int) {
    /// `columns x rows`, each from 1 to 1,000, e.g. `4x3`.
    static var grid: ArgumentType {
        ArgumentType { text throws(Invalid) in
            let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts.allSatisfy({ (1...1000).contains($0) }) else { throw Invalid("write columns x rows, e.g. 4x3") }
            return (parts[0], parts[1])
        }
    }
}
