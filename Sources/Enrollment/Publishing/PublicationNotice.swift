import Foundation
import EnrollmentIO
import EnrollmentCase

/// The publication notice (公示) that every page of the published site shows at its top: the
/// round, the publication period (公示期), the office that supervises it and its telephone
/// (监督电话), and how to appeal (申诉). Read from `notice.json` (docs/FORMATS.md):
///
///     {
///       "round": "2026年城关县义务教育招生",
///       "publication_start": "2026-07-20",
///       "publication_end": "2026-07-26",
///       "office": "城关县教育局招生监督室",
///       "telephone": "0371-12345678",
///       "appeal": "对结果有异议的,请在公示期内……书面申诉。"
///     }
///
/// Every key is required; `publication_start` and `publication_end` are days (`YYYY-MM-DD`),
/// the period includes both and may not end before it starts.
package struct PublicationNotice: Sendable, Equatable {
    package static let fileName = "notice.json"
    /// The keys of `notice.json`, in the order the docs list them.
    package static let keys = ["round", "publication_start", "publication_end", "office", "telephone", "appeal"]

    /// The round, as the bureau names it (the site's subtitle).
    package var round: String
    /// The first and last day of the publication period, both included.
    package var start: CalendarDate
    package var end: CalendarDate
    /// The supervising office (监督部门) and its telephone (监督电话).
    package var office: String
    package var telephone: String
    /// How to appeal (申诉), in the bureau's words.
    package var appeal: String

    /// A notice.
    /// - Precondition: `start <= end`.
    package init(round: String, start: CalendarDate, end: CalendarDate, office: String, telephone: String, appeal: String) {
        precondition(start <= end, "a publication period ends on or after its first day")
        self.round = round
        self.start = start
        self.end = end
        self.office = office
        self.telephone = telephone
        self.appeal = appeal
    }

    /// The days of the period, both ends included.
    package var days: Int { end.dayNumber - start.dayNumber + 1 }

    /// Parses `notice.json`.
    /// - Throws: `Diagnostics`, every problem at `file:line:column`: not JSON, not an object, a
    ///   key given twice or unknown, a key missing, a value that is not text or is empty, a date
    ///   that is not a day of the calendar, a period that ends before it starts, a telephone
    ///   number without digits.
    /// - Complexity: O(size of the file).
    /// Reads the notice at `url`.
    /// - Throws: `Diagnostics`: the file cannot be read, or every problem of its contents.
    package init(contentsOf url: URL) throws(Diagnostics) {
        guard let bytes = FileBytes.read(url.path) else {
            throw Diagnostics([Diagnostic(SourceLocation(file: url.path), "the notice cannot be read; check the path and its permissions")])
        }
        try self.init(parsing: bytes, file: url.lastPathComponent)
    }

    package init(parsing bytes: [UInt8], file: String = fileName) throws(Diagnostics) {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes, file: file)
        } catch {
            throw Diagnostics([error])
        }
        guard let members = root.members else {
            throw Diagnostics([Diagnostic(root.location(in: file), "the notice must be a JSON object with the keys \(Self.keys.joined(separator: ", "))")])
        }
        var problems: [Diagnostic] = []
        var texts: [String: (text: String, value: JSONValue)] = [:]
        var seenOn: [String: Int] = [:]
        for m in members {
            let at = SourceLocation(file: file, line: m.line, column: m.column)
            if let line = seenOn[m.key] {
                problems.append(Diagnostic(at, "the key \"\(m.key)\" is given twice (also on line \(line))"))
                continue
            }
            seenOn[m.key] = m.line
            guard Self.keys.contains(m.key) else {
                problems.append(Diagnostic(at, "\"\(m.key)\" is not a key of the notice; the keys are \(Self.keys.joined(separator: ", "))"))
                continue
            }
            guard let text = m.value.string else {
                problems.append(Diagnostic(m.value.location(in: file), "\(m.key): give text in quotes, not \(m.value.kindName)"))
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                problems.append(Diagnostic(m.value.location(in: file), "\(m.key): the text is empty"))
                continue
            }
            texts[m.key] = (trimmed, m.value)
        }
        for key in Self.keys where texts[key] == nil && seenOn[key] == nil {
            problems.append(Diagnostic(root.location(in: file), "the key \"\(key)\" is missing"))
        }
        func date(_ key: String) -> CalendarDate? {
            guard let (text, value) = texts[key] else { return nil }
            guard let day = CalendarDate(parsing: text) else {
                problems.append(Diagnostic(value.location(in: file), "\(key): '\(text)' is not a day of the calendar; write it as YYYY-MM-DD, e.g. 2026-07-20"))
                return nil
            }
            return day
        }
        let start = date("publication_start"), end = date("publication_end")
        if let start, let end, end < start, let endValue = texts["publication_end"]?.value {
            problems.append(Diagnostic(endValue.location(in: file), "publication_end: the period would end on \(end), before it starts on \(start)"))
        }
        if let (phone, value) = texts["telephone"], !phone.contains(where: \.isASCIIDigit) {
            problems.append(Diagnostic(value.location(in: file), "telephone: '\(phone)' holds no digit; give the number families can call"))
        }
        guard problems.isEmpty, let start, let end, let round = texts["round"]?.text, let office = texts["office"]?.text,
              let telephone = texts["telephone"]?.text, let appeal = texts["appeal"]?.text else {
            throw Diagnostics(problems)
        }
        self.init(round: round, start: start, end: end, office: office, telephone: telephone, appeal: appeal)
    }
}
