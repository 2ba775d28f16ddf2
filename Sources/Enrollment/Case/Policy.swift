import EnrollmentIO
import EnrollmentVocabulary

/// The local rules of an admission round (`policy.json`). Every key is optional; an absent
/// key takes the default documented here and in docs/FORMATS.md. Unknown keys are errors,
/// so that a misspelt rule is never silently ignored.
package struct Policy: Sendable, Equatable {
    /// The datum of every coordinate in the case: `WGS-84`, `GCJ-02` or `CGCS2000`.
    /// Zones and applicants must agree; nothing is ever converted silently.
    package var coordinateSystem: String = "WGS-84"
    /// Who is of age for each level's intake (`intake_year`, `age_cutoff_date`, `entry_age`).
    package var ageWindow = AgeWindow()
    /// The order of residence ties inside a zone, strongest first (入学顺位).
    package var residenceOrder: [ResidenceTie] = ResidenceTie.allCases
    /// Per residence tier, the months a residence permit or social insurance must have been
    /// held before an applicant ranks in it (`months_required`); a tier absent requires nothing.
    package var monthsRequired: [ResidenceTie: MonthsRequired] = [:]
    /// Categories that rank an applicant above every residence tier at a school they may
    /// attend, in this order (e.g. military families 优抚对象).
    package var priorityCategories: [String] = ["military"]
    /// A sibling already at the school ranks the applicant first within their residence tie.
    package var siblingPriority: Bool = true
    /// Pupils of a primary school paired with a junior school (对口直升) rank first there.
    package var feederPriority: Bool = true
    /// The placement mechanism.
    package var mechanism: Mechanism = .deferredAcceptance
    /// Seats schools hold for a category of applicants (预留学位), in file order.
    package var reservedSeats: [ReservedSeats] = []
    /// Whether a school's reserved seats are filled after its open seats or before them.
    package var reserveOrder: ReserveOrder = .openFirst
    /// The categories for whom the government buys places in private schools (两为主:
    /// `purchased_places` in `schools.csv`), taken by reassignment once the public seats within
    /// reach are full.
    package var purchasedPlaceCategories: [String] = ["migrant"]
    /// How far from home reassignment (统筹) looks for a public seat before it turns to a
    /// purchased place, for the categories that may take one (metres; nil: the whole level).
    package var reassignmentReachMetres: Double?
    /// Largest class per level (班额): 45 primary and 50 junior by default; never 56 or more.
    package var classSizeCap: [SchoolLevel: Int] = [.primary: 45, .junior: 50]
    /// Categories balanced across classes (care groups).
    package var careGroups: [String] = ["disabled", "left_behind", "migrant"]
    /// At most this many disabled pupils learning in a regular class (随班就读) per class.
    package var disabledPerClass: Int = 3
    /// How many pupils one disabled pupil counts for toward the size cap.
    package var disabledWeight: Int = 1
    /// Twins (same `twin_group`) in the same class (`together`) or in different ones (`apart`).
    package var twins: TwinRule = .together
    /// Twins share one lottery number, the number of their `twin_group`.
    package var twinsShareLotteryNumber: Bool = false
    /// The levels placed by a ring draw (起始号 + 间隔数, docs/LOTTERY.md section 7) instead of the
    /// seeded lottery: the level's applicants numbered 1…n in `student_id` order (the roster
    /// `enroll publish-case` publishes), the start number and interval drawn in the hall.
    package var ringDrawLevels: [SchoolLevel] = []
    /// The schools whose applicants are ordered by a ring draw of their own (docs/LOTTERY.md
    /// section 7), the rest of the level by the lottery: at such a school, the applicants whose
    /// list holds it numbered 1…n in `student_id` order (the pre-draw roster's `number` column),
    /// the start number and interval drawn in the hall for that school.
    package var ringDrawSchools: [String] = []
    /// Homes this close to a zone boundary (metres) are flagged `near_boundary` for review.
    package var nearBoundaryMetres: Double = 20
    /// Overlaps between zones of one level narrower than this (metres, the widest circle that
    /// fits in them) are accepted as digitising noise: a home in one goes to the zone it lies
    /// deeper in, with a note. 0, the default, refuses every overlap.
    package var overlapToleranceMetres: Double = 0
    /// The share of each quality high school's plan given out as quotas, as written (a decimal
    /// such as `0.5` or `0.6`); `quotaShareValue` is its exact value.
    package var quotaShare: String = "0.5"
    /// Set when a share below 0.5 is a deliberate local rule.
    package var quotaShareLocal: Bool = false
    /// How quota seats are rounded among junior schools.
    package var quotaRounding: ApportionmentMethod = .largestRemainder
    /// Quota seats every junior school gets at least.
    package var quotaMinPerSchool: Int = 0
    /// What a junior school's quota share is proportional to.
    package var quotaBasis: QuotaBasis = .eligible
    /// Tie-breaks between equal quota scores, in order: a category tag (who has it first, e.g.
    /// `military`) or `score_<subject>` (higher first); the lottery decides what these leave.
    package var quotaTieBreak: [String] = []
    /// The mechanism of the quota rounds (the open round is always deferred acceptance).
    package var quotaMechanism: Mechanism = .deferredAcceptance
    /// Graduates tied for the last quota seat of a junior school: lottery, or all admitted.
    package var quotaTieAtLastSeat: LastSeatTieRule = .lottery
    /// The absolute minimum score for a quota seat.
    package var quotaMinScore: QuotaScoreLine = .none
    /// A quota seat needs a score at most this many points below the high school's open-round
    /// cutoff (nil: no relative line).
    package var quotaMinScoreBelowCutoff: Score?
    /// Quota round or open round first.
    package var quotaOrder: QuotaOrder = .quotaFirst
    /// Where unfilled quota seats go.
    package var quotaUnfilled: QuotaUnfilledRule = .openRound
    /// The resource standard per level and indicator where the local rule differs from the
    /// national one (`resource_standards`; `SchoolResources.Indicator.standard(_:)` otherwise).
    package var resourceStandards: [SchoolLevel: [SchoolResources.Indicator: Double]] = [:]

    /// Twins together or apart in class formation.
    package enum TwinRule: String, Sendable, CaseIterable {
        case together
        case apart
    }

    package init() {}

    /// `quotaShare` exactly (the reader guarantees it parses).
    package var quotaShareValue: Rational { Rational(parsing: quotaShare) ?? Rational(1) }
}
