import EnrollmentCase
import EnrollmentEngines

/// The resources of a synthetic county's primary and junior schools (`resources.csv`).
extension SyntheticCountyBuilder {
    /// Each public and private primary and junior school: pupils of all grades (its intake times
    /// 6 or 3), and each indicator's amount at 0.8 to 1.5 times what its standard needs for
    /// them, drawn from the stream `synth/resources` — so that a few schools fall short of a
    /// standard, as in a real county. Teachers and classrooms are whole numbers.
    /// - Complexity: O(schools).
    func resources() -> [String: SchoolResources] {
        var random = LotteryStream(seed: p.seed, draw: "synth/resources")
        var result: [String: SchoolResources] = [:]
        for school in schools.sorted(by: { $0.id < $1.id }) where school.level != .high {
            let pupils = school.capacity * (school.level == .primary ? 6 : 3)
            var amounts: [SchoolResources.Indicator: Double] = [:]
            for indicator in SchoolResources.Indicator.allCases {
                let needed = indicator.standard(school.level) * Double(pupils) / (indicator.perHundred ? 100 : 1)
                let amount = needed * (0.8 + 0.7 * random.unit())
                amounts[indicator] = indicator.perHundred ? amount.rounded() : (amount * 10).rounded() / 10
            }
            result[school.id] = SchoolResources(schoolID: school.id, pupils: pupils, amounts: amounts)
        }
        return result
    }
}
