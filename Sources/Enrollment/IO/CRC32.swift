/// The CRC-32 of ZIP archives (ISO 3309, ITU-T V.42: the reflected polynomial 0xEDB88320,
/// initial value and final xor 0xFFFFFFFF), by a 256-entry table.
///
///     CRC32.checksum(Array("123456789".utf8))  // 0xCBF43926
///
/// - Complexity: O(n) in the bytes checked.
package enum CRC32 {
    /// The CRC-32 of `bytes`.
    package static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
