/// The classes of one school, as formed by `ClassFormation.form`.
package struct ClassFormationResult: Hashable, Sendable {
    /// Number of classes (班数).
    package var classCount: Int
    /// Class number (1-based) of each pupil, by student_id.
    package var classOf: [String: Int]
    /// One summary per class, class 1 first.
    package var classes: [ClassSummary]
    /// Balance of each measure (`score` first, then subjects in code-point order).
    package var balance: [MeasureBalance]
    /// The objective reached (docs/CLASSES.md): Σ_m weight(m) × Σ_c |class sum of deviations|.
    package var objective: Double
    /// A proven lower bound of the objective for these class sizes, when every pupil has a
    /// whole-number value for every measure (docs/CLASSES.md, "Lower bound"); `nil` otherwise.
    /// When `objective` equals it, no assignment with these class sizes is better.
    package var objectiveLowerBound: Double?
    /// Single-swap descent passes run.
    package var passes: Int
}

/// What a class looks like once formed: what a parent may compare between classes.
package struct ClassSummary: Hashable, Sendable {
    /// 1-based class number.
    package var number: Int
    /// Members' student_ids, sorted.
    package var studentIDs: [String]
    package var size: Int
    /// Size with each disabled pupil counted `disabledWeight` times (compared with the cap).
    package var weightedSize: Int
    package var boys: Int
    package var girls: Int
    /// Mean and population standard deviation of `score` over members who have one.
    package var scoreMean: Double?
    package var scoreStandardDeviation: Double?
    /// Members per care group of the policy (every group listed, zeros included).
    package var careCounts: [String: Int]
    /// Disabled members (随班就读).
    package var disabled: Int
    /// Mean per subject over members who have a score in it.
    package var subjectMeans: [String: Double]
}

/// How evenly one measure is spread over the classes.
package struct MeasureBalance: Hashable, Sendable {
    /// `score` or a subject name.
    package var measure: String
    /// Class mean per class (class 1 first); `nil` where no member has a value.
    package var classMeans: [Double?]
    /// Largest minus smallest class mean (0 with fewer than two class means).
    package var spread: Double
    /// Population standard deviation of the class means.
    package var standardDeviation: Double
}

extension ClassState {
    /// The public result of the current assignment.
    func result(passes: Int) -> ClassFormationResult {
        let problem = self.problem
        var members = [[Int]](repeating: [], count: classCount)
        var classOf: [String: Int] = [:]
        for (p, c) in self.classOf.enumerated() {
            members[c].append(p)
            classOf[problem.pupils[p].studentID] = c + 1
        }
        func meanAndDeviation(_ values: [Double]) -> (Double, Double)? {
            guard !values.isEmpty else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            return (mean, variance.squareRoot())
        }
        let classMeans: [[Double?]] = problem.measures.map { name in
            members.map { group in meanAndDeviation(group.compactMap { ClassProblem.value(problem.pupils[$0], name) })?.0 }
        }
        let careGroups = problem.policy.careGroups
        let summaries = members.enumerated().map { c, group in
            let score = meanAndDeviation(group.compactMap { problem.pupils[$0].score })
            var subjects: [String: Double] = [:]
            for (k, name) in problem.measures.enumerated() where name != ClassFormationPolicy.scoreMeasure {
                subjects[name] = classMeans[k][c]
            }
            return ClassSummary(
                number: c + 1,
                studentIDs: group.map { problem.pupils[$0].studentID }.sorted(),
                size: heads[c], weightedSize: weighted[c], boys: boys[c], girls: heads[c] - boys[c],
                scoreMean: score?.0, scoreStandardDeviation: score?.1,
                careCounts: Dictionary(uniqueKeysWithValues: careGroups.enumerated().map { ($1, care[c * careGroups.count + $0]) }),
                disabled: disabled[c], subjectMeans: subjects)
        }
        let balance = problem.measures.enumerated().map { k, name in
            let means = classMeans[k].compactMap { $0 }
            let spread = (means.max() ?? 0) - (means.min() ?? 0)
            return MeasureBalance(measure: name, classMeans: classMeans[k], spread: spread,
                                  standardDeviation: meanAndDeviation(means)?.1 ?? 0)
        }
        return ClassFormationResult(classCount: classCount, classOf: classOf, classes: summaries,
                                    balance: balance, objective: objective,
                                    objectiveLowerBound: problem.objectiveLowerBound(classSizes: heads), passes: passes)
    }
}
