import Dispatch
import Foundation

/// Checking that bytes are well-formed UTF-8 without building a `String`.
enum UTF8Validation {
    /// Inputs at least this long are checked in pieces on all cores.
    static let parallelThreshold = 1 << 22

    /// Whether `bytes` are well-formed UTF-8 by Table 3-7 of the Unicode Standard (no overlong
    /// forms, no surrogates, nothing above U+10FFFF, no truncated sequence): exactly when
    /// `String(validating: bytes, as: UTF8.self)` is not nil.
    ///
    /// Large inputs are cut into one piece per core, each cut moved forward to a byte that
    /// is not a continuation byte (10xxxxxx); the whole is well formed exactly when every
    /// piece is, since in well-formed text every other byte starts a character.
    /// - Complexity: O(n); runs of ASCII are skipped 8 bytes at a time.
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let pieces = bytes.count >= parallelThreshold ? ProcessInfo.processInfo.activeProcessorCount : 1
        return isWellFormed(bytes, pieces: pieces)
    }

    /// `isWellFormed(_:)` in `pieces` pieces (tests vary it to check that it does not matter).
    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, pieces: Int) -> Bool {
        guard pieces > 1, bytes.count > 1 else { return isWellFormedPiece(bytes) }
        var cuts = [0]
        for k in 1..<pieces {
            var cut = max(bytes.count * k / pieces, cuts[cuts.count - 1])
            while cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            cuts.append(cut)
        }
        cuts.append(bytes.count)
        var results = [Bool](repeating: false, count: pieces)
        results.withUnsafeMutableBufferPointer { results in
            let shared = Pieces(bytes: bytes, cuts: cuts, results: results)
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                shared.results[k] = isWellFormedPiece(UnsafeBufferPointer(rebasing: shared.bytes[shared.cuts[k]..<shared.cuts[k + 1]]))
            }
        }
        return results.allSatisfy { $0 }
    }

    /// The input, where it is cut, and where the pieces, checked concurrently, put their
    /// answers (one element each).
    private struct Pieces: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let cuts: [Int]
        let results: UnsafeMutableBufferPointer<Bool>
    }

    /// The check of one piece, on one core.
    private static func isWellFormedPiece(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(bytes) == nil
    }

    /// The offset of the first byte of the first ill-formed sequence in `bytes` (Table 3-7),
    /// nil if they are all well formed.
    /// - Complexity: O(n); runs of ASCII are skipped 8 bytes at a time.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            // Skip ASCII a word at a time.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            guard let sequence = sequence(lead: base[i]) else { return i }
            guard sequence.length > 1 else {
                i += 1
                continue
            }
            guard i + sequence.length <= n else { return i }
            let second = base[i + 1]
            guard second >= sequence.low, second <= sequence.high else { return i }
            var k = 2
            while k < sequence.length {
                guard base[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += sequence.length
        }
        return nil
    }

    /// What a lead byte announces (Table 3-7 of the Unicode Standard): the length of its
    /// sequence (1 for ASCII) and the range of the sequence's second byte (the bytes after it
    /// are 80…BF); nil for a byte that cannot lead.
    @inline(__always)
    static func sequence(lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0x00...0x7F: (1, 0x80, 0xBF)
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xE1...0xEF: (3, 0x80, 0xBF)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        default: nil
        }
    }
}

