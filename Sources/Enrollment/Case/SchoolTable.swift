/// Reading `schools.csv`.
public enum SchoolTable {
    public static let fileName = "schools.csv"
    public static let columns = CSVColumns(
        required: ["school_id", "name", "level", "capacity"],
        optional: ["sector", "classes", "lon", "lat", "feeds", "quality", "quota_weight"]
    )

    /// Reads every school, reporting each malformed value. References to other schools
    /// (`feeds`) are checked by `CaseValidator`, which sees the whole case.
    /// - Complexity: O(rows).
    public static func read(_ table: CSVTable) -> (schools: [School], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        var schools: [School] = []
        var firstLine: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.required("school_id")
            let name = r.required("name")
            let level = r.parsed("level", required: true, expected: "a school level (primary, junior or high)", SchoolLevel.init(parsing:))
            let sector = r.parsed("sector", required: false, expected: "a sector (public or private)", SchoolSector.init(parsing:)) ?? .public
            let capacity = r.integer("capacity", required: true, in: 1...1_000_000)
            let classes = r.integer("classes", required: false, in: 1...1_000)
            let (lon, lat) = r.coordinates()
            let feeds = r.optional("feeds")
            let quality = r.boolean("quality", absent: false)
            let weight = r.parsed("quota_weight", required: false, expected: "a positive decimal weight such as 1 or 1.25") { text -> String? in
                guard let s = Score(parsing: text), s.hundredths > 0 else { return nil }
                return text
            }
            r.checkUnique("school_id", id, seen: &firstLine)
            if let level {
                if feeds != nil, level != .primary { r.report("feeds", "only a primary school feeds a junior school; this one is \(level.rawValue)") }
                if quality, level != .high { r.report("quality", "only a high school can be a quality high school; this one is \(level.rawValue)") }
            }
            diagnostics += r.diagnostics
            if let id, let name, let level, let capacity, r.diagnostics.isEmpty {
                schools.append(School(id: id, name: name, level: level, sector: sector, capacity: capacity, classes: classes,
                                      longitude: lon, latitude: lat, feeds: feeds, quality: quality, quotaWeight: weight, line: r.line))
            }
        }
        return (schools, diagnostics)
    }
}

extension CSVRecordReader {
    /// The optional `lon`/`lat` pair: both or neither, in range.
    mutating func coordinates() -> (Double?, Double?) {
        let lon = decimal("lon", required: false, in: -180...180)
        let lat = decimal("lat", required: false, in: -90...90)
        if (optional("lon") == nil) != (optional("lat") == nil) {
            report(optional("lon") == nil ? "lon" : "lat", "give both lon and lat, or neither")
            return (nil, nil)
        }
        return (lon, lat)
    }
}
