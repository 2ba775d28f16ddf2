/// A junior-school graduate taking part in high-school admission (`graduates.csv`).
package struct Graduate: Hashable, Sendable {
    package var id: String
    package var name: String
    /// The junior school whose quota seats the graduate competes for.
    package var juniorSchool: String
    /// The leaving-exam score (中考).
    package var score: Score
    /// High-school ids in order of preference.
    package var choices: [String]
    /// Eligible for quota seats (e.g. registered and attending the school for three years).
    package var eligible: Bool
    package var categories: [String]
    package var subjectScores: [SubjectScore]
    package var line: Int

    package init(id: String, name: String = "", juniorSchool: String, score: Score, choices: [String],
                eligible: Bool = true, categories: [String] = [], subjectScores: [SubjectScore] = [], line: Int = 0) {
        self.id = id
        self.name = name
        self.juniorSchool = juniorSchool
        self.score = score
        self.choices = choices
        self.eligible = eligible
        self.categories = categories
        self.subjectScores = subjectScores
        self.line = line
    }
}
