/// A junior-school graduate taking part in high-school admission (`graduates.csv`).
public struct Graduate: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The junior school whose quota seats the graduate competes for.
    public var juniorSchool: String
    /// The leaving-exam score (中考).
    public var score: Score
    /// High-school ids in order of preference.
    public var choices: [String]
    /// Eligible for quota seats (e.g. registered and attending the school for three years).
    public var eligible: Bool
    public var categories: [String]
    public var subjectScores: [SubjectScore]
    public var line: Int

    public init(id: String, name: String = "", juniorSchool: String, score: Score, choices: [String],
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
