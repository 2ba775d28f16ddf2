// Interim stand-ins until the GB18030 and JSON work lands.
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
