import EnrollmentIO
import EnrollmentVocabulary

/// A school's resources as the national standard for high-quality balanced compulsory
/// education measures them (县域义务教育优质均衡发展督导评估办法, 2017, 资源配置 seven
/// indicators), from `resources.csv`, one row per school.
package struct SchoolResources: Hashable, Sendable {
    /// The seven indicators, in the standard's order, each with its column and its unit.
    package enum Indicator: String, CaseIterable, Hashable, Sendable {
        /// 每百名学生拥有高于规定学历教师数.
        case seniorTeachers = "senior_teachers"
        /// 每百名学生拥有县级及以上骨干教师数.
        case keyTeachers = "key_teachers"
        /// 每百名学生拥有体育、艺术(美术、音乐)专任教师数.
        case peArtsTeachers = "pe_arts_teachers"
        /// 生均教学及辅助用房面积 (m²).
        case teachingArea = "teaching_area_m2"
        /// 生均体育运动场馆面积 (m²).
        case sportsArea = "sports_area_m2"
        /// 生均教学仪器设备值 (元).
        case equipmentValue = "equipment_value_yuan"
        /// 每百名学生拥有网络多媒体教室数.
        case multimediaClassrooms = "multimedia_classrooms"

        /// Whether the standard counts it per 100 pupils (else per pupil).
        package var perHundred: Bool { [.seniorTeachers, .keyTeachers, .peArtsTeachers, .multimediaClassrooms].contains(self) }

        /// The standard's minimum at a school of `level` (primary, junior).
        package func standard(_ level: SchoolLevel) -> Double {
            let primary = level == .primary
            switch self {
            case .seniorTeachers: return primary ? 4.2 : 5.3
            case .keyTeachers: return 1
            case .peArtsTeachers: return 0.9
            case .teachingArea: return primary ? 4.5 : 5.8
            case .sportsArea: return primary ? 7.5 : 10.2
            case .equipmentValue: return primary ? 2000 : 2500
            case .multimediaClassrooms: return primary ? 2.3 : 2.4
            }
        }
    }

    package var schoolID: String
    /// Pupils of the whole school (all grades); nil to estimate them from the run.
    package var pupils: Int?
    /// The counts, areas and values as the file gives them (not yet per pupil), by indicator.
    package var amounts: [Indicator: Double]
    /// The line in `resources.csv`.
    package var line: Int

    package init(schoolID: String, pupils: Int? = nil, amounts: [Indicator: Double], line: Int = 0) {
        self.schoolID = schoolID
        self.pupils = pupils
        self.amounts = amounts
        self.line = line
    }

    /// The indicator's value for `pupils` pupils: the amount per pupil, or per 100 pupils;
    /// nil without the amount or without pupils.
    package func value(_ indicator: Indicator, pupils: Int) -> Double? {
        guard pupils > 0, let amount = amounts[indicator] else { return nil }
        return amount * (indicator.perHundred ? 100 : 1) / Double(pupils)
    }
}

/// Reading `resources.csv`.
package enum ResourceTable {
    package static let fileName = "resources.csv"
    package static let columns = CSVColumns(required: ["school_id"], optional: ["pupils"] + SchoolResources.Indicator.allCases.map(\.rawValue))

    /// Each school's resources; a column the file does not have, a school not in `schools.csv`
    /// (of primary or junior level) or listed twice, and a value that is not a number of at
    /// least 0, are reported.
    /// - Complexity: O(rows).
    package static func read(_ table: CSVTable, schools: [String: SchoolLevel?]) -> (resources: [String: SchoolResources], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        // A misspelt indicator would leave every school without it: an unknown column is refused.
        for name in columns.extras(in: table) {
            let hint = NearestName.nearest(to: name, among: columns.optional).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(Diagnostic(SourceLocation(file: table.file, line: max(table.headerLine, 1), column: table.column(name) ?? 0),
                                          "'\(name)' is not a column of \(fileName)\(hint) (the columns are listed in docs/FORMATS.md)"))
        }
        guard diagnostics.isEmpty else { return ([:], diagnostics) }
        let school = table.column(named: "school_id"), pupils = table.column(named: "pupils")
        let amounts = SchoolResources.Indicator.allCases.map { ($0, table.column(named: $0.rawValue)) }
        var resources: [String: SchoolResources] = [:]
        var seen: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.required(school)
            if let id, !schools.isEmpty {
                switch schools[id] {
                case nil: r.report(school, "'\(id)' is not a school in \(SchoolTable.fileName)")
                case .some(.some(.high)): r.report(school, "'\(id)' is a high school: the resource standard is for primary and junior schools")
                default: break
                }
            }
            r.checkUnique(school, id, seen: &seen)
            let count = r.integer(pupils, required: false, in: 1...100_000)
            var values: [SchoolResources.Indicator: Double] = [:]
            for (indicator, column) in amounts {
                if let x = r.decimal(column, required: false, in: 0...1e12) { values[indicator] = x }
            }
            diagnostics += r.diagnostics
            if let id, r.diagnostics.isEmpty { resources[id] = SchoolResources(schoolID: id, pupils: count, amounts: values, line: r.line) }
        }
        return (resources, diagnostics)
    }
}
