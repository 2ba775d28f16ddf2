import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines

/// A deterministic synthetic admission case: a fictional county with attendance zones,
/// schools, applicants at both levels and junior-school graduates, in realistic mixes.
///
/// Bureaus use it to rehearse before the real day; tests and benchmarks use it at any size.
/// The same parameters and seed give the same case, byte for byte, on every machine: every
/// random choice comes from `LotteryStream` draws named `synth/…`, and only exact IEEE
/// arithmetic (+, −, ×, ÷, rounding) is used on coordinates.
public struct SyntheticCounty: Sendable {
    /// What to generate.
    public struct Parameters: Sendable, Equatable {
        public var seed: String
        /// About this many primary applicants (and, unless set below, junior applicants and graduates).
        public var applicants: Int
        /// About this many junior applicants; nil for `applicants`.
        public var juniorApplicants: Int?
        /// About this many junior-school graduates; nil for `applicants`.
        public var graduates: Int?
        /// Primary zones form a grid of `primaryColumns × primaryRows` single-school zones.
        public var primaryColumns: Int
        public var primaryRows: Int
        /// Junior zones form a row of this many zones…
        public var juniorZones: Int
        /// …of which this many (the last ones) are multi-school zones (多校划片) of two schools.
        public var multiSchoolZones: Int
        /// Private junior schools (民办), which have no zone and admit by lottery.
        public var privateJuniorSchools: Int
        public var qualityHighSchools: Int
        public var ordinaryHighSchools: Int
        /// The county's extent in degrees.
        public var west = 113.60, south = 34.70, east = 113.80, north = 34.85

        public init(seed: String, applicants: Int, primaryColumns: Int = 4, primaryRows: Int = 3, juniorZones: Int = 3,
                    multiSchoolZones: Int = 1, privateJuniorSchools: Int = 1, qualityHighSchools: Int = 3, ordinaryHighSchools: Int = 2) {
            self.seed = seed
            self.applicants = applicants
            self.primaryColumns = primaryColumns
            self.primaryRows = primaryRows
            self.juniorZones = juniorZones
            self.multiSchoolZones = multiSchoolZones
            self.privateJuniorSchools = privateJuniorSchools
            self.qualityHighSchools = qualityHighSchools
            self.ordinaryHighSchools = ordinaryHighSchools
        }

        /// Parameters that fit `applicants`: about 250 primary applicants per primary zone
        /// and three primary zones per junior zone, as in a county.
        public static func scaled(seed: String, applicants: Int) -> Parameters {
            let primaryZones = max(4, applicants / 250)
            let rows = max(2, Int(Double(primaryZones).squareRoot() * 0.75))
            let columns = max(2, (primaryZones + rows - 1) / rows)
            let junior = max(2, columns * rows / 3)
            return Parameters(seed: seed, applicants: applicants, primaryColumns: columns, primaryRows: rows,
                              juniorZones: junior, multiSchoolZones: max(1, junior / 3),
                              privateJuniorSchools: max(1, junior / 4),
                              qualityHighSchools: max(3, junior / 4), ordinaryHighSchools: max(2, junior / 3))
        }
    }

    /// A zone as polygons: each polygon is an outer ring followed by its holes; each ring is
    /// closed (first point repeated last), points as (lon, lat).
    public struct Zone: Sendable {
        public var id: String
        public var level: SchoolLevel
        public var schools: [String]
        public var polygons: [[[(lon: Double, lat: Double)]]]
    }

    public let parameters: Parameters
    public let admissionCase: AdmissionCase
    public let zones: [Zone]
    /// The rows of `zone-rules.csv` (columns `ZoneRule.columns`): the old town's address list.
    public let addressRules: [[String]]
    /// The zones of `zones.csv`: the address-list zone's level and school.
    package let zoneDeclarations: [ZoneTable.Declaration]
    /// `teachers.csv`: head-teacher candidates per primary and junior school (one more than
    /// the school's classes), some with a child among the school's likely pupils.
    public let teachers: [(school: String, teacher: String, children: [String])]
}

extension SyntheticCounty {
    /// Generates the county.
    /// - Complexity: O(applicants + zones × segments).
    public init(parameters: Parameters) {
        let builder = SyntheticCountyBuilder(parameters)
        let primary = builder.applicants(.primary)
        let junior = builder.applicants(.junior)
        let graduates = builder.graduates()
        self.parameters = parameters
        self.zones = builder.zones.sorted { ($0.level, $0.id) < ($1.level, $1.id) }
        self.addressRules = builder.addressZone?.rules ?? []
        self.teachers = builder.teachers(primary: primary, junior: junior)
        self.zoneDeclarations = builder.addressZone.map { [ZoneTable.Declaration(id: $0.zone, level: .primary, schools: [$0.school], name: "老城区")] } ?? []
        var policy = Policy()
        policy.coordinateSystem = "GCJ-02"
        self.admissionCase = AdmissionCase(schools: builder.schools, policy: policy, primaryApplicants: primary,
                                           juniorApplicants: junior, graduates: graduates)
    }
}
