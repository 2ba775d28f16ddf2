import Foundation
import Testing
@testable import EnrollmentIO

/// The ZIP reader under .xlsx (issue 29): an archive Python's zipfile wrote, and archives
/// written here by hand to carry every fault the reader refuses.
@Suite struct ZipArchiveTests {
    /// Made with Python 3.11's zipfile (ZIP_DEFLATED): `[Content_Types].xml` and
    /// `xl/worksheets/sheet1.xml`, 59 rows of inline strings `学生1` … `学生59`.
    static let pythonArchive = [
        "UEsDBBQAAAAIACRFhV3uR1hmHwAAAB0AAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbLOxr8jNUShLLSrOzM+zVTLUM1Cyt7MJqSxILda3AwBQSw",
        "MEFAAAAAgAJEWFXaeo4q3qAQAAWRAAABgAAAB4bC93b3Jrc2hlZXRzL3NoZWV0MS54bWyF2E1Kw1AUhuGtlGygPX/9gRgQ3IErKKVgQSq0ATfi",
        "3JkzlyVuw3ZyvwzkzSAQLuQdPVzOSX99OR7Hp/24H/rL2/vi8tBZN/SH+8ujdYvxoTudX0/n4/N4uZ2frkM/Dj/fX78fn9Yvx6Ff3o+Wh9tz+7",
        "w1vDUcGw6NaI3ARkAjWyOxkdCo1ihsFDTWrbHGxhoam9bYYGMDjW1rbLGxhcauNXbY2EHDVkK2YmUrykyszmAlrSauxl6NwJrEGpM1MmtCa6zW",
        "iK3JrTFcI7kmusZ2jfCa9BrzNfJrAmws2IiwybAxYiPFLsXOip0UuxQ7K3a8cyeX7sytS4pdip0VOyl2KXZW7KTYpdhZsZNil2JnxU6KXYqdFT",
        "spdil2Vuyk2KXYWbGT4pDiYMVBikOKgxUHKQ4pDlYcODxMpoeZ8YEUhxQHKw5SHFIcrDhIcUhxsOIgxSHFwYqDFIcUBysOUhxSHKw4SHFKcbLi",
        "JMUpxcmKkxSnFCcrTlKcUpysOHEKnozBM3MwKU4pTlacpDilOFlxkuKU4mTFSYpTipMVJylOKU5WnKS4pLhYcZHikuJixUWKS4qLFRcpLikuVl",
        "ykuKS4WHHhOjfZ52YWOlJcUlysuEhxSXGx4iLFJcXFiosUlxQXK65/FS/1N+EPUEsBAhQDFAAAAAgAJEWFXe5HWGYfAAAAHQAAABMAAAAAAAAA",
        "AAAAAIABAAAAAFtDb250ZW50X1R5cGVzXS54bWxQSwECFAMUAAAACAAkRYVdp6jireoBAABZEAAAGAAAAAAAAAAAAAAAgAFQAAAAeGwvd29ya3",
        "NoZWV0cy9zaGVldDEueG1sUEsFBgAAAAACAAIAhwAAAHACAAAAAA==",
    ].joined()

    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func pythonsArchiveReadsBack() throws {
        let zip = try ZipArchive([UInt8](Data(base64Encoded: Self.pythonArchive)!))
        #expect(zip.entries.map(\.name) == ["[Content_Types].xml", "xl/worksheets/sheet1.xml"])
        #expect(zip.entries.map(\.method) == [8, 8])
        #expect(String(decoding: try zip.contents(of: "[Content_Types].xml"), as: UTF8.self) == "<?xml version=\"1.0\"?><Types/>")
        let sheet = String(decoding: try zip.contents(of: "xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(sheet.hasPrefix("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>学生1</t></is></c></row>"))
        #expect(sheet.hasSuffix("<t>学生59</t></is></c></row></sheetData>") && sheet.components(separatedBy: "<row ").count == 60)
        #expect(throws: ZipError.missing("xl/workbook.xml")) { try zip.contents(of: "xl/workbook.xml") }
    }

    /// One entry of an archive written by hand.
    struct Part {
        var name: String
        var data: [UInt8]
        var method = 0
        var stored: [UInt8]? = nil  // the bytes as stored (compressed), when not `data`
        var crc: UInt32? = nil
        var flags = 0
        var size: Int? = nil
    }

    /// An archive of `parts`: local headers and data, the central directory, its end record.
    static func archive(_ parts: [Part]) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        var out: [UInt8] = [], central: [UInt8] = []
        for part in parts {
            let name = Array(part.name.utf8), stored = part.stored ?? part.data
            let crc = Int(part.crc ?? CRC32.checksum(part.data)), size = part.size ?? part.data.count
            let common = u16(20) + u16(part.flags) + u16(part.method) + u16(0) + u16(0) + u32(crc) + u32(stored.count) + u32(size) + u16(name.count)
            central += u32(0x0201_4B50) + u16(20) + common + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(out.count) + name
            out += u32(0x0403_4B50) + common + u16(0) + name + stored
        }
        let offset = out.count
        return out + central + u32(0x0605_4B50) + u16(0) + u16(0) + u16(parts.count) + u16(parts.count) + u32(central.count) + u32(offset) + u16(0)
    }

    @Test func faultyArchivesAreRefusedWithTheirReason() throws {
        let text = Array("student_id\n2026070001\n".utf8)
        #expect(try ZipArchive(Self.archive([Part(name: "a.xml", data: text)])).contents(of: "a.xml") == text)
        func refusal(_ parts: [Part], _ entry: String = "a.xml", limits: ZipLimits = .workbook) -> ZipError? {
            do {
                _ = try ZipArchive(Self.archive(parts), limits: limits).contents(of: entry)
                return nil
            } catch { return error }
        }
        #expect(refusal([Part(name: "a.xml", data: text, crc: 1)]) == .crc("a.xml"))
        #expect(refusal([Part(name: "a.xml", data: text, size: 5)]) == .sizeMismatch("a.xml"))
        #expect(refusal([Part(name: "../a.xml", data: text)]) == .outsideRoot("../a.xml"))
        #expect(refusal([Part(name: "/etc/a.xml", data: text)]) == .outsideRoot("/etc/a.xml"))
        #expect(refusal([Part(name: "C:/a.xml", data: text)]) == .outsideRoot("C:/a.xml"))
        #expect(refusal([Part(name: "xl\\a.xml", data: text)]) == .outsideRoot("xl\\a.xml"))
        #expect(refusal([Part(name: "a.xml", data: text, flags: 1)]) == .encrypted("a.xml"))
        #expect(refusal([Part(name: "a.xml", data: text, method: 12)]) == .method("a.xml", 12))
        #expect(refusal([Part(name: "a.xml", data: text), Part(name: "a.xml", data: text)]) == .duplicate("a.xml"))
        #expect(refusal([Part(name: "a.xml", data: text, method: 8, stored: [0x07])]) == .inflate("a.xml", .reservedBlockType))
        // A bomb: 1,056,769 zero bytes from 6,659 (InflateTests' hand-written block), 159 times.
        var bomb = InflateTests.BitWriter()
        bomb.write(1, bits: 1); bomb.write(1, bits: 2); bomb.code(0x30, bits: 8)
        for _ in 0..<4096 { bomb.code(0b1100_0101, bits: 8); bomb.code(0, bits: 5) }
        bomb.code(0, bits: 7)
        let zeros = [UInt8](repeating: 0, count: 1 + 4096 * 258)
        let bombPart = Part(name: "a.xml", data: zeros, method: 8, stored: bomb.bytes)
        #expect(refusal([bombPart]) == .expansion("a.xml", limit: 100))
        #expect(refusal([bombPart], limits: ZipLimits(entryBytes: 1 << 30, expansion: 200, smallEntryBytes: 0, totalBytes: 1 << 30)) == nil)
        #expect(refusal([bombPart], limits: ZipLimits(entryBytes: 1 << 20, expansion: 200, smallEntryBytes: 0, totalBytes: 1 << 30)) == .tooLarge("a.xml", limit: 1 << 20))
        // Not an archive, and one cut short.
        let whole = Self.archive([Part(name: "a.xml", data: text)])
        #expect(throws: ZipError.notAZip) { try ZipArchive(Array("student_id\n".utf8)) }
        #expect(throws: ZipError.notAZip) { try ZipArchive(Array(whole.dropLast(3))) }
        #expect(throws: ZipError.truncated) { try ZipArchive(Array(whole[40...])) }
        #expect(ZipError.expansion("xl/worksheets/sheet1.xml", limit: 100).description
                == "the entry xl/worksheets/sheet1.xml would expand more than 100 times: refused as a possible ZIP bomb")
    }
}
