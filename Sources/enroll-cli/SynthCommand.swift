import Enrollment
import Foundation

enum SynthCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "synth",
        abstract: "Write a deterministic synthetic case, to rehearse a round or to benchmark.",
        discussion: "The same seed and options give the same files, byte for byte. The case has schools, zones as polygons, about N applicants at each level, about N graduates and a policy; `enroll validate` passes on it.",
        arguments: [
            .option("seed", valueName: "seed", help: "Any text; it determines every random choice.", required: true),
            .option("applicants", valueName: "n", help: "About this many applicants per level, and graduates.", default: "3000"),
            .option("out", valueName: "folder", help: "The case folder to write (created if needed).", required: true),
            .option("junior-applicants", valueName: "n", help: "About this many junior applicants (default: as --applicants)."),
            .option("graduates", valueName: "n", help: "About this many graduates (default: as --applicants)."),
            .option("primary-zones", valueName: "columns x rows", help: "The grid of primary zones, e.g. 4x3. Scaled to N when omitted."),
            .option("junior-zones", valueName: "n", help: "Junior zones, each a block of primary zones. Scaled to N when omitted."),
            .option("multi-school-zones", valueName: "n", help: "How many junior zones hold two or three schools (多校划片)."),
            .option("private-junior-schools", valueName: "n", help: "Private junior schools (民办), admitting by lottery."),
        ]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let seed = arguments.value("seed")!
        let n = try arguments.integer("applicants", in: 10...10_000_000) ?? 3000
        var parameters = SyntheticCounty.Parameters.scaled(seed: seed, applicants: n)
        if let grid = arguments.value("primary-zones") {
            let parts = grid.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts.allSatisfy({ (1...1000).contains($0) }) else {
                throw UsageError.invalidValue(option: "primary-zones", value: grid, reason: "write columns x rows, e.g. 4x3")
            }
            parameters.primaryColumns = parts[0]
            parameters.primaryRows = parts[1]
        }
        parameters.juniorApplicants = try arguments.integer("junior-applicants", in: 10...10_000_000)
        parameters.graduates = try arguments.integer("graduates", in: 10...10_000_000)
        parameters.juniorZones = try arguments.integer("junior-zones", in: 1...10_000) ?? parameters.juniorZones
        parameters.multiSchoolZones = try arguments.integer("multi-school-zones", in: 0...parameters.juniorZones) ?? min(parameters.multiSchoolZones, parameters.juniorZones)
        parameters.privateJuniorSchools = try arguments.integer("private-junior-schools", in: 0...1000) ?? parameters.privateJuniorSchools
        let county = SyntheticCounty(parameters: parameters)
        let out = URL(fileURLWithPath: arguments.value("out")!)
        let files = try CaseWriter.write(county, to: out)
        let c = county.admissionCase
        print("wrote \(files.count) files to \(out.path): \(c.schools.count) schools, \(county.zones.count + county.zoneDeclarations.count) zones, "
              + "\(c.primaryApplicants.count) primary and \(c.juniorApplicants.count) junior applicants, \(c.graduates.count) graduates")
        return 0
    }
}

extension ParsedArguments {
    /// An integer option in `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError.invalidValue(option: name, value: text, reason: "give a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
