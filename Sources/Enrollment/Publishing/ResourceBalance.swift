import Foundation
import EnrollmentCase
import EnrollmentVocabulary

/// The resource figures of one level against the national standard (县域义务教育优质均衡发展
/// 督导评估办法, 2017): each school's seven indicators (`SchoolResources.Indicator`) and whether it
/// meets them — at least six reached and none below 85 % of its standard —, and the spread
/// across the level's schools: each indicator's coefficient of variation, weighted by pupils as
/// the standard defines it (X̄ = Σ Pᵢ Xᵢ / P, S = √(Σ Pᵢ (Xᵢ − X̄)² / P), CV = S / X̄), and their mean,
/// the comprehensive coefficient, at most 0.50 for primary schools and 0.45 for junior schools.
///
/// Pupils are the school's `pupils` in `resources.csv`, or else its intake placed in the run times
/// the grades of the level (6 primary, 3 junior). Values are computed in binary floating point in
/// a fixed order, so every machine gives the same figures; they are shown rounded (two decimals,
/// three for a coefficient).
struct ResourceBalance: Sendable, Equatable {
    /// One school's indicators.
    struct School: Sendable, Equatable {
        var schoolID: String
        var pupils: Int
        /// The value of each indicator, in the indicators' order; nil where the file gives none.
        var values: [Double?]
        /// Indicators at or above their standard.
        var met: Int
        /// At least six met and none below 85 % of its standard.
        var passes: Bool
    }

    /// The comprehensive coefficient's ceiling per level.
    static func cvMaximum(_ level: SchoolLevel) -> Double { level == .primary ? 0.50 : 0.45 }

    var level: SchoolLevel
    /// The standard of each indicator, in the indicators' order.
    var standards: [Double]
    /// The level's schools that have a row in `resources.csv`, by school id.
    var schools: [School]
    /// Each indicator's coefficient of variation (nil with fewer than two schools or a mean of 0).
    var coefficients: [Double?]
    /// The mean of the coefficients computed; nil when none is.
    var comprehensive: Double?

    /// Whether the comprehensive coefficient is at most its ceiling; nil when not computed.
    var spreadPasses: Bool? { comprehensive.map { $0 <= Self.cvMaximum(level) } }

    /// The figures of `level`, with `placed` the pupils the run placed at each school (for a
    /// school whose `pupils` the file does not give); nil when the case has no resources for it.
    /// - Complexity: O(schools × indicators).
    init?(level: SchoolLevel, admissionCase c: AdmissionCase, placed: [String: Int]) {
        let indicators = SchoolResources.Indicator.allCases
        let rows = c.schools(level).sorted { $0.id < $1.id }.compactMap { s in c.resources[s.id] }
        guard !rows.isEmpty else { return nil }
        let grades = level == .primary ? 6 : 3
        let standards = indicators.map { c.policy.resourceStandards[level]?[$0] ?? $0.standard(level) }
        schools = rows.map { r in
            let pupils = r.pupils ?? (placed[r.schoolID] ?? 0) * grades
            let values = indicators.map { r.value($0, pupils: pupils) }
            let met = zip(values, standards).count { v, s in v.map { $0 >= s } ?? false }
            let noneFarBelow = zip(values, standards).allSatisfy { v, s in v.map { $0 >= 0.85 * s } ?? false }
            return School(schoolID: r.schoolID, pupils: pupils, values: values, met: met, passes: met >= 6 && noneFarBelow)
        }
        coefficients = indicators.indices.map { [schools] k in
            let points = schools.compactMap { s in s.values[k].map { (weight: Double(s.pupils), value: $0) } }
            let total = points.reduce(0) { $0 + $1.weight }
            guard points.count >= 2, total > 0 else { return nil }
            let mean = points.reduce(0) { $0 + $1.weight * $1.value } / total
            guard mean > 0 else { return nil }
            let variance = points.reduce(0) { $0 + $1.weight * ($1.value - mean) * ($1.value - mean) } / total
            return variance.squareRoot() / mean
        }
        let computed = coefficients.compactMap { $0 }
        comprehensive = computed.isEmpty ? nil : computed.reduce(0, +) / Double(computed.count)
        self.level = level
        self.standards = standards
    }
}
