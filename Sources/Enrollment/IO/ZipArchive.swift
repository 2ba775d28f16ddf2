/// A ZIP archive read from its bytes, as an .xlsx workbook is one: the central directory's
/// entries, and any entry's bytes on demand, checked.
///
/// Read: the end-of-central-directory record (searched backwards over the largest comment the
/// format allows), every central directory entry, and for an entry asked for its local header
/// and its data, stored (method 0) or deflated (method 8, `Inflate`). Refused, each with its
/// reason: bytes that are not a ZIP archive or are cut short; ZIP64 and archives split over
/// disks (a workbook never needs them); an encrypted entry; another compression method; an
/// entry named outside the archive's root (`/…`, `..`, `\`, `C:`); an entry whose data
/// decompress to more than `ZipLimits.entryBytes`, or that expand more than
/// `ZipLimits.expansion` times (a ZIP bomb), or whose size or CRC-32 is not the one recorded.
///
/// - Complexity: opening O(size of the central directory); `contents(of:)` O(the entry's
///   compressed and uncompressed size).
package struct ZipArchive {
    /// One entry of the central directory.
    package struct Entry: Equatable, Sendable {
        package var name: String
        package var method: Int
        package var crc32: UInt32
        package var compressedSize: Int
        package var uncompressedSize: Int
        package var localHeaderOffset: Int
    }

    /// The entries, in the central directory's order.
    package let entries: [Entry]
    private let bytes: [UInt8]
    private let limits: ZipLimits

    /// Reads the central directory of the archive `bytes`.
    /// - Throws: `ZipError` when it is not a ZIP archive this reader accepts.
    package init(_ bytes: [UInt8], limits: ZipLimits = .workbook) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        let end = try Self.endOfCentralDirectory(bytes)
        let count = Self.u16(bytes, end + 10), size = Self.u32(bytes, end + 12), offset = Self.u32(bytes, end + 16)
        guard Self.u16(bytes, end + 4) == 0, Self.u16(bytes, end + 6) == 0, Self.u16(bytes, end + 8) == count else { throw .splitArchive }
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw .zip64 }
        guard offset + size <= end else { throw .truncated }
        var entries: [Entry] = []
        var names: Set<String> = []
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, Self.u32(bytes, at) == 0x0201_4B50 else { throw .truncated }
            let nameLength = Self.u16(bytes, at + 28), extraLength = Self.u16(bytes, at + 30), commentLength = Self.u16(bytes, at + 32)
            guard at + 46 + nameLength <= offset + size else { throw .truncated }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, method: Self.u16(bytes, at + 10), crc32: UInt32(Self.u32(bytes, at + 16)),
                              compressedSize: Self.u32(bytes, at + 20), uncompressedSize: Self.u32(bytes, at + 24),
                              localHeaderOffset: Self.u32(bytes, at + 42))
            guard Self.isInsideRoot(name) else { throw .outsideRoot(name) }
            guard Self.u16(bytes, at + 8) & 1 == 0 else { throw .encrypted(name) }
            guard entry.compressedSize != 0xFFFF_FFFF, entry.uncompressedSize != 0xFFFF_FFFF, entry.localHeaderOffset != 0xFFFF_FFFF else {
                throw .zip64
            }
            guard names.insert(name).inserted else { throw .duplicate(name) }
            entries.append(entry)
            at += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The bytes of the entry `name`, decompressed and checked.
    /// - Throws: `ZipError.missing` when there is no such entry; any other `ZipError` for its data.
    package func contents(of name: String) throws(ZipError) -> [UInt8] {
        guard let entry = entries.first(where: { $0.name == name }) else { throw .missing(name) }
        guard entry.uncompressedSize <= limits.entryBytes else { throw .tooLarge(name, limit: limits.entryBytes) }
        guard entry.uncompressedSize <= max(limits.expansion * entry.compressedSize, limits.smallEntryBytes) else {
            throw .expansion(name, limit: limits.expansion)
        }
        let local = entry.localHeaderOffset
        guard local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4B50 else { throw .truncated }
        let start = local + 30 + Self.u16(bytes, local + 26) + Self.u16(bytes, local + 28)
        guard start + entry.compressedSize <= bytes.count else { throw .truncated }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        let out: [UInt8]
        switch entry.method {
        case 0: out = data
        case 8:
            do { out = try Inflate.decompress(data, limit: entry.uncompressedSize) } catch {
                if case .tooLarge = error { throw .sizeMismatch(name) }
                throw .inflate(name, error)
            }
        default: throw .method(name, entry.method)
        }
        guard out.count == entry.uncompressedSize else { throw .sizeMismatch(name) }
        guard CRC32.checksum(out) == entry.crc32 else { throw .crc(name) }
        return out
    }

    /// Where the end-of-central-directory record starts.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(ZipError) -> Int {
        guard bytes.count >= 22 else { throw .notAZip }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var at = bytes.count - 22
        while at >= lowest {
            if u32(bytes, at) == 0x0605_4B50, at + 22 + u16(bytes, at + 20) == bytes.count { return at }
            at -= 1
        }
        throw .notAZip
    }

    /// Whether an entry's name stays inside the archive's root when unpacked.
    private static func isInsideRoot(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\u{0}") else { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    private static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ at: Int) -> Int { u16(b, at) | u16(b, at + 2) << 16 }
}

/// How much a ZIP archive's entries may hold (`ZipArchive`): the defence against ZIP bombs.
package struct ZipLimits: Sendable {
    /// The most bytes one entry may decompress to.
    package var entryBytes: Int
    /// The most an entry may expand (uncompressed over compressed size)…
    package var expansion: Int
    /// …unless it decompresses to at most this many bytes.
    package var smallEntryBytes: Int
    /// The most bytes all the entries a reader opens may decompress to together.
    package var totalBytes: Int

    /// For a workbook: an entry of at most 512 MB (a sheet of 1,048,576 rows of a dozen columns
    /// holds about 400 MB of XML), expanding at most 100 times (sheet XML compresses 5–20 times)
    /// unless it is under 1 MB, and the parts read (sheet, shared strings, styles, workbook)
    /// 1 GB together.
    package static let workbook = ZipLimits(entryBytes: 512 << 20, expansion: 100, smallEntryBytes: 1 << 20, totalBytes: 1 << 30)

    /// Checks, before any is decompressed, that `entries` together stay within `totalBytes`.
    /// - Throws: `ZipError.totalTooLarge`.
    package func checkTotal(_ entries: [ZipArchive.Entry]) throws(ZipError) {
        guard entries.reduce(0, { $0 + $1.uncompressedSize }) <= totalBytes else { throw .totalTooLarge(limit: totalBytes) }
    }
}

/// Why a ZIP archive, or one of its entries, could not be read.
package enum ZipError: Error, Equatable, CustomStringConvertible {
    case notAZip
    case truncated
    case splitArchive
    case zip64
    case outsideRoot(String)
    case encrypted(String)
    case duplicate(String)
    case missing(String)
    case method(String, Int)
    case tooLarge(String, limit: Int)
    case expansion(String, limit: Int)
    case totalTooLarge(limit: Int)
    case sizeMismatch(String)
    case crc(String)
    case inflate(String, InflateError)

    package var description: String {
        switch self {
        case .notAZip: return "this is not a ZIP archive (an .xlsx workbook is one): save the file again as an Excel workbook (.xlsx)"
        case .truncated: return "the archive is cut short or damaged: copy the file again from its source"
        case .splitArchive: return "the archive is split over several files: save the workbook again as one .xlsx file"
        case .zip64: return "the archive uses ZIP64 (entries of 4 GB or more), which a workbook never needs: save the workbook again"
        case .outsideRoot(let name): return "the archive holds an entry named outside its root (\(name)): this is not a workbook Excel wrote"
        case .encrypted(let name): return "the entry \(name) is encrypted: save the workbook again without a password"
        case .duplicate(let name): return "the archive holds two entries named \(name): the file is damaged"
        case .missing(let name): return "the archive has no entry \(name): this is not an .xlsx workbook"
        case let .method(name, method): return "the entry \(name) is compressed by method \(method), which is neither stored nor deflated: save the workbook again"
        case let .tooLarge(name, limit): return "the entry \(name) decompresses to more than \(limit) bytes, the limit for one part of a workbook"
        case let .expansion(name, limit):
            return "the entry \(name) would expand more than \(limit) times: refused as a possible ZIP bomb"
        case .totalTooLarge(let limit):
            return "the parts of the workbook decompress to more than \(limit) bytes together, the limit for a workbook: refused as a possible ZIP bomb"
        case .sizeMismatch(let name): return "the entry \(name) does not decompress to the size the archive records: the file is damaged"
        case .crc(let name): return "the entry \(name) fails its CRC-32 check: the file is damaged"
        case let .inflate(name, error): return "the entry \(name): \(error)"
        }
    }
}
