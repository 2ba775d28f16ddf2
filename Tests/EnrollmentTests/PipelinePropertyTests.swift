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

/// Over random synthetic counties, every step of the pipeline keeps its promises: each
/// applicant placed (or not) exactly once, no school over capacity, classes within the size cap
/// holding exactly the admitted pupils, quota seats summing to each high school's quota — and the
/// results are the same bytes when run again and when every CSV file's rows are shuffled.
@Suite struct PipelinePropertyTests {
    static let seed = String(repeating: "5d", count: 32)

    /// The steps of a round.
    static let steps: [RoundStep] = [.placement(level: .primary, ring: nil), .placement(level: .junior, ring: nil),
                                     .classes(level: .primary), .classes(level: .junior), .quota]

    /// Every step's output files, by name: the steps run in order on the case loaded once, each
    /// starting from the outputs of the steps before it.
    static func outputs(_ folder: URL) throws -> [String: [UInt8]] {
        let loaded = try CaseFolder(url: folder).load()
        #expect(loaded.diagnostics.isEmpty)
        var out: [String: [UInt8]] = [:]
        for step in steps {
            let context = StepContext(admissionCase: loaded.admissionCase, seed: seed) { file, _ in try #require(out[file]) }
            for file in try step.perform(in: context).outputs { out[file.name] = file.bytes }
        }
        return out
    }

    /// A CSV output's rows, read by column name.
    struct Table {
        let table: CSVTable
        var count: Int { table.count }
        /// The field of `row` in column `name`; nil when there is no such column.
        subscript(row: Int, name: String) -> String? { table.index(of: name).map { table[row, $0] } }
    }

    static func table(_ bytes: [UInt8]?, _ name: String) throws -> Table {
        let present = try #require(bytes, "\(name) missing")
        return Table(table: try #require(CSVReader.parse(present, file: name).table))
    }

    /// A copy of the case in which every CSV file's data rows are in a shuffled order (the
    /// header stays first), shuffled by a generator seeded with `seed`.
    static func shuffledCopy(of folder: URL, files: [String], seed: UInt64, to copy: URL) throws {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            guard name.hasSuffix(".csv") else {
                try bytes.write(to: copy.appendingPathComponent(name))
                continue
            }
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            #expect(lines.last == "", "\(name) ends with a line feed")
            lines.removeLast()
            var rows = Array(lines.dropFirst())
            for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, Int(next() % UInt64(i + 1))) }
            try Data(([lines[0]] + rows).map { $0 + "\n" }.joined().utf8).write(to: copy.appendingPathComponent(name))
        }
    }

    /// Six synthetic counties; at this size every school forms one class, so the generator
    /// gives no apart_from requests (they could never hold).
    @Test(arguments: ["p1", "p2", "p3", "p4", "p5", "p6"])
    func everyStepKeepsItsInvariantsAndIgnoresRowOrder(_ countySeed: String) throws {
        let root = try temporaryFolder("property-\(countySeed)")
        let folder = root.appendingPathComponent("case")
        let county = SyntheticCounty(parameters: .init(seed: countySeed, applicants: 150, primaryColumns: 2, primaryRows: 2,
                                                       juniorZones: 2, multiSchoolZones: 1, privateJuniorSchools: 1))
        let files = try CaseWriter.write(county, to: folder)
        let c = county.admissionCase
        let out = try Self.outputs(folder)

        for level in [SchoolLevel.primary, .junior] {
            let placements = try Self.table(out["\(level.rawValue)/placements.csv"], "placements.csv")
            let ids = (0..<placements.count).map { placements[$0, "student_id"] ?? "" }
            // Each applicant exactly once.
            #expect(ids.sorted() == c.applicants(level).map(\.id).sorted(), "\(countySeed) \(level)")
            #expect(Set(ids).count == ids.count)
            // No school over capacity.
            var admitted: [String: [String]] = [:]
            for row in 0..<placements.count where placements[row, "status"] == "admitted" || placements[row, "status"] == "reassigned" {
                admitted[placements[row, "school_id"] ?? "", default: []].append(ids[row])
            }
            #expect(!admitted.isEmpty)
            for (school, pupils) in admitted {
                let capacity = try #require(c.schools.first { $0.id == school }?.capacity, "\(school) is not a school")
                #expect(pupils.count <= capacity, "\(countySeed) \(school): \(pupils.count) admitted for \(capacity) seats")
            }
            // Classes: exactly the admitted pupils, each once, in classes within the cap.
            let classes = try Self.table(out["\(level.rawValue)/classes.csv"], "classes.csv")
            var inClasses: [String: [String]] = [:]
            for row in 0..<classes.count { inClasses[classes[row, "school_id"] ?? "", default: []].append(classes[row, "student_id"] ?? "") }
            #expect(inClasses.mapValues { $0.sorted() } == admitted.mapValues { $0.sorted() }, "\(countySeed) \(level)")
            let summary = try Self.table(out["\(level.rawValue)/class-summary.csv"], "class-summary.csv")
            let cap = try #require(c.policy.classSizeCap[level])
            let sizes = (0..<summary.count).map { Int(summary[$0, "size"] ?? "") ?? -1 }
            #expect(sizes.allSatisfy { (1...cap).contains($0) }, "\(countySeed) \(level): class sizes \(sizes) over the cap \(cap)")
            #expect(sizes.reduce(0, +) == classes.count)
        }

        // Quota: each quality high school's seats sum to its quota; no graduate admitted twice,
        // and no junior school's quota seats overfilled.
        let allocation = try Self.table(out["quota/quota-allocation.csv"], "quota-allocation.csv")
        var seats: [String: Int] = [:], quota: [String: Set<String>] = [:], perJunior: [String: Int] = [:]
        for row in 0..<allocation.count {
            let high = allocation[row, "high_school_id"] ?? "", junior = allocation[row, "junior_school_id"] ?? ""
            seats[high, default: 0] += Int(allocation[row, "seats"] ?? "") ?? -1
            quota[high, default: []].insert(allocation[row, "quota"] ?? "")
            perJunior[high + "/" + junior] = Int(allocation[row, "seats"] ?? "") ?? -1
        }
        #expect(!seats.isEmpty)
        for (high, total) in seats {
            #expect(quota[high] == [String(total)], "\(countySeed) \(high): seats sum to \(total), quota \(quota[high] ?? [])")
        }
        let admissions = try Self.table(out["quota/quota-admissions.csv"], "quota-admissions.csv")
        let graduates = (0..<admissions.count).map { admissions[$0, "student_id"] ?? "" }
        #expect(Set(graduates).count == graduates.count)
        #expect(Set(graduates).isSubset(of: Set(c.graduates.map(\.id))))
        var byQuota: [String: Int] = [:]
        for row in 0..<admissions.count where admissions[row, "route"] == "quota" && admissions[row, "tied_above_quota"] == "false" {
            byQuota[(admissions[row, "high_school_id"] ?? "") + "/" + (admissions[row, "junior_school_id"] ?? ""), default: 0] += 1
        }
        for (key, count) in byQuota { #expect(count <= perJunior[key] ?? 0, "\(countySeed) \(key): \(count) admitted by quota") }

        // The same bytes again, and with every CSV file's rows shuffled.
        #expect(try Self.outputs(folder) == out)
        let shuffled = root.appendingPathComponent("shuffled")
        try Self.shuffledCopy(of: folder, files: files, seed: UInt64(countySeed.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }), to: shuffled)
        #expect(try Data(contentsOf: shuffled.appendingPathComponent("junior-applicants.csv")) != Data(contentsOf: folder.appendingPathComponent("junior-applicants.csv")))
        let permuted = try Self.outputs(shuffled)
        #expect(permuted.keys.sorted() == out.keys.sorted())
        for (name, bytes) in out.sorted(by: { $0.key < $1.key }) {
            #expect(permuted[name] == bytes, "\(countySeed) \(name) differs when the case's rows are shuffled")
        }
    }
}
