/// A proven lower bound on the class-formation objective for given class sizes, when every
/// value is a whole number (docs/CLASSES.md, "Lower bound").
extension ClassProblem {
    /// The least objective any assignment with these class sizes can reach, or `nil` when some
    /// pupil lacks a value for some measure, a value is not a whole number, or a sum would
    /// overflow.
    ///
    /// For a measure with school total S over n pupils, a class of size s has a whole-number
    /// sum S_c, so its term |S_c − s·S/n| is at least the distance from s·S/n to S_c. With
    /// r_c = (s_c · S) mod n, rounding the share down costs r_c/n and up (n − r_c)/n; the class
    /// sums add up to S, so exactly F = Σ r_c / n classes round up. The least total rounds up
    /// the F classes with the largest r_c. The bound is Σ_m weight(m) × that least total.
    /// - Complexity: O(n · measures + k log k · measures).
    func objectiveLowerBound(classSizes: [Int]) -> Double? {
        let n = pupils.count
        guard n > 0 else { return 0 }
        var bound = 0.0
        for (m, name) in measures.enumerated() {
            var total = 0
            for p in pupils {
                guard let v = Self.value(p, name), v.rounded() == v, abs(v) < 1e12 else { return nil }
                let (sum, overflow) = total.addingReportingOverflow(Int(v))
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
            bound += measureWeights[m] * Double(cost) / Double(n)
        }
        return bound
    }
}
