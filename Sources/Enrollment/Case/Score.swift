import EnrollmentIO

/// A score (a non-selective baseline for class balance, or the 中考 score for quotas), kept
/// exactly in hundredths of a point so that equal scores compare equal on every machine.
package struct Score: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The score × 100.
    package let hundredths: Int

    package init(hundredths: Int) {
        self.hundredths = hundredths
    }

    /// Parses a decimal number with at most two decimals, e.g. `87`, `87.5`, `-3.25`
    /// (full-width digits already folded by the caller).
    package init?(parsing text: String) {
        var negative = false
        var s = Substring(text)
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 9, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        var value = Int(whole)! * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            value += Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        hundredths = negative ? -value : value
    }

    /// What a score looks like, for messages.
    package static let expected = "a score (a number with at most two decimals)"

    /// The score as a Double, for means and deviations in reports.
    package var value: Double { Double(hundredths) / 100 }

    /// The shortest exact decimal: `87`, `87.5`, `87.25`.
    package var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        let whole = a / 100, fraction = a % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    package static func < (a: Score, b: Score) -> Bool { a.hundredths < b.hundredths }
}

extension CSVRecordReader {
    /// The scores of the subject columns given (see `CSVTable.subjectColumns`), skipping empty ones.
    package mutating func subjectScores(_ columns: [(column: CSVColumn, subject: String)]) -> [SubjectScore] {
        var scores: [SubjectScore] = []
        for (column, subject) in columns {
            if let hundredths = parsed(column, required: false, expected: Score.expected, fast: ASCIINumber.hundredths, { Score(parsing: $0)?.hundredths }) {
                if scores.isEmpty { scores.reserveCapacity(columns.count) }
                scores.append(SubjectScore(subject: subject, score: Score(hundredths: hundredths)))
            }
        }
        return scores
    }
}
