// Interim stand-ins until the GB18030 and JSON work lands.
enum PolicyFile {
    static let fileName = "policy.json"
    static func read(_ bytes: [UInt8], file: String) -> (Policy, [Diagnostic]) { (Policy(), []) }
}
extension PolicyFile { static func render(_ p: Policy) -> [UInt8] { Array("{\n  \"coordinate_system\": \"\(p.coordinateSystem)\"\n}\n".utf8) } }
