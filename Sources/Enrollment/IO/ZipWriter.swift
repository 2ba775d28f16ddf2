/// Writes a ZIP archive (PKWARE APPNOTE 6.3) of stored entries, the container of an .xlsx
/// workbook: the same entries always give the same bytes (every entry dated 1980-01-01 00:00,
/// the earliest date the format has, so that nothing depends on the clock).
///
///     var zip = ZipWriter()
///     zip.add("xl/workbook.xml", bytes)
///     let archive = zip.finish()
///
/// Entries are stored, not compressed (method 0): `ZipArchive` and every spreadsheet program
/// read them, and the archive is written in one pass. Each entry must be under 4 GiB and
/// the archive hold fewer than 65,535 entries (no ZIP64).
/// - Complexity: O(total size of the entries).
package struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    package init() {}

    /// Adds an entry named `name` (UTF-8, `/` between folders) holding `bytes`.
    package mutating func add(_ name: String, _ bytes: [UInt8]) {
        precondition(bytes.count < Int(UInt32.max) && count < 0xFFFF, "a workbook's entry is under 4 GiB, its entries fewer than 65,535")
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(bytes)
        let offset = output.count
        // Local file header.
        Self.append32(&output, 0x0403_4B50)
        Self.appendCommon(&output, name: nameBytes, crc: crc, size: bytes.count)
        output += nameBytes
        output += bytes
        // Central directory header.
        Self.append32(&central, 0x0201_4B50)
        Self.append16(&central, 20)                  // made by: version 2.0
        Self.appendCommon(&central, name: nameBytes, crc: crc, size: bytes.count)
        Self.append16(&central, 0)                   // comment length
        Self.append16(&central, 0)                   // disk number
        Self.append16(&central, 0)                   // internal attributes
        Self.append32(&central, 0)                   // external attributes
        Self.append32(&central, UInt32(offset))
        central += nameBytes
        count += 1
    }

    /// The archive: the entries, their central directory, and its end record.
    package consuming func finish() -> [UInt8] {
        let start = output.count
        output += central
        Self.append32(&output, 0x0605_4B50)
        Self.append16(&output, 0)                    // this disk
        Self.append16(&output, 0)                    // disk of the central directory
        Self.append16(&output, UInt16(count))
        Self.append16(&output, UInt16(count))
        Self.append32(&output, UInt32(central.count))
        Self.append32(&output, UInt32(start))
        Self.append16(&output, 0)                    // comment length
        return output
    }

    /// The fields a local and a central header share, from "version needed" to "extra length".
    private static func appendCommon(_ out: inout [UInt8], name: [UInt8], crc: UInt32, size: Int) {
        Self.append16(&out, 20)                      // version needed: 2.0
        Self.append16(&out, 1 << 11)                 // flags: the name is UTF-8
        Self.append16(&out, 0)                       // method: stored
        Self.append16(&out, 0)                       // time 00:00:00
        Self.append16(&out, 0x21)                    // date 1980-01-01
        Self.append32(&out, crc)
        Self.append32(&out, UInt32(size))            // compressed size
        Self.append32(&out, UInt32(size))            // uncompressed size
        Self.append16(&out, UInt16(name.count))
        Self.append16(&out, 0)                       // extra field length
    }

    private static func append16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private static func append32(_ out: inout [UInt8], _ value: UInt32) {
        Self.append16(&out, UInt16(value & 0xFFFF))
        Self.append16(&out, UInt16(value >> 16))
    }
}
