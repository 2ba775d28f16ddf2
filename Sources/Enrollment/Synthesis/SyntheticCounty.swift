import EnrollmentCase
import EnrollmentVocabulary
import EnrollmentZones

/// A deterministic synthetic admission case: a fictional county with attendance zones,
/// schools, applicants at both levels and junior-school graduates, in realistic mixes.
///
/// Bureaus use it to rehearse before the real day; tests and benchmarks use it at any size.
/// The same parameters and seed give the same case, byte for byte, on every machine: every
/// random choice comes from `LotteryStream` draws named `synth/…`, and only exact IEEE
/// arithmetic (+, −, ×, ÷, rounding) is used on coordinates.
package struct SyntheticCounty: Sendable {
    /// What to generate.
    package struct Parameters: Sendable, Equatable {
        package var seed: String
        /// About this many primary applicants (and, unless set below, junior applicants and graduates).
        package var applicants: Int
        /// About this many junior applicants; nil for `applicants`.
        package var juniorApplicants: Int?
        /// About this many junior-school graduates; nil for `applicants`.
        package var graduates: Int?
        /// Primary zones form a grid of `primaryColumns × primaryRows` single-school map zones
        /// (ZoneMesh: jittered corners, wiggly shared sides, valid at any size).
        package var primaryColumns: Int
        package var primaryRows: Int
        /// Junior zones: this many blocks of primary zones (at most one per primary zone)…
        package var juniorZones: Int
        /// …of which this many are multi-school zones (多校划片) of two or three schools.
        package var multiSchoolZones: Int
        /// Private junior schools (民办), which have no zone and admit by lottery.
        package var privateJuniorSchools: Int
        package var qualityHighSchools: Int
        package var ordinaryHighSchools: Int
        /// Primary zones published as address lists (`zone-rules.csv`) rather than drawn,
        /// each inside one map zone; the first is the old town (at most one per map zone, and
        /// at most 785).
        package var addressZones: Int
        /// Late applicants of a primary second round (`second-round/`); 0 for no second round.
        package var secondRoundApplicants = 0
        /// The county's extent in degrees.
        package var west = 113.60, south = 34.70, east = 113.80, north = 34.85

        package init(seed: String, applicants: Int, primaryColumns: Int = 4, primaryRows: Int = 3, juniorZones: Int = 3,
                    multiSchoolZones: Int = 1, privateJuniorSchools: Int = 1, qualityHighSchools: Int = 3, ordinaryHighSchools: Int = 2,
                    addressZones: Int = 1) {
            self.seed = seed
            self.applicants = applicants
            self.primaryColumns = primaryColumns
            self.primaryRows = primaryRows
            self.juniorZones = juniorZones
            self.multiSchoolZones = multiSchoolZones
            self.privateJuniorSchools = privateJuniorSchools
            self.qualityHighSchools = qualityHighSchools
            self.ordinaryHighSchools = ordinaryHighSchools
            self.addressZones = addressZones
        }

        /// Parameters that fit `applicants`, in the sample county's proportions: about 200
        /// primary applicants per map zone (so primary intakes of about 45–450: 1 to 10
        /// classes); one address-list zone per 12 map zones; junior zones sized for intakes of
        /// about 150–800 a school (3 to 16 classes, a few of 16–20), a third of them holding
        /// two or three schools; private junior schools taking about 7 % of the places; one
        /// high school per 1,000 graduates or so. Above about 15,000 applicants the county grows
        /// so that a primary zone stays about 1.5 km across (0.016° × 0.0135°), a city's size.
        package static func scaled(seed: String, applicants: Int) -> Parameters {
            let primaryZones = max(4, applicants / 200)
            let rows = max(2, Int((Double(primaryZones) * 0.75).squareRoot().rounded()))
            let columns = max(2, (primaryZones + rows - 1) / rows)
            let junior = min(columns * rows, max(2, Int((Double(applicants) * 0.93 / 640).rounded())))
            var p = Parameters(seed: seed, applicants: applicants, primaryColumns: columns, primaryRows: rows,
                               juniorZones: junior, multiSchoolZones: max(1, junior / 3),
                               privateJuniorSchools: max(1, Int((Double(applicants) * 0.07 / 450).rounded())),
                               qualityHighSchools: max(3, applicants / 2500), ordinaryHighSchools: max(2, applicants / 1700),
                               addressZones: max(1, columns * rows / 12))
            p.east = p.west + max(0.2, Double(columns) * 0.016)
            p.north = p.south + max(0.15, Double(rows) * 0.0135)
            return p
        }
    }

    /// A zone as polygons: each polygon is an outer ring followed by its holes; each ring is
    /// closed (first point repeated last), points as (lon, lat).
    package struct Zone: Sendable {
        package var id: String
        package var level: SchoolLevel
        package var schools: [String]
        package var polygons: [[[(lon: Double, lat: Double)]]]
    }

    package let parameters: Parameters
    package let admissionCase: AdmissionCase
    package let zones: [Zone]
    /// The rows of `zone-rules.csv` (columns `ZoneRule.columns`): the old town's address list.
    package let addressRules: [[String]]
    /// The zones of `zones.csv`: the address-list zone's level and school.
    package let zoneDeclarations: [ZoneTable.Declaration]
    /// `teachers.csv`: head-teacher candidates per primary and junior school (one more than
    /// the school's classes), some with a child among the school's likely pupils.
    package let teachers: [(school: String, teacher: String, children: [String])]
}

extension SyntheticCounty {
    /// Generates the county.
    /// - Complexity: O(applicants + zones × segments).
    package init(parameters: Parameters) {
        let builder = SyntheticCountyBuilder(parameters)
        let primary = builder.applicants(.primary)
        let junior = builder.applicants(.junior)
        let graduates = builder.graduates()
        self.parameters = parameters
        self.zones = builder.zones.sorted { ($0.level, $0.id) < ($1.level, $1.id) }
        self.addressRules = builder.addressZones.flatMap(\.rules)
        self.teachers = builder.teachers(primary: primary, junior: junior)
        self.zoneDeclarations = builder.addressZones.map { ZoneTable.Declaration(id: $0.zone, level: .primary, schools: [$0.school], name: $0.name) }
        var policy = Policy()
        policy.coordinateSystem = "GCJ-02"
        policy.ageWindow = SyntheticCountyBuilder.ageWindow
        policy.reservedSeats = builder.reservedSeats
        policy.reassignmentReachMetres = 3_000
        policy.monthsRequired[.residencePermit] = MonthsRequired(permit: SyntheticCountyBuilder.permitMonthsRequired)
        var admissionCase = AdmissionCase(schools: builder.schools, policy: policy, primaryApplicants: primary,
                                          juniorApplicants: junior, graduates: graduates)
        admissionCase.resources = builder.resources()
        if parameters.secondRoundApplicants > 0 {
            admissionCase.secondRound = builder.secondRound(after: primary, newcomers: parameters.secondRoundApplicants)
        }
        self.admissionCase = admissionCase
    }
}
