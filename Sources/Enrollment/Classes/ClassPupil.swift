import EnrollmentCase

/// One pupil as class formation sees them: an id and attributes, never a name.
///
/// `lotteryRank` is the pupil's place in the school's class draw (`classes/<school_id>`),
/// 1 = first drawn; ranks are distinct within a school. Every ordering the engine uses starts
/// from this rank, so the result does not depend on the order pupils are listed in.
package struct ClassPupil: Hashable, Sendable {
    /// The student registration id (`student_id`).
    package var studentID: String
    package var gender: Gender
    /// Tags such as `disabled`, `left_behind`, `migrant`; only those the policy lists in
    /// `careGroups` are balanced, and `disabled` always counts toward the per-class limit.
    package var tags: Set<String>
    /// A non-selective baseline score (the measure `score`), if known.
    package var score: Double?
    /// Subject scores by subject name (each subject is a measure of its own).
    package var subjectScores: [String: Double]
    /// Students (ids) to be placed in the same class as this one.
    package var togetherWith: [String]
    /// Students (ids) never to be placed in the same class as this one.
    package var apartFrom: [String]
    /// Pupils sharing a `twinGroup` are kept together or apart by `ClassFormationPolicy.twins`.
    package var twinGroup: String?
    /// Place in the class draw, 1-based; lower is drawn earlier.
    package var lotteryRank: Int

    package init(studentID: String, gender: Gender, tags: Set<String> = [], score: Double? = nil,
                subjectScores: [String: Double] = [:], togetherWith: [String] = [], apartFrom: [String] = [],
                twinGroup: String? = nil, lotteryRank: Int) {
        self.studentID = studentID
        self.gender = gender
        self.tags = tags
        self.score = score
        self.subjectScores = subjectScores
        self.togetherWith = togetherWith
        self.apartFrom = apartFrom
        self.twinGroup = twinGroup
        self.lotteryRank = lotteryRank
    }
}
