// enroll-bench placement: deferred acceptance on a large random instance.
//   enroll-bench placement [--students N] [--schools M] [--choices K] [--seed S] [--runs R] [--export DIR]
// Prints the median time of R runs of deferred acceptance (and of immediate acceptance), the
// outcome's shape and the peak resident memory; --export writes the instance and the
// deferred-acceptance matching as CSV files for the peers under bench/placement/.
import Foundation
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis

enum BenchPlacement {
    /// The options of the placement benchmark.
    struct Options {
        var students = 1_000_000
        var schools = 1_000
        var choices = 5
        var seed: UInt64 = 1
        var runs = 5
        var export: String?

        init(_ arguments: [String]) throws {
            var i = 0
            func value() throws -> String {
                i += 1
                guard i < arguments.count else { throw UsageError.missingValue(arguments[i - 1]) }
                return arguments[i]
            }
            func number() throws -> Int {
                let text = try value()
                guard let n = Int(text), n > 0 else { throw UsageError.notAPositiveNumber(arguments[i - 1], text) }
                return n
            }
            while i < arguments.count {
                switch arguments[i] {
                case "--students": students = try number()
                case "--schools": schools = try number()
                case "--choices": choices = try number()
                case "--seed": seed = UInt64(try number())
                case "--runs": runs = try number()
                case "--export": export = try value()
                default: throw UsageError.unknownOption(arguments[i])
                }
                i += 1
            }
            choices = min(choices, schools)
        }
    }

    enum UsageError: Error, CustomStringConvertible {
        case missingValue(String)
        case notAPositiveNumber(String, String)
        case unknownOption(String)

        var description: String {
            switch self {
            case let .missingValue(option): return "\(option) needs a value"
            case let .notAPositiveNumber(option, text): return "\(option): '\(text)' is not a positive whole number"
            case let .unknownOption(option): return "unknown option \(option)"
            }
        }
    }

    /// A random county: schools of uneven popularity (a student picks school of popularity
    /// rank r with weight ∝ 1/(r + 10)), seats for 95 % of the students spread unevenly, tiers
    /// 0–3 at each listed school (10 %, 20 %, 30 %, 40 %), tie-break ranks a random permutation.
    static func randomInstance(_ o: Options) throws -> MatchingInstance {
        var g = SplitMix64(seed: o.seed)
        let n = o.students, m = o.schools
        var byPopularity = Array(0..<m)
        for i in stride(from: m - 1, to: 0, by: -1) { byPopularity.swapAt(i, g.nextInt(below: i + 1)) }
        var cumulative = [Double](repeating: 0, count: m)
        var total = 0.0
        for r in 0..<m {
            total += 1 / Double(r + 10)
            cumulative[r] = total
        }
        let weights = (0..<m).map { _ in 0.5 + g.unit() }
        let weightSum = weights.reduce(0, +)
        let capacities = weights.map { Int32((0.95 * Double(n) * $0 / weightSum).rounded(.down)) }

        var offsets = [Int32](repeating: 0, count: n + 1)
        var schools = [Int32]()
        var tiers = [Int32]()
        schools.reserveCapacity(n * o.choices)
        tiers.reserveCapacity(n * o.choices)
        var listed = [Int32](repeating: -1, count: m)
        for i in 0..<n {
            var k = 0
            while k < o.choices {
                let u = g.unit() * total
                var low = 0, high = m - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] > u { high = mid } else { low = mid + 1 }
                }
                let s = byPopularity[low]
                if listed[s] == Int32(i) { continue }
                listed[s] = Int32(i)
                schools.append(Int32(s))
                let t = g.nextInt(below: 10)
                tiers.append(t < 1 ? 0 : t < 3 ? 1 : t < 6 ? 2 : 3)
                k += 1
            }
            offsets[i + 1] = Int32(schools.count)
        }
        var tieRanks = (0..<n).map { Int32($0) }
        for i in stride(from: n - 1, to: 0, by: -1) { tieRanks.swapAt(i, g.nextInt(below: i + 1)) }
        return try MatchingInstance(
            capacities: capacities, choiceOffsets: offsets, choiceSchools: schools, choiceTiers: tiers,
            tieRanks: tieRanks)
    }

    /// Reassigns the students `matching` leaves unplaced, with homes and schools at random
    /// points of a 1° × 1° county, to the nearest school with a free seat; returns how many
    /// students were served.
    static func reassign(_ matching: Matching, in instance: MatchingInstance, seed: UInt64) -> Int {
        var g = SplitMix64(seed: seed ^ 0x5EA7)
        func point() -> Reassignment.Location {
            Reassignment.Location(latitude: 30 + g.unit(), longitude: 120 + g.unit())
        }
        let schools = (0..<instance.schoolCount).map { _ in point() }
        let homes: [Reassignment.Location?] = (0..<instance.studentCount).map { _ in point() }
        let unplaced = (0..<instance.studentCount).filter { matching.school(of: $0) == nil }
        let order = Reassignment.order(unplaced, in: instance, tierWithoutChoices: 0)
        let (decisions, _) = Reassignment.reassign(
            order, after: matching, in: instance, candidates: Array(0..<instance.schoolCount), homes: homes,
            schools: schools)
        return decisions.count
    }

    /// Appends the decimal digits of a non-negative integer.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(48 + value % 10))
    }

    /// Writes the instance and the matching as CSV: students.csv (student,tie_rank),
    /// choices.csv (student,rank,school,tier), schools.csv (school,capacity),
    /// matching-swift.csv (student,school; empty school for none).
    static func export(_ instance: MatchingInstance, _ matching: Matching, to folder: String) throws {
        let dir = URL(fileURLWithPath: folder)
        func table(_ header: String, _ rows: Int, _ fields: (Int, inout [UInt8]) -> Void) -> [UInt8] {
            var bytes = Array((header + "\n").utf8)
            bytes.reserveCapacity(rows * 16)
            for r in 0..<rows {
                fields(r, &bytes)
                bytes.append(10)
            }
            return bytes
        }
        let comma = UInt8(ascii: ",")
        try AtomicFile.write(table("student,tie_rank", instance.studentCount) { i, b in
            appendDecimal(i, to: &b); b.append(comma); appendDecimal(Int(instance.tieRanks[i]), to: &b)
        }, to: dir.appendingPathComponent("students.csv"))
        try AtomicFile.write(table("school,capacity", instance.schoolCount) { s, b in
            appendDecimal(s, to: &b); b.append(comma); appendDecimal(Int(instance.capacities[s]), to: &b)
        }, to: dir.appendingPathComponent("schools.csv"))
        var studentOfChoice = [Int32](repeating: 0, count: instance.choiceSchools.count)
        for i in 0..<instance.studentCount {
            for c in instance.choiceRange(of: i) { studentOfChoice[c] = Int32(i) }
        }
        try AtomicFile.write(table("student,rank,school,tier", instance.choiceSchools.count) { c, b in
            let i = Int(studentOfChoice[c])
            appendDecimal(i, to: &b); b.append(comma)
            appendDecimal(c - Int(instance.choiceOffsets[i]) + 1, to: &b); b.append(comma)
            appendDecimal(Int(instance.choiceSchools[c]), to: &b); b.append(comma)
            appendDecimal(Int(instance.choiceTiers[c]), to: &b)
        }, to: dir.appendingPathComponent("choices.csv"))
        try AtomicFile.write(table("student,school", matching.studentCount) { i, b in
            appendDecimal(i, to: &b); b.append(comma)
            if let s = matching.school(of: i) { appendDecimal(s, to: &b) }
        }, to: dir.appendingPathComponent("matching-swift.csv"))
    }

    static let summary = "deferred and immediate acceptance on a random instance "
        + "[--students N] [--schools M] [--choices K] [--seed S] [--runs R] [--export DIR]"

    static func run(_ arguments: [String]) throws {
        let o = try Options(arguments)
        print("placement: \(o.students) students, \(o.schools) schools, \(o.choices) choices, seed \(o.seed)")
        let (buildSeconds, instance) = try medianSeconds(runs: 1) { try randomInstance(o) }
        let seats = instance.capacities.reduce(0) { $0 + Int($1) }
        print(String(format: "instance: %d seats, built and validated in %.0f ms", seats, buildSeconds * 1e3))
        let (daSeconds, matching) = medianSeconds(runs: o.runs) { DeferredAcceptance.match(instance) }
        let (iaSeconds, ia) = medianSeconds(runs: o.runs) { ImmediateAcceptance.match(instance) }
        let (auditSeconds, violations) = medianSeconds(runs: 1) {
            MatchingAudit.audit(matching, in: instance, mechanism: .deferredAcceptance)
        }
        func shape(_ m: Matching) -> String {
            var byRank = [Int](repeating: 0, count: o.choices + 1)
            for i in 0..<m.studentCount { byRank[m.choiceRank(of: i) ?? 0] += 1 }
            return "placed \(m.studentCount - byRank[0]), unplaced \(byRank[0]), by choice rank "
                + byRank.dropFirst().map(String.init).joined(separator: "/")
        }
        print(String(format: "deferred-acceptance: median %.1f ms of %d runs", daSeconds * 1e3, o.runs))
        print("  \(shape(matching))")
        print(String(format: "immediate-acceptance: median %.1f ms of %d runs", iaSeconds * 1e3, o.runs))
        print("  \(shape(ia))")
        let (reassignSeconds, decisions) = medianSeconds(runs: 1) { reassign(matching, in: instance, seed: o.seed) }
        print(String(format: "reassignment of %d unplaced students to the nearest of %d schools: %.0f ms",
            decisions, instance.schoolCount, reassignSeconds * 1e3))
        let differing = (0..<instance.studentCount).filter { matching.school(of: $0) != ia.school(of: $0) }.count
        print("students placed differently by the two mechanisms: \(differing)")
        print(String(format: "stability audit: %d violations, %.0f ms", violations.count, auditSeconds * 1e3))
        print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
        if let folder = o.export {
            try export(instance, matching, to: folder)
            print("exported to \(folder)")
        }
    }
}
