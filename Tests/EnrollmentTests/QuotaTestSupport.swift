import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// Small builders and the invariants every quota run must satisfy, shared by the quota tests.
enum QuotaFixture {
    static let seed = "5c1e0d"

    static func junior(_ id: String, weight: String? = nil) -> School {
        School(id: id, name: id, level: .junior, capacity: 100, quotaWeight: weight)
    }

    static func high(_ id: String, plan: Int, quality: Bool = true) -> School {
        School(id: id, name: id, level: .high, capacity: plan, quality: quality)
    }

    static func graduate(_ id: String, _ junior: String, _ score: Int, _ choices: [String] = ["H1"], eligible: Bool = true,
                         categories: [String] = [], math: Int? = nil) -> Graduate {
        Graduate(id: id, juniorSchool: junior, score: Score(hundredths: score * 100), choices: choices, eligible: eligible,
                 categories: categories, subjectScores: math.map { [SubjectScore(subject: "math", score: Score(hundredths: $0 * 100))] } ?? [])
    }

    static func run(_ schools: [School], _ graduates: [Graduate], _ configure: (inout Policy) -> Void = { _ in }) throws -> QuotaRun {
        var policy = Policy()
        configure(&policy)
        return try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: seed)
    }

    /// Admitted high school and route by student.
    static func outcome(_ run: QuotaRun) -> [String: String] {
        Dictionary(uniqueKeysWithValues: run.admissions.map { ($0.studentID, "\($0.highSchoolID):\($0.route.rawValue)") })
    }

    /// Every guarantee of docs/QUOTA.md (`QuotaAudit`), checked on a finished run, as text.
    static func violations(_ run: QuotaRun, policy: Policy, schools: [School]) -> [String] {
        QuotaAudit.audit(run, admissionCase: AdmissionCase(schools: schools, policy: policy)).map(\.description)
    }
}
