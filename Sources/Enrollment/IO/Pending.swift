// Interim stand-ins until the GB18030 and JSON work lands.
public enum TextEncoding: String, Sendable {
    case utf8 = "utf-8", gb18030
    static func decode(_ bytes: [UInt8], declared: TextEncoding?) throws -> String {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        guard let s = String(validating: b, as: UTF8.self) else { throw TextDecodingError.invalid(0) }
        return s
    }
}
enum TextDecodingError: Error {
    case invalid(Int)
    func diagnostic(file: String, bytes: [UInt8]) -> Diagnostic { Diagnostic(SourceLocation(file: file), "not UTF-8") }
}
extension String { var utf8Bytes: [UInt8] { Array(utf8) } }
enum PolicyFile {
    static let fileName = "policy.json"
    static func read(_ bytes: [UInt8], file: String) -> (Policy, [Diagnostic]) { (Policy(), []) }
}
public struct LotteryStream: RandomDraw {
    var state: UInt64
    public init(seed: String, draw: String) { state = 0x9E3779B97F4A7C15; for b in (seed + "\n" + draw).utf8 { state = (state ^ UInt64(b)) &* 0x100000001B3 } }
    public mutating func nextInt(below bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
extension PolicyFile { static func render(_ p: Policy) -> [UInt8] { Array("{\n  \"coordinate_system\": \"\(p.coordinateSystem)\"\n}\n".utf8) } }
