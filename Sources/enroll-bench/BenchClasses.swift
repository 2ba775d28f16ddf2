import Foundation
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis

/// `enroll-bench classes [--small N] [--export DIR] [--large L] [--large-pupils P] [--city-schools S]
/// [--city-pupils P] [--runs R] [--effort E] [--kicks K] [--seed S]`: balanced class formation (S:
/// the seed of the small schools' pupils, 42 by default).
/// - small: N synthetic schools (default 16) of 40–200 pupils (evenly spread) in 4 classes, 5
///   above 180 pupils, with twins, together and apart requests; each is formed (median of R runs,
///   default 5) and exported with the result to DIR/school-NN.json (default bench/out/classes)
///   for bench/classes/milp.py.
/// - large: L schools (default 1) of P pupils (default 3,000: 60 classes at the junior cap of
///   50) mixed as `enroll synth` mixes junior applicants (`synthLikeSchool`), each formed and
///   timed (median of R runs).
/// - city: S schools (default 200) sharing P pupils (default 300,000), junior policy (cap 50);
///   the whole step is timed (median of R runs) on one core (schools in turn) and on all cores
///   (`ClassFormation.form(schools:)`), and the two results are checked equal.
/// - E, K: the policy's `searchEffort` and `kickSwaps` (defaults: the policy's).
enum BenchClasses {
    static let summary = "balanced class formation [--small N] [--export DIR] [--large L] [--large-pupils P] [--city-schools S] [--city-pupils P] [--runs R] [--effort E] [--kicks K] [--seed S]"

    struct UsageError: Error, CustomStringConvertible {
        var description: String {
            "usage: enroll-bench classes [--small N] [--export DIR] [--large L] [--large-pupils P] [--city-schools S] [--city-pupils P] [--runs R] [--effort E] [--kicks K] [--seed S]"
        }
    }

    static let subjects = ["chinese", "maths"]

    /// A synthetic school: gender even, 10 % left-behind, 12 % migrant, 2 % disabled; integer
    /// scores (total 250–600 around a school-specific level, subjects 40–100); twins, together
    /// and apart requests among about 2 % of pupils each.
    static func school(_ number: Int, pupils count: Int, seed: UInt64) -> [ClassPupil] {
        var draw = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(number))
        var ranks = Array(1...count)
        draw.shuffle(&ranks)
        let level = 380 + draw.nextInt(below: 80)
        var pupils = (0..<count).map { i -> ClassPupil in
            var tags: Set<String> = []
            if draw.nextInt(below: 100) < 10 { tags.insert("left_behind") }
            if draw.nextInt(below: 100) < 12 { tags.insert("migrant") }
            if draw.nextInt(below: 100) < 2 { tags.insert("disabled") }
            let ability = draw.nextInt(below: 61) - 30
            let score = max(250, min(600, level + 3 * ability + draw.nextInt(below: 41) - 20))
            var subjectScores: [String: Double] = [:]
            for s in subjects { subjectScores[s] = Double(max(40, min(100, 70 + ability + draw.nextInt(below: 21) - 10))) }
            return ClassPupil(studentID: String(format: "S%03d%05d", number, i), gender: draw.nextInt(below: 100) < 50 ? .male : .female,
                              tags: tags, score: Double(score), subjectScores: subjectScores, lotteryRank: ranks[i])
        }
        let requests = max(1, count / 50)
        for t in 0..<requests {
            let a = draw.nextInt(below: count), b = draw.nextInt(below: count)
            guard a != b, pupils[a].twinGroup == nil, pupils[b].twinGroup == nil else { continue }
            switch t % 3 {
            case 0: pupils[a].twinGroup = "tw\(t)"; pupils[b].twinGroup = "tw\(t)"
            case 1: pupils[a].togetherWith.append(pupils[b].studentID)
            default: pupils[a].apartFrom.append(pupils[b].studentID)
            }
        }
        return pupils
    }

    static func run(_ arguments: [String]) throws {
        var small = 16, large = 1, largePupils = 3000, runs = 5, citySchools = 200, cityPupils = 300_000, seed: UInt64 = 42
        var tuning = ClassFormationPolicy.primary
        var export = URL(fileURLWithPath: "bench/out/classes")
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch (option, rest.popFirst()) {
            case let ("--small", value?): small = Int(value) ?? small
            case let ("--runs", value?): runs = max(1, Int(value) ?? runs)
            case let ("--large", value?): large = Int(value) ?? large
            case let ("--large-pupils", value?): largePupils = Int(value) ?? largePupils
            case let ("--city-schools", value?): citySchools = Int(value) ?? citySchools
            case let ("--city-pupils", value?): cityPupils = Int(value) ?? cityPupils
            case let ("--export", value?): export = URL(fileURLWithPath: value)
            case let ("--effort", value?): tuning.searchEffort = Int(value) ?? tuning.searchEffort
            case let ("--kicks", value?): tuning.kickSwaps = Int(value) ?? tuning.kickSwaps
            case let ("--seed", value?): seed = UInt64(value) ?? seed
            default: throw UsageError()
            }
        }
        print("searchEffort \(tuning.searchEffort), kickSwaps \(tuning.kickSwaps)")
        if small > 0 { try runSmall(small, runs: runs, export: export, tuning: tuning, seed: seed) }
        if large > 0 { try runLarge(large, pupils: largePupils, runs: runs, tuning: tuning) }
        if citySchools > 0 { try runCity(schools: citySchools, pupils: cityPupils, runs: runs, tuning: tuning) }
    }

    static func tuned(_ policy: ClassFormationPolicy, _ tuning: ClassFormationPolicy) -> ClassFormationPolicy {
        var policy = policy
        policy.searchEffort = tuning.searchEffort
        policy.kickSwaps = tuning.kickSwaps
        return policy
    }

    static func runSmall(_ count: Int, runs: Int, export: URL, tuning: ClassFormationPolicy, seed: UInt64) throws {
        print("small schools (exported to \(export.path)):")
        print("school pupils classes objective bound spread_score spread_chinese spread_maths passes ms cpu_ms")
        for s in 0..<count {
            let n = 40 + 160 * s / max(1, count - 1)
            let pupils = school(s, pupils: n, seed: seed)
            var policy = tuned(.primary, tuning)
            policy.classCount = n > 180 ? 5 : 4
            let (seconds, result, cpu) = try time(runs: runs) { () throws(ClassFormationError) in
                var draw = SplitMix64(seed: UInt64(7 + s))
                return try ClassFormation.form(pupils, policy: policy, draw: &draw)
            }
            let spreads = result.balance.map { String(format: "%.3f", $0.spread) }.joined(separator: " ")
            print(String(format: "%6d %6d %7d %9.3f %6.3f ", s, n, result.classCount, result.objective, result.objectiveLowerBound ?? -1) + spreads
                  + String(format: " %6d %7.2f %7.2f", result.passes, seconds * 1000, cpu * 1000))
            try AtomicFile.write(instanceJSON(s, pupils, policy, result, seconds),
                                 to: export.appendingPathComponent(String(format: "school-%02d.json", s)))
        }
    }

    /// A school of `count` pupils mixed as `enroll synth` mixes junior applicants: 51.5 % boys;
    /// 14.5 % migrant, 4 % of the others left-behind, 1.5 % disabled; `score` 60–100 and
    /// `chinese` 55–100, `math` 50–100, each independent and bell-shaped (the mean of four
    /// uniforms) in half points; 1 % twin pairs, 0.2 % together and 0.3 % apart requests with
    /// the pupil before.
    static func synthLikeSchool(_ number: Int, pupils count: Int) -> [ClassPupil] {
        var draw = SplitMix64(seed: 0x5EED_0000 &+ UInt64(number))
        func chance(_ p: Double) -> Bool { Double(draw.next() >> 11) / Double(1 << 53) < p }
        func score(_ low: Double, _ high: Double) -> Double {
            let u = (0..<4).map { _ in Double(draw.next() >> 11) / Double(1 << 53) }.reduce(0, +) / 4
            return ((low + u * (high - low)) * 2).rounded() / 2
        }
        var ranks = Array(1...count)
        draw.shuffle(&ranks)
        var pupils: [ClassPupil] = []
        while pupils.count < count {
            var tags: Set<String> = []
            if chance(0.145) { tags.insert("migrant") } else if chance(0.04) { tags.insert("left_behind") }
            if chance(0.015) { tags.insert("disabled") }
            var p = ClassPupil(studentID: String(format: "L%03d%05d", number, pupils.count), gender: chance(0.515) ? .male : .female,
                               tags: tags, score: score(60, 100), subjectScores: ["chinese": score(55, 100), "math": score(50, 100)],
                               lotteryRank: ranks[pupils.count])
            if let previous = pupils.last, previous.twinGroup == nil {
                if chance(0.003) { p.apartFrom = [previous.studentID] } else if chance(0.002) { p.togetherWith = [previous.studentID] }
            }
            pupils.append(p)
            if chance(0.01), pupils.count < count {
                var twin = p
                twin.studentID = String(format: "L%03d%05d", number, pupils.count)
                twin.gender = chance(0.5) ? .male : .female
                twin.apartFrom = []
                twin.togetherWith = []
                twin.lotteryRank = ranks[pupils.count]
                twin.twinGroup = "T" + p.studentID
                pupils[pupils.count - 1].twinGroup = twin.twinGroup
                pupils.append(twin)
            }
        }
        return pupils
    }

    static func runLarge(_ count: Int, pupils: Int, runs: Int, tuning: ClassFormationPolicy) throws {
        print("large schools (pupils mixed as enroll synth mixes them, junior policy):")
        print("school pupils classes objective bound spread_score spread_chinese spread_math passes ms cpu_ms head_teachers_ms")
        for s in 0..<count {
            let school = synthLikeSchool(s, pupils: pupils)
            let policy = tuned(.junior, tuning)
            let (seconds, result, cpu) = try time(runs: runs) { () throws(ClassFormationError) in
                var draw = SplitMix64(seed: UInt64(7 + s))
                return try ClassFormation.form(school, policy: policy, draw: &draw)
            }
            // Head teachers as `enroll synth` lists them: one more than the classes, every fifth
            // with a child among the school's pupils.
            var pick = SplitMix64(seed: UInt64(s))
            let teachers = (0...result.classCount).map { t in
                HeadTeacher(teacherID: String(format: "T%04d", t), childStudentIDs: t % 5 == 0 ? [school[pick.nextInt(below: school.count)].studentID] : [])
            }
            let classes = result.classes.map(\.studentIDs)
            let (drawSeconds, _, _) = try time(runs: runs) { () throws(HeadTeacherDrawError) in
                var draw = SplitMix64(seed: UInt64(11 + s))
                return try HeadTeacherDraw.assign(teachers: teachers, classes: classes, draw: &draw)
            }
            let spreads = result.balance.map { String(format: "%.3f", $0.spread) }.joined(separator: " ")
            print(String(format: "%6d %6d %7d %9.3f %6.3f ", s, school.count, result.classCount, result.objective, result.objectiveLowerBound ?? -1)
                  + spreads + String(format: " %6d %7.1f %7.1f %7.1f", result.passes, seconds * 1000, cpu * 1000, drawSeconds * 1000))
        }
    }

    static func runCity(schools: Int, pupils total: Int, runs: Int, tuning: ClassFormationPolicy) throws {
        var draw = SplitMix64(seed: 2026)
        var sizes = (0..<schools).map { _ in 500 + draw.nextInt(below: 2001) }
        let scale = Double(total) / Double(sizes.reduce(0, +))
        sizes = sizes.map { Int((Double($0) * scale).rounded()) }
        sizes[0] += total - sizes.reduce(0, +)
        let city = sizes.enumerated().map { school($0, pupils: $1, seed: 7) }
        let policy = tuned(.junior, tuning)
        let (serialSeconds, serial, serialCPU) = try time(runs: runs) { () throws(ClassFormationError) in
            try city.enumerated().map { s, pupils throws(ClassFormationError) in
                var draw = cityDraw(s)
                return try ClassFormation.form(pupils, policy: policy, draw: &draw)
            }
        }
        let (seconds, results, cpu) = try time(runs: runs) { () throws(ClassFormationError) in
            try ClassFormation.form(schools: city.enumerated().map { s, pupils in (pupils, policy, cityDraw(s)) })
                .map { outcome throws(ClassFormationError) in try outcome.get() }
        }
        precondition(results == serial, "parallel and serial city results differ")
        func worst(_ f: (ClassFormationResult) -> Int) -> Int { results.map(f).max()! }
        let spreads = results.map { $0.balance[0].spread }
        print("city: \(schools) schools, \(total) pupils, \(results.map(\.classCount).reduce(0, +)) classes")
        print(String(format: "city: whole step, one core: %.3f s wall, %.3f s CPU (medians of %d)", serialSeconds, serialCPU, runs))
        print(String(format: "city: whole step, all cores: %.3f s wall, %.3f s CPU (medians of %d), %.0f pupils/s; results identical",
                     seconds, cpu, runs, Double(total) / seconds))
        let atBound = results.filter { r in r.objectiveLowerBound.map { r.objective <= $0 + 1e-7 * max(1, $0) } ?? false }.count
        let excess = results.map { r in r.objective - (r.objectiveLowerBound ?? r.objective) }
        print(String(format: "city: %d of %d schools at their proven lower bound; objective above the bound: mean %.3f, max %.3f",
                     atBound, results.count, excess.reduce(0, +) / Double(excess.count), excess.max()!))
        print("city: largest size range \(worst { r in range(r.classes.map(\.size)) }), boys \(worst { r in range(r.classes.map(\.boys)) }), girls \(worst { r in range(r.classes.map(\.girls)) })")
        print(String(format: "city: score spread of class means: mean %.3f, max %.3f; passes: mean %.1f, max %d",
                     spreads.reduce(0, +) / Double(spreads.count), spreads.max()!,
                     Double(results.map(\.passes).reduce(0, +)) / Double(results.count), results.map(\.passes).max()!))
    }

    /// The draw of school `s` of the city, as the round's classes step makes it.
    static func cityDraw(_ s: Int) -> LotteryStream {
        LotteryStream(seed: String(repeating: "5e", count: 32), draw: "classes/\(s)")
    }

    static func range(_ values: [Int]) -> Int { values.max()! - values.min()! }

    /// Median wall-clock seconds and median CPU seconds (user + system, of this process) of
    /// `runs` runs of `body`, with the last result (benchmark only). On a shared machine the
    /// CPU time is the figure that does not depend on the other processes.
    static func time<T, E: Error>(runs: Int, _ body: () throws(E) -> T) throws(E) -> (Double, T, cpu: Double) {
        func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        var cpu: [Double] = []
        var last: T?
        for _ in 0..<runs {
            let start = clock.now
            let startCPU = cpuSeconds()
            last = try body()
            cpu.append(cpuSeconds() - startCPU)
            let d = start.duration(to: clock.now).components
            times.append(Double(d.seconds) + Double(d.attoseconds) / 1e18)
        }
        return (times.sorted()[runs / 2], last!, cpu.sorted()[runs / 2])
    }

    /// The instance and our result, for the exact MILP in bench/classes/milp.py.
    static func instanceJSON(_ number: Int, _ pupils: [ClassPupil], _ policy: ClassFormationPolicy,
                             _ result: ClassFormationResult, _ seconds: Double) throws -> [UInt8] {
        let rows: [[String: Any]] = pupils.map { p in
            var row: [String: Any] = [
                "id": p.studentID, "gender": p.gender.rawValue, "tags": p.tags.sorted(), "rank": p.lotteryRank,
                "subjects": p.subjectScores, "together_with": p.togetherWith, "apart_from": p.apartFrom,
                "class": result.classOf[p.studentID]!,
            ]
            if let s = p.score { row["score"] = s }
            if let t = p.twinGroup { row["twin_group"] = t }
            return row
        }
        let object: [String: Any] = [
            "school": number, "class_count": result.classCount, "class_size_cap": policy.classSizeCap,
            "care_groups": policy.careGroups, "disabled_per_class": policy.disabledPerClass ?? -1,
            "twins": policy.twins.rawValue, "measures": result.balance.map(\.measure),
            "objective": result.objective, "lower_bound": result.objectiveLowerBound ?? -1, "seconds": seconds, "pupils": rows,
        ]
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}
