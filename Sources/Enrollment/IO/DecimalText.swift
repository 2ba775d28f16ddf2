/// Fixed-decimal formatting, the same on every machine: the value is rounded to a whole
/// number of units of the last place and printed from integers, so no locale or printf
/// implementation is involved. Coordinates use six places (about 0.1 m).
package enum DecimalText {
    package static func format(_ x: Double, places: Int = 6) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let n = Int((x * scale).rounded())
        let unit = Int(scale)
        let sign = n < 0 ? "-" : ""
        let a = abs(n)
        guard places > 0 else { return "\(sign)\(a)" }
        let fraction = String(a % unit)
        return "\(sign)\(a / unit).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }

    /// The shortest of `format(x)` without trailing zeros: `20`, `12.5`.
    package static func trimmed(_ x: Double) -> String {
        var s = format(x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
