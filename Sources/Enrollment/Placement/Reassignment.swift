import Foundation

/// Administrative reassignment (统筹 / 调剂): after the mechanism, the students it left
/// unplaced are seated one by one, each at the nearest school of the level that still has a
/// free seat.
///
/// The rule, step by step:
/// 1. The caller gives the order in which students are served (`order(_:in:tierWithoutChoices:)`
///    gives the usual one: best tier among the student's list, then tie-break rank).
/// 2. A student with a home location takes the candidate school with a free seat at the
///    smallest straight-line distance from home (`distance(from:to:)`); equal distances go to
///    the lower school index.
/// 3. A student without a home location (the case file gave none) keeps their turn and takes
///    the candidate school with a free seat that has the lowest school index.
/// 4. A student the policy lets take a purchased place (两为主: `PurchasedPlaces`) takes the
///    nearest private school with a purchased place left, instead, when no candidate school
///    with a free seat is within the reach — or none has one at all. Without a reach, that is
///    only when every candidate school is full.
/// 5. When no candidate school has a free seat (and no purchased place is open to them), the
///    student stays unplaced, with the reason "every school of the level is full".
package enum Reassignment {
    /// The places the government has bought in private schools, and who may take them.
    package struct PurchasedPlaces: Sendable {
        /// Per school of the instance, the places bought (0 for none).
        package var places: [Int]
        /// Per student, whether they may take one (a category the policy names).
        package var eligible: [Bool]
        /// Metres from home within which a free public seat comes first; nil: any distance.
        package var reachMetres: Double?

        package init(places: [Int], eligible: [Bool], reachMetres: Double? = nil) {
            self.places = places
            self.eligible = eligible
            self.reachMetres = reachMetres
        }
    }

    /// A point on the Earth, in degrees (WGS 84 as the case files give them).
    package struct Location: Hashable, Sendable {
        package var latitude: Double
        package var longitude: Double

        package init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    /// The mean Earth radius used for distances, in metres (IUGG R₁).
    package static let earthRadius = 6_371_008.8

    /// The straight-line distance in metres from `home` to `school` by the equirectangular
    /// approximation at the home's latitude: with Δφ and Δλ the differences of latitude and
    /// longitude in radians (Δλ brought into −π…π) and φ the home's latitude,
    /// `d = R · √((Δλ · cos φ)² + Δφ²)`. Within a county (tens of kilometres) it differs from
    /// the great-circle distance by far less than a metre per kilometre.
    package static func distance(from home: Location, to school: Location) -> Double {
        distance(from: home, cosLatitude: cos(home.latitude * radiansPerDegree), to: school)
    }

    private static let radiansPerDegree = Double.pi / 180

    /// `distance(from:to:)` with the cosine of the home's latitude computed once per home.
    @inline(__always)
    private static func distance(from home: Location, cosLatitude: Double, to school: Location) -> Double {
        var dLambda = (school.longitude - home.longitude) * radiansPerDegree
        if dLambda > .pi { dLambda -= 2 * .pi } else if dLambda < -.pi { dLambda += 2 * .pi }
        let x = dLambda * cosLatitude
        let y = (school.latitude - home.latitude) * radiansPerDegree
        return earthRadius * (x * x + y * y).squareRoot()
    }

    /// The usual order of service: by the best (lowest) tier the student has among the
    /// schools of their list — `tierWithoutChoices` for a student who listed none — then by
    /// tie-break rank.
    /// - Complexity: O(k log k + c) for k students.
    package static func order(_ students: [Int], in instance: MatchingInstance, tierWithoutChoices: Int) -> [Int] {
        students.map { i -> (tier: Int, rank: Int32, student: Int) in
            let best = instance.choiceRange(of: i).map { Int(instance.choiceTiers[$0]) }.min()
            return (best ?? tierWithoutChoices, instance.tieRanks[i], i)
        }
        .sorted { ($0.tier, $0.rank) < ($1.tier, $1.rank) }
        .map(\.student)
    }

    /// Reassigns the students of `order`, in that order, to the free seats `matching` leaves
    /// at the `candidates` (every school of the level).
    /// - Parameters:
    ///   - order: the students to serve, each at most once, none of them seated in `matching`.
    ///   - matching: the mechanism's result; free seats are capacity minus students seated.
    ///   - candidates: the school indices students may be sent to (duplicates are ignored).
    ///   - homes: per student, the home location or nil.
    ///   - schools: per school, its location.
    ///   - purchased: the purchased places (step 4), if any.
    /// - Returns: one decision per student of `order`, in that order, and the matching with the
    ///   reassigned students seated (their choice rank is nil unless the school is on their list).
    /// - Complexity: O(k · (candidates + schools with purchased places)) for k students.
    package static func reassign(
        _ order: [Int], after matching: Matching, in instance: MatchingInstance,
        candidates: [Int], homes: [Location?], schools: [Location], purchased: PurchasedPlaces? = nil
    ) -> (decisions: [ReassignmentDecision], matching: Matching) {
        precondition(homes.count == instance.studentCount, "one home (or nil) per student")
        precondition(schools.count == instance.schoolCount, "one location per school")
        var result = matching
        var free = zip(instance.capacities, matching.occupancy(schoolCount: instance.schoolCount))
            .map { max(Int($0) - $1, 0) }
        var open = Array(Set(candidates)).sorted().filter { free[$0] > 0 }
        var bought = purchased?.places ?? []
        var selling = bought.indices.filter { bought[$0] > 0 }
        var decisions: [ReassignmentDecision] = []
        decisions.reserveCapacity(order.count)
        for student in order {
            precondition(result.school(of: student) == nil, "student #\(student) already holds a seat")
            let home = homes[student]
            let cosLatitude = home.map { cos($0.latitude * radiansPerDegree) } ?? 1
            // The nearest of `sites` (the first without a home), as (position in `sites`, metres).
            func nearest(_ sites: [Int]) -> (k: Int, metres: Double?)? {
                guard !sites.isEmpty else { return nil }
                guard let home else { return (0, nil) }
                var best = 0, bestDistance = Double.infinity
                for (k, s) in sites.enumerated() {
                    let d = distance(from: home, cosLatitude: cosLatitude, to: schools[s])
                    if d < bestDistance { bestDistance = d; best = k }
                }
                return (best, bestDistance)
            }
            let publicSeat = nearest(open)
            let withinReach = publicSeat.map { seat in purchased?.reachMetres.map { reach in (seat.metres ?? 0) <= reach } ?? true } ?? false
            if !withinReach, purchased?.eligible[student] == true, let place = nearest(selling) {
                let school = selling[place.k]
                result.seat(student, at: school, in: instance)
                decisions.append(ReassignmentDecision(student: student, outcome: .purchasedPlace(school: school, metres: place.metres)))
                bought[school] -= 1
                if bought[school] == 0 { selling.remove(at: place.k) }
            } else if let seat = publicSeat {
                let school = open[seat.k]
                result.seat(student, at: school, in: instance)
                decisions.append(ReassignmentDecision(student: student, outcome: .reassigned(school: school, metres: seat.metres)))
                free[school] -= 1
                if free[school] == 0 { open.remove(at: seat.k) }
            } else {
                decisions.append(ReassignmentDecision(student: student, outcome: .unplaced(.everySchoolOfLevelFull)))
            }
        }
        return (decisions, result)
    }
}

/// What reassignment did with one student.
package struct ReassignmentDecision: Hashable, Sendable {
    package var student: Int
    package var outcome: Outcome

    package init(student: Int, outcome: Outcome) {
        self.student = student
        self.outcome = outcome
    }

    package enum Outcome: Hashable, Sendable {
        /// Seated at `school`, `metres` from home (nil when the home location is unknown).
        case reassigned(school: Int, metres: Double?)
        /// Given a purchased place at the private `school`, `metres` from home.
        case purchasedPlace(school: Int, metres: Double?)
        /// Left without a seat.
        case unplaced(UnplacedReason)
    }
}

/// Why a student ends without a seat.
package enum UnplacedReason: String, Hashable, Sendable, CustomStringConvertible {
    case everySchoolOfLevelFull = "every school of the level is full"

    package var description: String { rawValue }
}
