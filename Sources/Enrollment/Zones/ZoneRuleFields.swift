import EnrollmentIO

extension ZoneRule {
    /// The columns of `zone-rules.csv`, in the documented order (docs/ZONE-RULES.md). Only
    /// ``requiredColumns`` must be in the header; a missing column reads as empty.
    package static let columns = [
        "zone_id", "kind", "street", "from", "to", "range", "parity", "numbers", "except",
        "compound", "aliases", "village", "groups",
    ]

    /// The columns a `zone-rules.csv` header must have.
    package static let requiredColumns = ["zone_id", "kind"]

    /// Reads a rule from one row of a zone table, checking every field.
    ///
    /// - Parameters:
    ///   - fields: the row's fields by column name; a missing key reads as empty.
    ///   - file: the file's name, for diagnostics.
    ///   - line: the row's 1-based line number.
    ///   - column: the 1-based field number of a column name, or 0 if the file has no such
    ///     column (used in diagnostics only).
    /// - Throws: ``Diagnostics`` with one entry per faulty field, each at `file:line:column`.
    package init(
        fields: [String: String], file: String, line: Int, column: (String) -> Int
    ) throws(Diagnostics) {
        var problems: [Diagnostic] = []
        func field(_ name: String) -> String { TextNormalization.normalizedField(fields[name] ?? "") }
        func problem(_ name: String, _ message: String) {
            problems.append(Diagnostic(SourceLocation(file: file, line: line, column: column(name)), "\(name): \(message)"))
        }
        func forbid(_ names: [String], for kind: String) {
            for name in names where !field(name).isEmpty {
                problem(name, "must be empty for a \(kind) rule")
            }
        }
        func numberList(_ name: String) -> [HouseNumber] {
            var numbers: [HouseNumber] = []
            for item in Self.splitList(field(name)) {
                if let number = HouseNumber(item) {
                    numbers.append(number)
                } else {
                    problem(name, "'\(item)' is not a house number (12, 12号, 12A, 12号之一, 34号附1号, 2-1, 12号甲)")
                }
            }
            return numbers
        }

        let zoneID = field("zone_id")
        if zoneID.isEmpty { problem("zone_id", "missing") }
        let location = SourceLocation(file: file, line: line)
        var scope: Scope?
        switch field("kind").lowercased() {
        case "street", "路", "街", "街路", "道路":
            forbid(["compound", "aliases", "village", "groups"], for: "street")
            scope = Self.streetScope(field: field, problem: problem, numberList: numberList)
        case "compound", "小区":
            forbid(["street", "from", "to", "range", "parity", "numbers", "except", "village", "groups"], for: "compound")
            let name = field("compound")
            if TextNormalization.normalizedAddress(name).isEmpty {
                problem("compound", "missing for a compound rule")
            } else {
                scope = .compound(Compound(name: name, aliases: Self.splitList(field("aliases"))))
            }
        case "village", "村", "社区", "村社区":
            forbid(["street", "from", "to", "range", "parity", "numbers", "except", "compound"], for: "village")
            let name = field("village")
            let groups = Village.parseGroups(field("groups"))
            if groups == nil {
                problem("groups", "'\(field("groups"))' is not a list of groups (3, 1-4, 1至4组, 一至四组, 1-4;7)")
            }
            if TextNormalization.normalizedAddress(name).isEmpty {
                problem("village", "missing for a village rule")
            } else if let groups {
                scope = .village(Village(name: name, aliases: Self.splitList(field("aliases")), groups: groups))
            }
        case "":
            problem("kind", "missing (street, compound or village)")
        default:
            problem("kind", "'\(field("kind"))' is not street, compound or village")
        }
        guard problems.isEmpty, let scope else { throw Diagnostics(problems) }
        self.init(zoneID: zoneID, scope: scope, location: location)
    }

    /// ``init(fields:file:line:column:)`` with the header row of the file: a column's field
    /// number is its 1-based position in `header`.
    package init(fields: [String: String], file: String, line: Int, header: [String]) throws(Diagnostics) {
        try self.init(fields: fields, file: file, line: line) { name in
            header.firstIndex(of: name).map { $0 + 1 } ?? 0
        }
    }

    private static func streetScope(
        field: (String) -> String, problem: (String, String) -> Void, numberList: (String) -> [HouseNumber]
    ) -> Scope? {
        let street = TextNormalization.normalizedAddress(field("street"))
        var valid = true
        if street.isEmpty {
            problem("street", "missing for a street rule")
            valid = false
        } else if let last = street.unicodeScalars.last, AddressScanner.isDigit(last) {
            problem("street", "'\(street)' ends in a number; a lane is written with 弄, 巷 or 里 (延安路955弄)")
            valid = false
        }
        let numbers = numberList("numbers")
        let except = numberList("except")
        if !field("numbers").isEmpty {
            for name in ["from", "to", "range", "parity", "except"] where !field(name).isEmpty {
                problem(name, "must be empty when numbers are listed one by one")
                valid = false
            }
            if numbers.isEmpty, Self.splitList(field("numbers")).isEmpty {
                problem("numbers", "no number listed")
                valid = false
            }
            return valid && !numbers.isEmpty ? .street(street, .exact(numbers)) : nil
        }
        var lower: Int?
        var upper: Int?
        if !field("range").isEmpty {
            for name in ["from", "to"] where !field(name).isEmpty {
                problem(name, "must be empty when range is given")
                valid = false
            }
            if let range = HouseNumberRange(published: field("range")) {
                (lower, upper) = (range.lower, range.upper)
            } else {
                problem("range", "'\(field("range"))' is not a range (1-99号, 1至99号, 63号以后, 63号及以后, 99号以前)")
                valid = false
            }
        }
        for (name, isLower) in [("from", true), ("to", false)] where !field(name).isEmpty {
            if let value = HouseNumberRange.parseEnd(field(name), isLower: isLower) {
                if isLower { lower = value } else { upper = value }
            } else {
                problem(name, "'\(field(name))' is not a whole house number (a range end has no suffix)")
                valid = false
            }
        }
        if let lower, let upper, lower > upper {
            problem("to", "\(upper) is before from \(lower)")
            valid = false
        }
        guard let parity = Parity(field: field("parity")) else {
            problem("parity", "'\(field("parity"))' is not odd, even or all (单号, 双号, 单双号)")
            return nil
        }
        guard valid else { return nil }
        let range = HouseNumberRange(lower: lower, upper: upper)
        for number in except where !range.contains(HouseNumber(base: number.base)) || !parity.contains(number.base) {
            problem("except", "\(number) is not in the rule's numbers (\(range) \(parity)), so excepting it has no effect")
            valid = false
        }
        return valid ? .street(street, .range(range, parity, except: except)) : nil
    }

    /// Splits a list field at `;`, `、` and `,` (full-width forms are folded before), dropping
    /// blank items and surrounding spaces.
    package static func splitList(_ text: String) -> [String] {
        TextNormalization.foldWidth(text)
            .split(whereSeparator: { $0 == ";" || $0 == "、" || $0 == "," })
            .map { TextNormalization.normalizedField(String($0)) }
            .filter { !$0.isEmpty }
    }
}
