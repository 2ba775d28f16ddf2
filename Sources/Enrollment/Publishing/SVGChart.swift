/// Bar charts as inline SVG text, deterministic and without scripts or external assets.
///
/// A chart has categories along the horizontal axis (schools, classes, junior schools) and one
/// or more series; `stacked` puts a category's bars on top of each other, otherwise they stand
/// side by side. Each category may carry further label lines (e.g. a mean score with its unit).
/// Numbers are written with at most one decimal so the same data always gives the same bytes.
/// The chart carries its text alternative (`summary`) as its `<desc>`; labels are at least
/// 12 px, the axis says its unit.
struct SVGChart: Sendable, Equatable {
    struct Series: Sendable, Equatable {
        var name: String
        var values: [Double]
        /// A CSS colour (`#4e79a7`).
        var color: String

        init(name: String, values: [Double], color: String) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    var title: String
    var categories: [String]
    /// Further label lines per category, separated by line feeds (empty strings for none).
    var notes: [String]
    var series: [Series]
    var stacked: Bool
    /// The unit of the values (`人`, `pupils`), written on the axis and in the summary.
    var unit: String
    /// Per category, a threshold drawn across its bars as a dashed line (nil for none), and
    /// the word the summary gives it (`目标`, `target`).
    var thresholds: [Double?]
    var thresholdName: String

    /// A chart; `notes` defaults to none, `thresholds` to none, and every series must have one
    /// value per category.
    init(title: String, categories: [String], notes: [String] = [], series: [Series], stacked: Bool = false, unit: String = "",
                 thresholds: [Double?] = [], thresholdName: String = "") {
        precondition(series.allSatisfy { $0.values.count == categories.count }, "one value per category")
        precondition(thresholds.isEmpty || thresholds.count == categories.count, "one threshold (or nil) per category")
        self.thresholds = thresholds.isEmpty ? Array(repeating: nil, count: categories.count) : thresholds
        self.thresholdName = thresholdName
        self.title = title
        self.unit = unit
        self.categories = categories
        self.notes = notes.isEmpty ? Array(repeating: "", count: categories.count) : notes
        self.series = series
        self.stacked = stacked
    }

    /// The palette the site uses, in series order.
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"]

    /// The largest bar: the largest stack or the largest single value (at least 4, so gridlines fall on whole numbers).
    var maximum: Double {
        let tops = categories.indices.map { c in
            stacked ? series.reduce(0) { $0 + max(0, $1.values[c]) } : series.map { max(0, $0.values[c]) }.max() ?? 0
        }
        return max(4, tops.max() ?? 0, thresholds.compactMap { $0 }.max() ?? 0)
    }

    /// The chart in words, its text alternative: the title, then per category each series'
    /// value with the unit and the category's notes (`"1: Boys 24 pupils, Girls 25 pupils, mean 79.9 points"`).
    /// - Complexity: O(categories × series).
    var summary: String {
        let suffix = unit.isEmpty ? "" : " " + unit
        return title + ". " + categories.indices.map { c in
            let values = series.map { "\($0.name) \(Self.number($0.values[c]))\(suffix)" }
            let lines = notes[c].isEmpty ? [] : notes[c].split(separator: "\n").map(String.init)
            let threshold = thresholds[c].map { ["\(thresholdName) \(Self.number($0))\(suffix)"] } ?? []
            return "\(categories[c]): " + (values + threshold + lines).joined(separator: ", ")
        }.joined(separator: "; ") + "."
    }

    /// The SVG element, with a `<title>`, a `<desc>` (the summary), a legend, a y axis with its
    /// unit, four gridlines and value labels. The title is not drawn: the page shows it above.
    /// - Complexity: O(categories × series).
    var svg: String {
        let noteLines = notes.map { $0.isEmpty ? [] : $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let left = 56.0, top = 48.0, plotHeight = 200.0, bottom = 34.0 + 16.0 * Double(noteLines.map(\.count).max() ?? 0)
        let widest = max(categories.map { Self.textWidth($0, size: 14) }.max() ?? 0,
                         noteLines.joined().map { Self.textWidth($0, size: 12) }.max() ?? 0)
        let groupWidth = max(36.0, Double(stacked ? 1 : series.count) * 22.0 + 12.0, widest + 10)
        let legendWidth = series.reduce(left) { $0 + Self.textWidth($1.name, size: 14) + 26 }
        let width = max(left + groupWidth * Double(max(categories.count, 1)) + 16, legendWidth + 8)
        let height = top + plotHeight + bottom
        let scale = plotHeight / Self.niceCeiling(maximum)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"sans-serif\" font-size=\"14\" aria-label=\"\(HTMLText.escape(title))\">"
        s += "<title>\(HTMLText.escape(title))</title><desc>\(HTMLText.escape(summary))</desc>"
        var legendX = left
        for item in series {
            s += "<rect x=\"\(Self.number(legendX))\" y=\"4\" width=\"14\" height=\"14\" fill=\"\(HTMLText.escape(item.color))\"/>"
            s += "<text x=\"\(Self.number(legendX + 18))\" y=\"16\">\(HTMLText.escape(item.name))</text>"
            legendX += Self.textWidth(item.name, size: 14) + 26
        }
        if !unit.isEmpty {
            s += "<text x=\"\(Self.number(left - 6))\" y=\"\(Self.number(top - 16))\" text-anchor=\"end\" font-size=\"12\">\(HTMLText.escape(unit))</text>"
        }
        let ceiling = Self.niceCeiling(maximum)
        for k in 0...4 {
            let value = ceiling * Double(k) / 4, y = top + plotHeight - value * scale
            s += "<line x1=\"\(Self.number(left))\" x2=\"\(Self.number(width - 8))\" y1=\"\(Self.number(y))\" y2=\"\(Self.number(y))\" stroke=\"#ddd\"/>"
            s += "<text x=\"\(Self.number(left - 6))\" y=\"\(Self.number(y + 5))\" text-anchor=\"end\" font-size=\"12\">\(Self.number(value))</text>"
        }
        for (c, category) in categories.enumerated() {
            let x0 = left + groupWidth * Double(c) + 6
            var stackTop = top + plotHeight
            for (k, item) in series.enumerated() {
                let value = max(0, item.values[c]), h = value * scale
                let x = stacked ? x0 : x0 + Double(k) * 22
                let y = stacked ? stackTop - h : top + plotHeight - h
                let w = stacked ? groupWidth - 12 : 21
                s += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(w))\" height=\"\(Self.number(h))\" fill=\"\(HTMLText.escape(item.color))\"><title>\(HTMLText.escape(category)) \(HTMLText.escape(item.name)): \(Self.number(item.values[c]))</title></rect>"
                if !stacked { s += "<text x=\"\(Self.number(x + 10.5))\" y=\"\(Self.number(y - 3))\" text-anchor=\"middle\" font-size=\"12\">\(Self.number(item.values[c]))</text>" }
                stackTop = y
            }
            if stacked {
                let total = series.reduce(0) { $0 + $1.values[c] }
                s += "<text x=\"\(Self.number(x0 + (groupWidth - 12) / 2))\" y=\"\(Self.number(stackTop - 2))\" text-anchor=\"middle\" font-size=\"12\">\(Self.number(total))</text>"
            }
            if let threshold = thresholds[c] {
                let y = top + plotHeight - threshold * scale
                s += "<line x1=\"\(Self.number(x0 - 4))\" x2=\"\(Self.number(x0 + groupWidth - 8))\" y1=\"\(Self.number(y))\" y2=\"\(Self.number(y))\" stroke=\"#c00\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>\(HTMLText.escape(category)) \(HTMLText.escape(thresholdName)): \(Self.number(threshold))</title></line>"
            }
            let mid = left + groupWidth * Double(c) + groupWidth / 2
            s += "<text x=\"\(Self.number(mid))\" y=\"\(Self.number(top + plotHeight + 18))\" text-anchor=\"middle\">\(HTMLText.escape(category))</text>"
            for (k, line) in noteLines[c].enumerated() {
                s += "<text x=\"\(Self.number(mid))\" y=\"\(Self.number(top + plotHeight + 34 + 16 * Double(k)))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#444\">\(HTMLText.escape(line))</text>"
            }
        }
        s += "<line x1=\"\(Self.number(left))\" x2=\"\(Self.number(width - 8))\" y1=\"\(Self.number(top + plotHeight))\" y2=\"\(Self.number(top + plotHeight))\" stroke=\"#333\"/>"
        return s + "</svg>"
    }

    /// An estimate of the width of `text` at font size `size`: 0.6 em per ASCII character, 1 em for others.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.6 : 1.0) } * size
    }

    /// The smallest of 1, 2, 4, 6, 8, 10 × 10^k (k ≥ 0) at or above `value`: the axis top, whose
    /// quarters (the gridlines) are written exactly with one decimal.
    static func niceCeiling(_ value: Double) -> Double {
        var unit = 1.0
        while unit * 10 < value { unit *= 10 }
        for step in [1.0, 2.0, 4.0, 6.0, 8.0, 10.0] where step * unit >= value { return step * unit }
        return 10 * unit
    }

    /// `value` with at most one decimal, without a trailing `.0` (deterministic text).
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
