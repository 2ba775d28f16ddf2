/// Writes a ZIP archive (PKWARE APPNOTE 6.3), the container of an .xlsx workbook: the same
/// entries always give the same bytes (every entry dated 1980-01-01 00:00, the earliest date
/// the format has, so that nothing depends on the clock).
///
///     var zip = ZipWriter()
///     zip.add("xl/workbook.xml", bytes, deflated: true)
///     let archive = zip.finish()
///
/// Entries are stored (method 0) or deflated (method 8, `Deflate`); `ZipArchive` and every
/// spreadsheet program read both. Each entry must be under 4 GiB and the archive hold fewer
/// than 65,535 entries (no ZIP64).
/// - Complexity: O(total size of the entries), plus `Deflate`'s for deflated ones.
package struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    package init() {}

    /// Adds an entry named `name` (UTF-8, `/` between folders) holding `bytes`, deflated when
    /// `deflated` and that makes it smaller, else stored.
    package mutating func add(_ name: String, _ bytes: [UInt8], deflated: Bool = false) {
        precondition(bytes.count < Int(UInt32.max) && count < 0xFFFF, "a workbook's entry is under 4 GiB, its entries fewer than 65,535")
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(bytes)
        let offset = output.count
        let compressed = deflated ? Deflate.compress(bytes) : bytes
        let (data, method) = compressed.count < bytes.count ? (compressed, UInt16(8)) : (bytes, UInt16(0))
        let header = Header(name: nameBytes, crc: crc, method: method, compressedSize: data.count, size: bytes.count)
        // Local file header.
        Self.append32(&output, 0x0403_4B50)
        header.appendCommon(to: &output)
        output += nameBytes
        output += data
        // Central directory header.
        Self.append32(&central, 0x0201_4B50)
        Self.append16(&central, 20)                 // made by: version 2.0
        header.appendCommon(to: &central)
        Self.append16(&central, 0)                  // comment length
        Self.append16(&central, 0)                  // disk number
        Self.append16(&central, 0)                  // internal attributes
        Self.append32(&central, 0)                  // external attributes
        Self.append32(&central, UInt32(offset))
        central += nameBytes
        count += 1
    }

    /// The archive: the entries, their central directory, and its end record.
    package consuming func finish() -> [UInt8] {
        let start = output.count
        output += central
        Self.append32(&output, 0x0605_4B50)
        Self.append16(&output, 0)                   // this disk
        Self.append16(&output, 0)                   // disk of the central directory
        Self.append16(&output, UInt16(count))
        Self.append16(&output, UInt16(count))
        Self.append32(&output, UInt32(central.count))
        Self.append32(&output, UInt32(start))
        Self.append16(&output, 0)                   // comment length
        return output
    }

    /// What a local and a central header say of an entry alike.
    private struct Header {
        var name: [UInt8]
        var crc: UInt32
        var method: UInt16
        var compressedSize: Int
        var size: Int

        /// The fields from "version needed" to "extra length".
        func appendCommon(to out: inout [UInt8]) {
            ZipWriter.append16(&out, 20)            // version needed: 2.0
            ZipWriter.append16(&out, 1 << 11)       // flags: the name is UTF-8
            ZipWriter.append16(&out, method)
            ZipWriter.append16(&out, 0)             // time 00:00:00
            ZipWriter.append16(&out, 0x21)          // date 1980-01-01
            ZipWriter.append32(&out, crc)
            ZipWriter.append32(&out, UInt32(compressedSize))
            ZipWriter.append32(&out, UInt32(size))
            ZipWriter.append16(&out, UInt16(name.count))
            ZipWriter.append16(&out, 0)             // extra field length
        }
    }

    private static func append16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private static func append32(_ out: inout [UInt8], _ value: UInt32) {
        append16(&out, UInt16(value & 0xFFFF))
        append16(&out, UInt16(value >> 16))
    }
}
