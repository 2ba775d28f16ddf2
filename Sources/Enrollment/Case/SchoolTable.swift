import EnrollmentIO
import EnrollmentVocabulary

/// Reading `schools.csv`.
package enum SchoolTable {
    package static let fileName = "schools.csv"
    package static let columns = CSVColumns(
        required: ["school_id", "name", "level", "capacity"],
        optional: ["sector", "classes", "lon", "lat", "feeds", "quality", "quota_weight", "boarding", "locale", "purchased_places"]
    )

    /// Reads every school, reporting each malformed value. References to other schools
    /// (`feeds`) are checked by `CaseValidator`, which sees the whole case.
    /// - Complexity: O(rows).
    /// `declared` holds every school id of the file, with its level when readable, even for
    /// rows with problems, so that references to such a school are not reported twice.
    package static func read(_ table: CSVTable) -> (schools: [School], declared: [String: SchoolLevel?], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], [:], diagnostics) }
        if table.count == 0 {
            diagnostics.append(Diagnostic(SourceLocation(file: table.file, line: table.headerLine, column: 0),
                                          "the file lists no school: a case needs at least one school, one row each"))
        }
        var schools: [School] = []
        var declared: [String: SchoolLevel?] = [:]
        var firstLine: [String: Int] = [:]
        let c = Columns(table)
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.requiredIdentifier(c.id)
            let name = r.required(c.name)
            let level = r.parsed(c.level, required: true, expected: "a school level (primary, junior or high)", SchoolLevel.init(parsing:))
            let sector = r.parsed(c.sector, required: false, expected: "a sector (public or private)", SchoolSector.init(parsing:)) ?? .public
            let capacity = r.integer(c.capacity, required: true, in: 1...1_000_000)
            let classes = r.integer(c.classes, required: false, in: 1...1_000)
            let (lon, lat) = r.coordinates(c.lon, c.lat)
            let feeds = r.optional(c.feeds)
            let quality = r.boolean(c.quality, absent: false)
            let weight = r.parsed(c.quotaWeight, required: false, expected: "a positive decimal weight such as 1 or 1.25") { text -> String? in
                guard let s = Score(parsing: text), s.hundredths > 0 else { return nil }
                return text
            }
            let boarding = r.boolean(c.boarding, absent: false)
            let locale = r.parsed(c.locale, required: false, expected: "a locale (urban, town or rural; 城区, 镇区 or 乡村)", School.Locale.init(parsing:))
            let purchased = r.integer(c.purchasedPlaces, required: false, in: 0...1_000_000) ?? 0
            if purchased > 0, sector == .public {
                r.report(c.purchasedPlaces, "only a private school sells places to the government (政府购买学位); this one is public")
            } else if let capacity, purchased > capacity {
                r.report(c.purchasedPlaces, "\(purchased) purchased places, but the school has \(capacity) seats in all; purchased places are part of capacity")
            }
            r.checkUnique(c.id, id, seen: &firstLine)
            if let level {
                if feeds != nil, level != .primary { r.report(c.feeds, "only a primary school feeds a junior school; this one is \(level.rawValue)") }
                if quality, level != .high { r.report(c.quality, "only a high school can be a quality high school; this one is \(level.rawValue)") }
                if purchased > 0, level == .high { r.report(c.purchasedPlaces, "purchased places are for compulsory education, at primary and junior schools; this one is high") }
            }
            diagnostics += r.diagnostics
            if let id, declared[id] == nil { declared[id] = .some(level) }
            if let id, let name, let level, let capacity, r.diagnostics.isEmpty {
                schools.append(School(id: id, name: name, level: level, sector: sector, capacity: capacity, classes: classes,
                                      longitude: lon, latitude: lat, feeds: feeds, quality: quality, quotaWeight: weight,
                                      boarding: boarding, locale: locale, purchasedPlaces: purchased, line: r.line))
            }
        }
        return (schools, declared, diagnostics)
    }
}

extension SchoolTable {
    /// The columns of `schools.csv`, looked up once per file.
    package struct Columns {
        package let id, name, level, sector, capacity, classes, lon, lat, feeds, quality, quotaWeight, boarding, locale, purchasedPlaces: CSVColumn

        package init(_ t: CSVTable) {
            (id, name, level, sector) = (t.column(named: "school_id"), t.column(named: "name"), t.column(named: "level"), t.column(named: "sector"))
            (capacity, classes, lon, lat) = (t.column(named: "capacity"), t.column(named: "classes"), t.column(named: "lon"), t.column(named: "lat"))
            (feeds, quality, quotaWeight) = (t.column(named: "feeds"), t.column(named: "quality"), t.column(named: "quota_weight"))
            (boarding, locale, purchasedPlaces) = (t.column(named: "boarding"), t.column(named: "locale"), t.column(named: "purchased_places"))
        }
    }
}

extension CSVRecordReader {
    /// The optional `lon`/`lat` pair: both or neither, in range.
    package mutating func coordinates(_ lonColumn: CSVColumn, _ latColumn: CSVColumn) -> (Double?, Double?) {
        let lonText = isEmpty(lonColumn), latText = isEmpty(latColumn)
        if lonText != latText {
            report(lonText ? lonColumn : latColumn, "give both lon and lat, or neither")
            return (nil, nil)
        }
        if lonText { return (nil, nil) }
        return (decimal(lonColumn, required: false, in: -180...180), decimal(latColumn, required: false, in: -90...90))
    }
}
