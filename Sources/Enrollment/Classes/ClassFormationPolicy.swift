import EnrollmentCase

/// The rules of balanced class formation (均衡编班 / 阳光分班) for one school.
package struct ClassFormationPolicy: Hashable, Sendable {
    /// The tag of a disabled pupil learning in a regular class (随班就读).
    package static let disabledTag = "disabled"
    /// The name of the measure built from `ClassPupil.score`.
    package static let scoreMeasure = "score"
    /// Classes of 56 or more are oversized (大班额) and never allowed.
    package static let oversizedClass = 56

    /// Largest weighted class size (班额): 45 primary, 50 junior by default; below 56.
    package var classSizeCap: Int
    /// Number of classes; `nil` means the fewest that respect the cap and the disabled limit.
    package var classCount: Int?
    /// Tags balanced across classes (each differs by at most 1 between classes where possible).
    package var careGroups: [String]
    /// At most this many disabled pupils per class; `nil` for no limit.
    package var disabledPerClass: Int?
    /// How many places a disabled pupil takes toward the size cap (1 or more).
    package var disabledWeight: Int
    /// Whether twins (pupils sharing a `twin_group`) share a class or are kept apart.
    package var twins: Policy.TwinRule
    /// Weight of each measure in the objective (`score` and subject names); 1 when absent.
    /// Each must be finite and at least 0.
    package var measureWeights: [String: Double]
    /// Upper bound on single-swap descent passes (docs/CLASSES.md, step 4.1).
    package var maxPasses: Int
    /// Budget of the pair search and perturbation: `searchEffort` × max(M, min(M², 2000))
    /// candidate moves examined for M movable pupils, 10 or 100 times that in a small school
    /// (docs/CLASSES.md, steps 4.2–4.3); `searchEffort` at most `maximumSearchEffort`. A count,
    /// never a time, so results do not depend on the machine.
    package var searchEffort: Int
    /// The largest `searchEffort` accepted (its budget cannot overflow for any school).
    package static let maximumSearchEffort = 1 << 32
    /// Random swaps of one perturbation (docs/CLASSES.md, step 4.3).
    package var kickSwaps: Int

    package init(classSizeCap: Int, classCount: Int? = nil,
                careGroups: [String] = [ClassFormationPolicy.disabledTag, "left_behind", "migrant"],
                disabledPerClass: Int? = 3, disabledWeight: Int = 1, twins: Policy.TwinRule = .together,
                measureWeights: [String: Double] = [:], maxPasses: Int = 40, searchEffort: Int = 200, kickSwaps: Int = 3) {
        self.classSizeCap = classSizeCap
        self.classCount = classCount
        self.careGroups = careGroups
        self.disabledPerClass = disabledPerClass
        self.disabledWeight = disabledWeight
        self.twins = twins
        self.measureWeights = measureWeights
        self.maxPasses = maxPasses
        self.searchEffort = searchEffort
        self.kickSwaps = kickSwaps
    }

    /// Primary school defaults: classes of at most 45.
    package static var primary: ClassFormationPolicy { ClassFormationPolicy(classSizeCap: 45) }
    /// Junior middle school defaults: classes of at most 50.
    package static var junior: ClassFormationPolicy { ClassFormationPolicy(classSizeCap: 50) }

    /// The weight of `measure` in the objective.
    package func weight(of measure: String) -> Double {
        measureWeights[measure] ?? 1
    }
}
