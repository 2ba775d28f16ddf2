/// A proven lower bound on the class-formation objective for given class sizes, when every
/// value of a measure is a whole number of some unit 1/q (docs/CLASSES.md, "Lower bound").
extension ClassProblem {
    /// The largest denominator q tried for the unit 1/q of a measure (whole numbers: q = 1;
    /// half points: q = 2; tenths: q = 10).
    static let largestBoundDenominator = 100

    /// The least objective any assignment with these class sizes can reach, or `nil` when some
    /// pupil lacks a value for some measure, some measure's values are not all whole multiples
    /// of 1/q for any q up to `largestBoundDenominator`, or a sum would overflow.
    ///
    /// For a measure whose values are whole multiples of 1/q, with school total S (in units of
    /// 1/q) over n pupils, a class of size s has a whole-number sum S_c, so its term
    /// |S_c − s·S/n| / q is at least the distance from s·S/n to S_c, over q. With
    /// r_c = (s_c · S) mod n, rounding the share down costs r_c/n and up (n − r_c)/n; the class
    /// sums add up to S, so exactly F = Σ r_c / n classes round up. The least total rounds up
    /// the F classes with the largest r_c. The bound is Σ_m weight(m) × that least total / q.
    /// - Complexity: O(n · q · measures + k log k · measures), q the denominator found.
    func objectiveLowerBound(classSizes: [Int]) -> Double? {
        let n = pupils.count
        guard n > 0 else { return 0 }
        var bound = 0.0
        for (m, name) in measures.enumerated() {
            var values: [Double] = []
            for p in pupils {
                guard let v = Self.value(p, name) else { return nil }
                values.append(v)
            }
            guard let (units, q) = Self.wholeUnits(values) else { return nil }
            var total = 0
            for u in units {
                let (sum, overflow) = total.addingReportingOverflow(u)
                guard !overflow else { return nil }
                total = sum
            }
            var remainders: [Int] = []
            for s in classSizes {
                let (product, overflow) = s.multipliedReportingOverflow(by: total)
                guard !overflow else { return nil }
                remainders.append(((product % n) + n) % n)
            }
            remainders.sort(by: >)
            let up = remainders.reduce(0, +) / n
            var cost = 0
            for (i, r) in remainders.enumerated() { cost += i < up ? n - r : r }
            bound += measureWeights[m] * Double(cost) / Double(n) / Double(q)
        }
        return bound
    }

    /// The values as whole numbers of the unit 1/q, for the least q up to
    /// `largestBoundDenominator` for which every value × q is within 10⁻⁹ × max(1, |value × q|)
    /// of a whole number below 10¹², with that q; `nil` if there is none.
    static func wholeUnits(_ values: [Double]) -> (units: [Int], denominator: Int)? {
        denominators: for q in 1...largestBoundDenominator {
            var units: [Int] = []
            units.reserveCapacity(values.count)
            for v in values {
                let scaled = v * Double(q)
                let whole = scaled.rounded()
                guard abs(whole) < 1e12, abs(scaled - whole) <= 1e-9 * max(1, abs(scaled)) else { continue denominators }
                units.append(Int(whole))
            }
            return (units, q)
        }
        return nil
    }
}
