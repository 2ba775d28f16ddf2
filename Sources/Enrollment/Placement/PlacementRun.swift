import EnrollmentCase
import EnrollmentVocabulary

/// The placement of one level (primary or junior) of a case: effective preference lists,
/// priority tiers, lottery numbers, the mechanism, reassignment (统筹) of whoever is left,
/// and everything a family or an auditor needs to check the result.
///
/// It depends only on the case, the zoning of its applicants, the seed and explicit
/// priorities — never on row order: applicants are processed in `student_id` order and
/// every tie is broken by the lottery number, then the `student_id`.
package struct PlacementRun: Sendable {
    /// One applicant's outcome.
    package struct Placement: Hashable, Sendable {
        package enum Status: String, CaseIterable, Sendable {
            /// Admitted to a school of their effective list.
            case admitted
            /// Placed by the bureau at the nearest public school with a free seat (统筹), or at a
            /// purchased place in a private school (`seats` is then `purchased`).
            case reassigned
            /// Not placed: every public school of the level is full (`note` says so).
            case unplaced
        }

        package var studentID: String
        package var schoolID: String?
        package var status: Status
        /// 1-based rank of the school in the effective list, for `admitted`.
        package var choiceRank: Int?
        /// The tier at the school, for `admitted`.
        package var tier: Int?
        package var lotteryNumber: LotteryNumber
        /// The twin group whose number the applicant carries (policy `twins_share_lottery_number`).
        package var twinGroup: String?
        package var zoneID: String?
        /// Metres from home to the school, for `reassigned`.
        package var distanceMetres: Double?
        /// The seats the applicant holds: for `admitted`, `all` at a school of one seat group,
        /// else `open`, `open-except:<category>` or `reserved:<category>`
        /// (`SeatGroups.label(of:)`); `purchased` for a purchased place; nil otherwise.
        package var seats: String?
        /// What a family or the bureau should know about the row (`placements.csv` writes their codes).
        package var notes: [PlacementNote]
    }

    /// One entry of an effective preference list (the audit trail).
    package struct Rank: Hashable, Sendable {
        package var studentID: String
        package var schoolID: String
        package var choiceRank: Int
        package var tier: Int
        package var lotteryNumber: LotteryNumber
    }

    package let level: SchoolLevel
    /// The draw that numbered the applicants: `<level>-placement` (`<level>-second-round` in a second round).
    package let draw: String
    package let mechanism: Mechanism
    /// The schools of the level, in `school_id` order.
    package let schools: [School]
    /// Applicants by `student_id`.
    package let placements: [Placement]
    /// Every applicant's effective list, by `student_id` then choice rank.
    package let ranks: [Rank]
    /// The seats of each school in the groups they are filled in (one per school without
    /// reserved seats; `SeatGroups`).
    package let seatGroups: SeatGroups
    /// Per seat group (in `seatGroups.groups` order, school by school): the (tier, lottery
    /// number) of the last applicant admitted by priority when the group filled; nil when it
    /// did not. The tier is the applicant's at the group (raised at a reserved group for one
    /// outside its category).
    package let cutoffs: [(tier: Int, lotteryNumber: LotteryNumber)?]
    /// Per seat group: the applicants who ranked it above what they got, best first, with
    /// their tier at the group.
    package let waitlists: [[(studentID: String, tier: Int, lotteryNumber: LotteryNumber)]]
    /// How many applicants the other mechanism would have placed differently.
    package let placedDifferentlyByOtherMechanism: Int
    /// The instance of the effective lists (applicant i is `placements[i]`, school k `schools[k]`).
    package let instance: MatchingInstance
    /// The instance the mechanism ran on: `instance` expanded into `seatGroups` (the same
    /// instance when no school reserves seats), the tiers at ring schools folded with the ring
    /// positions (`SchoolRings`).
    package let groupInstance: MatchingInstance
    /// The mechanism's matching on `groupInstance` (reassignments not included).
    package let groupMatching: Matching
    /// The final matching, reassignments included.
    package let matching: Matching
}

/// Why a placement cannot run.
package enum PlacementError: Error, CustomStringConvertible, Equatable {
    case noSchools(SchoolLevel)
    case schoolWithoutLocation(String)
    case unknownSchoolInPriorities(studentID: String, schoolID: String)
    /// The policy places the level by a ring draw and no start number and interval were given.
    case ringDrawNeeded(SchoolLevel)
    /// A start number and interval were given for a level the policy places by the lottery.
    case ringDrawNotChosen(SchoolLevel)
    /// The ring draw's numbers do not fit the level's list.
    case ringDraw(SchoolLevel, RingSelectionError)
    /// Schools the policy draws by rings of their own (`ring_draw_schools`) without a ring draw given.
    case schoolRingDrawsNeeded([String])
    /// A ring draw given for a school the policy does not draw by a ring, or given twice.
    case schoolRingDrawNotChosen(String)
    /// A school's ring draw does not fit its list.
    case schoolRingDraw(String, RingSelectionError)
    /// A tier at a ring school, times its number of applicants, does not fit in 32 bits.
    case ringTierTooLarge(String)

    package var description: String {
        switch self {
        case .noSchools(let level):
            return "schools.csv has no \(level.rawValue) school: nothing to place"
        case .schoolWithoutLocation(let id):
            return "school \(id) has no lon/lat in schools.csv: every public school needs one to reassign applicants to the nearest school with a seat"
        case let .unknownSchoolInPriorities(student, school):
            return "priorities.csv gives student \(student) a tier at \(school), which is not a school of this level"
        case .ringDrawNeeded(let level):
            return "policy.json places \(level.rawValue) by a ring draw (ring_draw_levels): give the start number and interval drawn in the hall, --ring-start S --ring-interval K"
        case .ringDrawNotChosen(let level):
            return "policy.json places \(level.rawValue) by the lottery: a start number and interval are for a level listed in ring_draw_levels"
        case let .ringDraw(level, error):
            return "the ring draw of \(level.rawValue): \(error)"
        case .schoolRingDrawsNeeded(let schools):
            return "policy.json draws \(schools.joined(separator: ", ")) by a ring of \(schools.count == 1 ? "its" : "their") own (ring_draw_schools): "
                + "give the start number and interval drawn in the hall for each, --rings FILE (school_id,start,interval)"
        case .schoolRingDrawNotChosen(let school):
            return "a ring draw is given for \(school), which policy.json does not draw by a ring of its own (ring_draw_schools), or it is given twice"
        case let .schoolRingDraw(school, error):
            return "the ring draw of \(school): \(error)"
        case .ringTierTooLarge(let school):
            return "the tiers at \(school), times its number of applicants, exceed 32 bits: give priorities.csv tiers below 1000"
        }
    }
}

extension PlacementRun {
    /// Checks that `ring` is given exactly when the policy places `level` by a ring draw, and
    /// `schoolRings` exactly for the schools of `level` it draws by rings of their own.
    /// - Throws: `PlacementError.ringDrawNeeded`, `.ringDrawNotChosen`, `.schoolRingDrawsNeeded`,
    ///   `.schoolRingDrawNotChosen`.
    package static func checkRingDraws(_ ring: RingDraw?, schoolRings: [SchoolRingDraw], level: SchoolLevel, in c: AdmissionCase) throws(PlacementError) {
        let chosen = c.policy.ringDrawLevels.contains(level)
        guard chosen == (ring != nil) else { throw chosen ? .ringDrawNeeded(level) : .ringDrawNotChosen(level) }
        var wanted = RingDrawFile.ringSchools(of: level, in: c)
        for s in schoolRings where wanted.remove(s.schoolID) == nil { throw .schoolRingDrawNotChosen(s.schoolID) }
        guard wanted.isEmpty else { throw .schoolRingDrawsNeeded(wanted.sorted()) }
    }

    /// The number of applicants on the list of each school of `level` the policy draws by a ring
    /// of its own (`ring_draw_schools`): those whose effective list holds it, numbered 1…n in
    /// `student_id` order — the n its ring draw counts, known before the draw.
    /// - Complexity: that of zoning the level, plus O(n + c).
    package static func ringListSizes(_ c: AdmissionCase, level: SchoolLevel) throws(PlacementError) -> [String: Int] {
        let ringSchools = RingDrawFile.ringSchools(of: level, in: c)
        guard !ringSchools.isEmpty else { return [:] }
        let claims = try PriorityClaims(admissionCase: c, level: level, explicitTiers: c.explicitTiers)
        let people = c.applicants(level)
        var sizes: [String: Int] = [:]
        for (a, zone) in zip(people, ZoneAssigner(admissionCase: c, level: level).assign(people)) {
            let entries = claims.entries(of: a, zoning: zone)
            for id in entries.schools(zoneOrder: entries.zone) where ringSchools.contains(id) { sizes[id, default: 0] += 1 }
        }
        return sizes
    }

    /// Places the applicants of `level`.
    ///
    /// - Parameters:
    ///   - zoning: each applicant's zone assignment, by `student_id` (missing = no zone).
    ///   - seed: the published seed of the draw.
    ///   - explicitTiers: `priorities.csv`, by student then school: a tier that replaces the computed one.
    ///   - draw: the name of the draw that numbers the applicants (default `<level>-placement`).
    ///   - ring: the start number and interval of a ring draw (the caller checks that the policy
    ///     chooses it for the level, `ring_draw_levels`: `checkRingDraws`): the applicants, numbered 1…n in `student_id` order, get
    ///     `LotteryNumber(ringPosition:)` of the order the ring takes them instead of the seeded
    ///     lottery's numbers (twins then do not share a number).
    ///   - schoolRings: the ring draws of schools the policy draws by rings of their own
    ///     (`ring_draw_schools`; the caller checks them, `checkRingDraws`): at each, the applicants
    ///     whose effective list holds it, numbered 1…n in `student_id` order, are ordered by
    ///     (tier, ring position) (`SchoolRings`); `ranks.csv`, `cutoffs.csv` and `waitlists.csv`
    ///     give the position there, as `LotteryNumber(ringPosition:)`, in place of the lottery number.
    /// - Effective preference list: the applicant's `choices` (schools of the level), then the
    ///   schools they have a claim on and did not list — their feeder school first, then their
    ///   zone's schools in a random order drawn from the stream `default-order/<student_id>` —
    ///   so that stating choices never loses the zone's seat.
    /// - Complexity: O(n log n + c) for n applicants and c list entries, plus the mechanism.
    package init(admissionCase c: AdmissionCase, level: SchoolLevel, zoning: [String: ZoneAssignment], seed: String,
                explicitTiers: [String: [String: Int]] = [:], draw: String? = nil, ring: RingDraw? = nil,
                 schoolRings: [SchoolRingDraw] = []) throws(PlacementError) {
        let policy = c.policy
        let claims = try PriorityClaims(admissionCase: c, level: level, explicitTiers: explicitTiers)
        let (schools, index) = (claims.schools, claims.index)

        let applicants = c.applicants(level).sorted { $0.id < $1.id }
        let draw = draw ?? "\(level.rawValue)-placement"
        let numbers: [LotteryNumber]
        if let ring {
            do {
                numbers = try ring.positions(count: applicants.count).map(LotteryNumber.init(ringPosition:))
            } catch {
                throw .ringDraw(level, error)
            }
        } else {
            let numbering = LotteryNumber.Draw(seed: seed, name: draw)
            numbers = applicants.map {
                policy.twinsShareLotteryNumber ? numbering.number(studentID: $0.id, twinGroup: $0.twinGroup) : numbering.number(studentID: $0.id)
            }
        }
        let twinsShare = policy.twinsShareLotteryNumber && ring == nil
        let tieRanks = MatchingInstance.tieRanks(sortedBy: zip(numbers, applicants).map { LotteryOrder(number: $0, studentID: $1.id) })

        var preferences: [[Int]] = [], tiers: [[Int]] = []
        preferences.reserveCapacity(applicants.count)
        tiers.reserveCapacity(applicants.count)
        for a in applicants {
            let entries = claims.entries(of: a, zoning: zoning[a.id])
            var zoneOrder = entries.zone
            if zoneOrder.count > 1 {
                var stream = LotteryStream(seed: seed, draw: "default-order/\(a.id)")
                stream.shuffle(&zoneOrder)
            }
            let list = entries.schools(zoneOrder: zoneOrder)
            preferences.append(list.map { index[$0]! })
            tiers.append(list.map { claims.tier(of: a, at: $0, entries) })
        }
        let instance: MatchingInstance
        do {
            instance = try MatchingInstance(capacities: schools.map(\.capacity), preferences: preferences, tiers: tiers,
                                            tieRanks: tieRanks.map(Int.init))
        } catch {
            preconditionFailure("placement built an invalid instance: \(error)")
        }
        let groups = SeatGroups(schools: schools, policy: policy)
        let rings: SchoolRings
        let groupInstance: MatchingInstance
        do {
            var draws: [(school: Int, draw: RingDraw)] = []
            for r in schoolRings {
                guard let k = index[r.schoolID] else { throw PlacementError.schoolRingDrawNotChosen(r.schoolID) }
                draws.append((k, r.draw))
            }
            rings = try SchoolRings(drawing: draws, in: instance)
            groupInstance = try rings.applied(to: groups.expand(instance) { applicants[$0].has($1) }, groups: groups)
        } catch let error as PlacementError {
            throw error
        } catch SchoolRings.Problem.draw(let school, let error) {
            throw .schoolRingDraw(schools[school].id, error)
        } catch SchoolRings.Problem.tierTooLarge(let school) {
            throw .ringTierTooLarge(schools[school].id)
        } catch {
            preconditionFailure("a drawn ring is always 1…n: \(error)")
        }
        let comparison = MechanismComparison(groupInstance, groups: groups)
        let chosenGroups = policy.mechanism == .deferredAcceptance ? comparison.deferredAcceptance : comparison.immediateAcceptance
        let chosen = groups.schoolMatching(chosenGroups, in: instance)

        let unplaced = (0..<applicants.count).filter { chosen.school(of: $0) == nil }
        let homes = applicants.map { a in
            a.latitude.flatMap { lat in a.longitude.map { Reassignment.Location(latitude: lat, longitude: $0) } }
        }
        let sites = schools.map { Reassignment.Location(latitude: $0.latitude ?? 0, longitude: $0.longitude ?? 0) }
        let purchased = schools.contains { $0.purchasedPlaces > 0 }
            ? Reassignment.PurchasedPlaces(places: schools.map(\.purchasedPlaces),
                                           eligible: applicants.map { a in policy.purchasedPlaceCategories.contains(where: a.has) },
                                           reachMetres: policy.reassignmentReachMetres)
            : nil
        let (decisions, final) = Reassignment.reassign(
            Reassignment.order(unplaced, in: instance, tierWithoutChoices: Int(Int32.max)), after: chosen, in: instance,
            candidates: schools.indices.filter { schools[$0].sector == .public }, homes: homes, schools: sites, purchased: purchased)
        var outcome: [Int: ReassignmentDecision.Outcome] = [:]
        for d in decisions { outcome[d.student] = d.outcome }

        var placements: [Placement] = []
        var ranks: [Rank] = []
        placements.reserveCapacity(applicants.count)
        for (i, a) in applicants.enumerated() {
            let zone = zoning[a.id]
            var p = Placement(studentID: a.id, schoolID: nil, status: .admitted, choiceRank: nil, tier: nil, lotteryNumber: numbers[i],
                              twinGroup: twinsShare ? a.twinGroup : nil, zoneID: zone?.zoneID,
                              distanceMetres: nil, seats: nil, notes: zone?.publicNotes ?? [])
            switch outcome[i] {
            case .reassigned(let school, let metres)?:
                p.schoolID = schools[school].id
                p.status = .reassigned
                p.distanceMetres = metres
            case .purchasedPlace(let school, let metres)?:
                p.schoolID = schools[school].id
                p.status = .reassigned
                p.distanceMetres = metres
                p.seats = SeatsLabel.purchased.code
            case .unplaced?:
                p.status = .unplaced
                p.notes.append(.allPublicFull)
            case nil:
                let s = final.school(of: i)!
                p.schoolID = schools[s].id
                p.choiceRank = final.choiceRank(of: i)
                p.tier = instance.tier(of: i, at: s)
                p.seats = chosenGroups.school(of: i).map(groups.label(of:))
            }
            placements.append(p)
            for (k, s) in preferences[i].enumerated() {
                let number = rings.position(of: i, at: s).map(LotteryNumber.init(ringPosition:)) ?? numbers[i]
                ranks.append(Rank(studentID: a.id, schoolID: schools[s].id, choiceRank: k + 1, tier: tiers[i][k], lotteryNumber: number))
            }
        }
        var byRank = [Int](repeating: 0, count: applicants.count)
        for (i, r) in tieRanks.enumerated() { byRank[Int(r)] = i }
        self.level = level
        self.draw = draw
        self.mechanism = policy.mechanism
        self.schools = schools
        self.placements = placements
        self.ranks = ranks
        // On the groups, without the reassigned: a reassigned applicant holds no school of their
        // list, and so counts in no cutoff and waits at every school they listed, as on `final`.
        self.seatGroups = groups
        // At a ring school the tier stands for (tier, ring position): the files give both back.
        self.cutoffs = Waitlist.cutoffs(chosenGroups, in: groupInstance).enumerated().map { group, cutoff in
            cutoff.map { cutoff in
                let (tier, position) = rings.decode(cutoff.tier, at: groups.groups[group].school)
                return (tier: tier, lotteryNumber: position.map(LotteryNumber.init(ringPosition:)) ?? numbers[byRank[cutoff.tieRank]])
            }
        }
        self.waitlists = Waitlist.waitlists(chosenGroups, in: groupInstance).enumerated().map { group, students in
            students.map { student in
                let (tier, position) = rings.decode(groupInstance.tier(of: student, at: group)!, at: groups.groups[group].school)
                return (studentID: applicants[student].id, tier: tier, lotteryNumber: position.map(LotteryNumber.init(ringPosition:)) ?? numbers[student])
            }
        }
        self.placedDifferentlyByOtherMechanism = comparison.differingCount
        self.instance = instance
        self.groupInstance = groupInstance
        self.groupMatching = chosenGroups
        self.matching = final
    }
}
