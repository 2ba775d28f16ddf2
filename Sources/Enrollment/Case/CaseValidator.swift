import EnrollmentIO
import EnrollmentVocabulary
import EnrollmentZones

/// Checks a case as a whole, once each file has been read on its own: every reference to
/// a school names a school of the right level.
enum CaseValidator {
    /// Every cross-reference problem of the case, sorted by file, line and column; with
    /// `applicantsOnly`, those of the applicant files alone (a second round's, checked as the
    /// first round's without checking the schools, zones and graduates again).
    ///
    /// The checks are independent of one another: they run on all cores, and their problems are
    /// sorted, so that what is reported does not depend on which finishes first.
    /// - Complexity: O(rows + references), divided among the cores.
    static func problems(in admissionCase: AdmissionCase, applicantsOnly: Bool = false) -> [Diagnostic] {
        var levels: [String: SchoolLevel?] = admissionCase.declaredSchools
        for school in admissionCase.schools { levels[school.id] = school.level }
        let references = SchoolReferences(levels: levels, admissionCase: admissionCase)
        let c = admissionCase
        var checks: [@Sendable () -> [Diagnostic]] = [
            { oneApplicationProblems(in: c) },
            { references.problems(of: .primary) },
            { references.problems(of: .junior) },
            { eligibilityProblems(in: c) },
            { twinGroupProblems(in: c) },
        ]
        for level in [SchoolLevel.primary, .junior] {
            checks.append { requestProblems(c.applicants(level), file: ApplicantTable.fileName(for: level), twinsTogether: c.policy.twins == .together, in: c) }
        }
        if !applicantsOnly {
            checks += [{ references.schoolAndGraduateProblems() }, { zoneProblems(in: c, levels: references.levels) }]
        }
        return concurrentMap(count: checks.count) { checks[$0]() }.joined().sorted()
    }

    /// The references to schools by id in the schools' and applicants' and graduates' rows:
    /// each must name a school of `schools.csv` of the level its column asks for.
    struct SchoolReferences: Sendable {
        /// Every school's level by id (nil for a school declared without one).
        let levels: [String: SchoolLevel?]
        let admissionCase: AdmissionCase

        /// The problems of `level`'s applicants: their choices, sibling schools and (junior) primary schools.
        func problems(of level: SchoolLevel) -> [Diagnostic] {
            var problems: [Diagnostic] = []
            let file = ApplicantTable.fileName(for: level)
            let applicants = admissionCase.applicants(level)
            for i in applicants.indices {
                let line = applicants[i].line
                let personal = { [("name", applicants[i].name), ("id_number", applicants[i].idNumber)] }
                for choice in applicants[i].choices {
                    check(choice, file: file, line: line, column: "choices", expected: level, role: "a choice of a \(level.rawValue) applicant",
                          personal: personal(), into: &problems)
                }
                check(applicants[i].siblingSchool, file: file, line: line, column: "sibling_school", expected: level, role: "a sibling's school",
                      personal: personal(), into: &problems)
                if level == .junior {
                    check(applicants[i].primarySchool, file: file, line: line, column: "primary_school", expected: .primary, role: "the primary school",
                          personal: personal(), into: &problems)
                }
            }
            return problems
        }

        /// The problems of the schools' `feeds` and of the graduates' schools and choices.
        func schoolAndGraduateProblems() -> [Diagnostic] {
            var problems: [Diagnostic] = []
            for school in admissionCase.schools {
                check(school.feeds, file: SchoolTable.fileName, line: school.line, column: "feeds", expected: .junior, role: "the school fed", into: &problems)
            }
            let graduates = admissionCase.graduates
            for i in graduates.indices {
                let line = graduates[i].line
                let personal = { [("name", Optional(graduates[i].name))] }
                check(graduates[i].juniorSchool, file: GraduateTable.fileName, line: line, column: "junior_school", expected: .junior, role: "a graduate's school",
                      personal: personal(), into: &problems)
                for choice in graduates[i].choices {
                    check(choice, file: GraduateTable.fileName, line: line, column: "choices", expected: .high, role: "a graduate's choice",
                          personal: personal(), into: &problems)
                }
            }
            return problems
        }

        /// Adds the problem of the reference `id`, if it has one. The role and the row's personal
        /// values are only made for a reference that has a problem.
        private func check(_ id: String?, file: String, line: Int, column: String, expected: SchoolLevel, role: @autoclosure () -> String,
                           personal: @autoclosure () -> [(column: String, value: String?)] = [], into problems: inout [Diagnostic]) {
            // With no school read (schools.csv has problems of its own), every reference would be reported.
            guard let id, !levels.isEmpty else { return }
            guard let declared = levels[id] else {
                problems.append(Diagnostic(admissionCase.location(file, line: line, column: column),
                                           "\(column): '\(id)' is not a school in \(SchoolTable.fileName)").redacting(personal()))
                return
            }
            if let level = declared, level != expected {
                problems.append(Diagnostic(admissionCase.location(file, line: line, column: column),
                                           "\(column): '\(id)' is a \(level.rawValue) school, but \(role()) must be a \(expected.rawValue) school").redacting(personal()))
            }
        }
    }

    /// Zones name schools of their level; address rules name zones that are drawn or
    /// declared; a zone both drawn and declared agrees with itself.
    static func zoneProblems(in c: AdmissionCase, levels: [String: SchoolLevel?]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func checkSchools(_ schools: [String], level: SchoolLevel, zone: String, at location: SourceLocation) {
            for id in schools where !levels.isEmpty {
                guard let declared = levels[id] else {
                    problems.append(Diagnostic(location, "zone \(zone): '\(id)' is not a school in \(SchoolTable.fileName)"))
                    continue
                }
                if let schoolLevel = declared, schoolLevel != level {
                    problems.append(Diagnostic(location, "zone \(zone) is a \(level.rawValue) zone, but '\(id)' is a \(schoolLevel.rawValue) school"))
                }
            }
        }
        var drawn: [String: ZoneMap.Zone] = [:]
        for zone in c.zoneMap?.zones ?? [] {
            let level = zone.level
            checkSchools(zone.schools, level: level, zone: zone.id, at: zone.location)
            drawn[zone.id] = zone
        }
        var declared: Set<String> = []
        for zone in c.zoneDeclarations {
            let location = SourceLocation(file: ZoneTable.fileName, line: zone.line, column: 0)
            checkSchools(zone.schools, level: zone.level, zone: zone.id, at: location)
            declared.insert(zone.id)
            if let map = drawn[zone.id], map.level != zone.level || map.schools != zone.schools {
                problems.append(Diagnostic(location, "zone \(zone.id) is also drawn in zones.geojson with another level or other schools; make them agree"))
            }
        }
        // A map that could not be read draws no zone; its own problems are reported instead.
        let mapUnreadable = c.zoneMap == nil && c.files.contains("zones.geojson")
        let known = declared.union(c.rejectedZoneIDs)
        for rule in c.zoneRules where !mapUnreadable && drawn[rule.zoneID] == nil && !known.contains(rule.zoneID) {
            problems.append(Diagnostic(rule.location, "zone_id: zone \(rule.zoneID) is neither drawn in zones.geojson nor declared in \(ZoneTable.fileName) (which gives its level and schools)"))
        }
        return problems
    }

    /// A `twin_group` that is the `student_id` of an applicant (of either level): the group's
    /// lottery number is computed from its text as a student's is from their id
    /// (docs/LOTTERY.md), so the twins would carry that applicant's number.
    /// - Complexity: O(n) for n applicants.
    static func twinGroupProblems(in c: AdmissionCase) -> [Diagnostic] {
        let levels = [SchoolLevel.primary, .junior]
        // The groups (few) are looked up by every id, rather than every id put in a set.
        var groups = Set<String>()
        for level in levels {
            for group in c.applicants(level).lazy.compactMap(\.twinGroup) { groups.insert(group) }
        }
        guard !groups.isEmpty else { return [] }
        var clashing = Set<String>()
        for level in levels {
            for id in c.applicants(level).lazy.map(\.id) where groups.contains(id) { clashing.insert(id) }
        }
        var problems: [Diagnostic] = []
        for level in levels {
            for a in c.applicants(level) where a.twinGroup.map(clashing.contains) == true {
                problems.append(Diagnostic(c.location(ApplicantTable.fileName(for: level), line: a.line, column: "twin_group"),
                                           "twin_group: \(CSVRecordReader.quotedIdentifier(a.twinGroup!)) is the student_id of an applicant; "
                                           + "give the group an id of its own (such as T and the first twin's student_id), "
                                           + "or the twins would carry that applicant's lottery number"))
            }
        }
        return problems
    }

    /// One child, one application: a resident id number appears on one row of the two levels'
    /// applicant files (a child on two rows would hold two lottery numbers), and a student_id
    /// in one of the two files (a repeat within a file is reported as it is read). Each later
    /// row is reported at its cell, naming the first row; the id number itself is never echoed.
    /// Id numbers are compared with a final `x` read as `X` (`ResidentIDNumber.comparisonKey`).
    /// - Complexity: O(n) expected for n applicants of both levels, hashed on all cores
    ///   (`FirstOccurrences`).
    static func oneApplicationProblems(in c: AdmissionCase) -> [Diagnostic] {
        let primary = c.applicants(.primary), junior = c.applicants(.junior)
        let primaryIDs = FirstOccurrences(primary.map { Optional($0.id) })
        // The id numbers of both levels, primary rows first, each in its comparison form.
        var numbers: [String?] = []
        numbers.reserveCapacity(primary.count + junior.count)
        for a in primary { numbers.append(a.idNumber.flatMap { $0.isEmpty ? nil : ResidentIDNumber.comparisonKey($0) }) }
        for a in junior { numbers.append(a.idNumber.flatMap { $0.isEmpty ? nil : ResidentIDNumber.comparisonKey($0) }) }
        let firstNumbers = FirstOccurrences(numbers)
        func place(ofRow row: Int) -> (file: String, line: Int) {
            row < primary.count ? (ApplicantTable.fileName(for: .primary), primary[row].line)
                : (ApplicantTable.fileName(for: .junior), junior[row - primary.count].line)
        }
        var problems: [Diagnostic] = []
        for (level, applicants, offset) in [(SchoolLevel.primary, primary, 0), (.junior, junior, primary.count)] {
            let file = ApplicantTable.fileName(for: level)
            for (i, a) in applicants.enumerated() {
                if level == .junior, let row = primaryIDs.firstRow(of: a.id) {
                    problems.append(Diagnostic(c.location(file, line: a.line, column: "student_id"),
                                               "student_id: \(CSVRecordReader.quotedIdentifier(a.id)) also applies to primary school "
                                               + "(\(ApplicantTable.fileName(for: .primary)) line \(primary[row].line)); one child, one application: remove the wrong row"))
                }
                guard let row = firstNumbers.earlier(than: offset + i) else { continue }
                let first = place(ofRow: row)
                problems.append(Diagnostic(c.location(file, line: a.line, column: "id_number"),
                                           "id_number: the same resident id number as \(first.file) line \(first.line); "
                                           + "one child, one application (two rows would hold two lottery numbers): remove the duplicate row, "
                                           + "or correct the id number"))
            }
        }
        return problems
    }

    /// Class requests that contradict each other through a chain: pupils linked by
    /// `together_with` (in either direction, and twins when the policy keeps them together)
    /// must share a class, so an `apart_from` between two of them can never be met. Each such
    /// `apart_from` is reported at its cell, naming the chain's other end.
    /// - Complexity: O(n + (requests + twins) α(n)) for n applicants; only the applicants named
    ///   in requests are looked up by id.
    static func requestProblems(_ applicants: [Applicant], file: String, twinsTogether: Bool,
                                in c: AdmissionCase) -> [Diagnostic] {
        guard applicants.contains(where: { !$0.apartFrom.isEmpty }) else { return [] }
        var named = Set<String>()
        for i in applicants.indices {
            named.formUnion(applicants[i].togetherWith)
            named.formUnion(applicants[i].apartFrom)
        }
        var index: [String: Int] = [:]
        for i in applicants.indices where named.contains(applicants[i].id) && index[applicants[i].id] == nil { index[applicants[i].id] = i }
        var parent = Array(applicants.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var firstOfTwinGroup: [String: Int] = [:]
        for i in applicants.indices {
            for other in applicants[i].togetherWith {
                if let j = index[other] { parent[root(i)] = root(j) }
            }
            if twinsTogether, let group = applicants[i].twinGroup {
                if let j = firstOfTwinGroup[group] { parent[root(i)] = root(j) } else { firstOfTwinGroup[group] = i }
            }
        }
        var problems: [Diagnostic] = []
        for i in applicants.indices where !applicants[i].apartFrom.isEmpty {
            let a = applicants[i]
            for other in a.apartFrom where !a.togetherWith.contains(other) {
                guard let j = index[other], j != i, root(i) == root(j) else { continue }
                problems.append(Diagnostic(c.location(file, line: a.line, column: "apart_from"),
                                           "apart_from: \(other) must be in the same class as student \(a.id) through a chain of together_with requests"
                                           + (twinsTogether ? " or twins" : "") + "; remove one of the requests"))
            }
        }
        return problems
    }
}
