import Foundation
#if canImport(EnrollmentSHA256Accelerated)
import EnrollmentSHA256Accelerated
#endif

/// The SHA-256 hash function of FIPS 180-4, written here so that the whole trusted code of a
/// public lottery is this repository.
///
/// Feed bytes with `update` in as many pieces as convenient, then read the digest with
/// `finalize()`; the result depends only on the concatenation of the pieces. `SHA256` is a
/// value type: copying a hasher part-way forks it, which is how a common prefix is hashed once.
///
///     var hasher = SHA256()
///     hasher.update("abc")
///     hasher.finalize().hex  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
///
/// Where the processor has SHA extensions (x86-64 SHA-NI, detected at run time), the blocks are
/// compressed by the small C function of `EnrollmentSHA256Accelerated` (this repository's code,
/// about five times faster); elsewhere, or for a hasher made with `portable: true`, by the Swift
/// code below, which is also the tests' oracle for the other. Both give the same digests.
///
/// - Complexity: O(n) in the number of bytes hashed; no allocation per block.
package struct SHA256: Sendable {
    /// Whether this processor compresses with its SHA extensions.
    package static let accelerated: Bool = {
        #if canImport(EnrollmentSHA256Accelerated)
        enroll_sha256_accelerated() == 1
        #else
        false
        #endif
    }()

    private var state = State()
    /// Whether this hasher compresses with the SHA extensions.
    private let accelerate: Bool
    /// The bytes of an incomplete block, waiting for more input.
    private var pending = emptyBlock
    private var pendingCount = 0
    /// Bytes hashed so far, including the pending ones.
    private var length: UInt64 = 0

    /// A hasher that has seen no bytes yet.
    package init() {
        accelerate = Self.accelerated
    }

    /// A hasher that has seen no bytes yet and uses the Swift compression only when `portable`
    /// (the tests compare the two).
    package init(portable: Bool) {
        accelerate = !portable && Self.accelerated
    }

    /// Adds `bytes` to the message.
    /// - Complexity: O(`bytes.count`).
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let taken = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + offset).copyMemory(from: input, byteCount: taken)
            }
            pendingCount += taken
            input += taken
            remaining -= taken
            guard pendingCount == 64 else { return }
            withUnsafeBytes(of: pending) { block in
                state.compress(block.baseAddress!, blocks: 1, accelerated: accelerate)
            }
            pendingCount = 0
        }
        let whole = remaining / 64
        if whole > 0 {
            state.compress(input, blocks: whole, accelerated: accelerate)
            input += whole * 64
            remaining -= whole * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Adds `bytes` to the message.
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the UTF-8 encoding of `text` to the message (no byte-order mark, no terminator).
    package mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Adds `bytes` to the message. Contiguous collections (`Data`, `ArraySlice`) are read in
    /// place; other sequences are copied through a 64-byte buffer.
    package mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        var chunk = emptyBlock
        var count = 0
        for byte in bytes {
            withUnsafeMutableBytes(of: &chunk) { $0[count] = byte }
            count += 1
            if count == 64 {
                withUnsafeBytes(of: chunk) { update($0) }
                count = 0
            }
        }
        withUnsafeBytes(of: chunk) { update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }

    /// The digest of everything added so far. The hasher itself is unchanged, so more bytes
    /// may be added and another digest taken.
    /// - Complexity: O(1).
    package func finalize() -> SHA256Digest {
        var copy = self
        let bitLength = length &* 8
        // Padding: one 1 bit, zeros up to 56 mod 64 bytes, then the length in bits, big-endian.
        let padding = copy.pendingCount < 56 ? 56 - copy.pendingCount : 120 - copy.pendingCount
        var tail = (emptyBlock, emptyBlock)
        withUnsafeMutableBytes(of: &tail) { bytes in
            bytes[0] = 0x80
            bytes.storeBytes(of: bitLength.bigEndian, toByteOffset: padding, as: UInt64.self)
            copy.update(UnsafeRawBufferPointer(rebasing: bytes[..<(padding + 8)]))
        }
        let s = copy.state
        return SHA256Digest(
            UInt64(s.a) << 32 | UInt64(s.b), UInt64(s.c) << 32 | UInt64(s.d),
            UInt64(s.e) << 32 | UInt64(s.f), UInt64(s.g) << 32 | UInt64(s.h))
    }

    /// The digest of `bytes`.
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes`.
    package static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the UTF-8 encoding of `text`.
    package static func hash(_ text: String) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.finalize()
    }

    /// The digest of `bytes`.
    package static func hash(_ bytes: some Sequence<UInt8>) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The size of the buffer `hash(fileAt:)` reads through.
    package static let fileBufferSize = 1 << 20

    /// The digest of the file at `url`, read through a fixed 1 MiB buffer, so memory use does
    /// not grow with the file. Equal to what `sha256sum` prints for the same file.
    /// - Throws: `FileHashError` if the file cannot be opened or read.
    /// - Complexity: O(n) in the file's size.
    package static func hash(fileAt url: URL) throws(FileHashError) -> SHA256Digest {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(url.path, errno) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: fileBufferSize, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let n = read(fd, buffer.baseAddress!, buffer.count)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(url.path, errno)
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
        return hasher.finalize()
    }
}

/// Why a file could not be hashed.
package enum FileHashError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(String, Int32)
    case cannotRead(String, Int32)

    package var description: String {
        switch self {
        case let .cannotOpen(path, code):
            return "\(path): cannot open the file to hash it (\(String(cString: strerror(code)))); check the path and permissions"
        case let .cannotRead(path, code):
            return "\(path): cannot read the file to hash it (\(String(cString: strerror(code)))); check the disk and try again"
        }
    }
}

/// 64 bytes of storage without a heap allocation.
private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
private let emptyBlock: Block = (0, 0, 0, 0, 0, 0, 0, 0)

extension SHA256 {
    /// The eight working words H0…H7 of FIPS 180-4, section 6.2.
    fileprivate struct State: Sendable {
        package var a: UInt32 = 0x6a09_e667, b: UInt32 = 0xbb67_ae85, c: UInt32 = 0x3c6e_f372, d: UInt32 = 0xa54f_f53a
        package var e: UInt32 = 0x510e_527f, f: UInt32 = 0x9b05_688c, g: UInt32 = 0x1f83_d9ab, h: UInt32 = 0x5be0_cd19

        /// Runs the compression function over `blocks` 64-byte blocks starting at `input`
        /// (any alignment).
        package mutating func compress(_ input: UnsafeRawPointer, blocks: Int, accelerated: Bool) {
            #if canImport(EnrollmentSHA256Accelerated)
            if accelerated {
                var words = (a, b, c, d, e, f, g, h)
                withUnsafeMutablePointer(to: &words) { pointer in
                    pointer.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                        enroll_sha256_compress_accelerated(words, input.assumingMemoryBound(to: UInt8.self), blocks)
                    }
                }
                (a, b, c, d, e, f, g, h) = words
                return
            }
            #endif
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                let w = w.baseAddress!
                sha256RoundConstants.withUnsafeBufferPointer { k in
                    let k = k.baseAddress!
                    var block = input
                    for _ in 0..<blocks {
                        compressBlock(block, w, k)
                        block += 64
                    }
                }
            }
        }

        @inline(__always)
        private mutating func compressBlock(
            _ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>
        ) {
            for t in 0..<16 {
                w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self))
            }
            var t = 16
            while t < 64 {
                // Four words per pass, so the loop's own bookkeeping is paid once per four.
                w[t] = σ1(w[t - 2]) &+ w[t - 7] &+ σ0(w[t - 15]) &+ w[t - 16]
                w[t + 1] = σ1(w[t - 1]) &+ w[t - 6] &+ σ0(w[t - 14]) &+ w[t - 15]
                w[t + 2] = σ1(w[t]) &+ w[t - 5] &+ σ0(w[t - 13]) &+ w[t - 14]
                w[t + 3] = σ1(w[t + 1]) &+ w[t - 4] &+ σ0(w[t - 12]) &+ w[t - 13]
                t += 4
            }
            var a = self.a, b = self.b, c = self.c, d = self.d
            var e = self.e, f = self.f, g = self.g, h = self.h
            var bc = b ^ c
            t = 0
            while t < 64 {
                // Eight rounds with the variables' roles rotated instead of moved.
                round(a, b, c, &d, e, f, g, &h, &bc, k[t] &+ w[t])
                round(h, a, b, &c, d, e, f, &g, &bc, k[t + 1] &+ w[t + 1])
                round(g, h, a, &b, c, d, e, &f, &bc, k[t + 2] &+ w[t + 2])
                round(f, g, h, &a, b, c, d, &e, &bc, k[t + 3] &+ w[t + 3])
                round(e, f, g, &h, a, b, c, &d, &bc, k[t + 4] &+ w[t + 4])
                round(d, e, f, &g, h, a, b, &c, &bc, k[t + 5] &+ w[t + 5])
                round(c, d, e, &f, g, h, a, &b, &bc, k[t + 6] &+ w[t + 6])
                round(b, c, d, &e, f, g, h, &a, &bc, k[t + 7] &+ w[t + 7])
                t += 8
            }
            self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
            self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
        }
    }
}

/// One round of FIPS 180-4 section 6.2.2 step 3, written so that the caller rotates the
/// roles of the eight variables: `d` receives the new e, and `h` the new a. `bc` holds b ⊕ c
/// on entry and a ⊕ b on return, which is the next round's b ⊕ c.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ bc: inout UInt32, _ kw: UInt32
) {
    // Ch(e, f, g) = (e ∧ f) ⊕ (¬e ∧ g) = g ⊕ (e ∧ (f ⊕ g)), and
    // Maj(a, b, c) = (a ∧ b) ⊕ (a ∧ c) ⊕ (b ∧ c) = ((a ⊕ b) ∧ (b ⊕ c)) ⊕ b.
    let ab = a ^ b
    let t1 = h &+ Σ1(e) &+ (g ^ (e & (f ^ g))) &+ kw
    let t2 = Σ0(a) &+ ((ab & bc) ^ b)
    bc = ab
    d &+= t1
    h = t1 &+ t2
}

@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
// Each sums three rotations, nested so that x is copied once rather than three times:
// Σ0 = rotr 2 ⊕ rotr 13 ⊕ rotr 22, Σ1 = rotr 6 ⊕ rotr 11 ⊕ rotr 25,
// σ0 = rotr 7 ⊕ rotr 18 ⊕ shr 3, σ1 = rotr 17 ⊕ rotr 19 ⊕ shr 10 (FIPS 180-4, 4.1.2).
@inline(__always) private func Σ0(_ x: UInt32) -> UInt32 { rotr(rotr(rotr(x, 9) ^ x, 11) ^ x, 2) }
@inline(__always) private func Σ1(_ x: UInt32) -> UInt32 { rotr(rotr(rotr(x, 14) ^ x, 5) ^ x, 6) }
@inline(__always) private func σ0(_ x: UInt32) -> UInt32 { rotr(rotr(x, 11) ^ x, 7) ^ (x &>> 3) }
@inline(__always) private func σ1(_ x: UInt32) -> UInt32 { rotr(rotr(x, 2) ^ x, 17) ^ (x &>> 10) }

/// K0…K63 of FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube
/// roots of the first 64 primes.
private let sha256RoundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]

/// A SHA-256 digest: 32 bytes, compared bytewise (so the order of digests is the order of
/// their hex strings), written as 64 lowercase hex digits.
///
/// Stored as four big-endian 64-bit words, so comparing and hashing cost four word operations.
public struct SHA256Digest: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0–7, 8–15, 16–23 and 24–31 of the digest, each read as a big-endian integer.
    package let words: (UInt64, UInt64, UInt64, UInt64)

    /// The digest whose bytes, read as four big-endian 64-bit integers, are `w0`…`w3`.
    package init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        words = (w0, w1, w2, w3)
    }

    /// The digest with these 32 bytes; nil if `bytes` does not hold exactly 32.
    package init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (i, byte) in bytes.enumerated() {
            w[i / 8] = w[i / 8] << 8 | UInt64(byte)
        }
        self.init(w[0], w[1], w[2], w[3])
    }

    /// The digest written by `hex`: exactly 64 hex digits (upper or lower case); nil otherwise.
    /// (Not generic: a reader of a city's files calls it for every row, from other modules.)
    /// - Complexity: O(1), no allocation for a native string.
    package init?(hex: String) {
        var text = hex
        guard let digest = text.withUTF8(Self.parse) else { return nil }
        self = digest
    }

    /// The digest written by `hex` (a slice of a line, say); as `init?(hex: String)`.
    package init?(hex: Substring) {
        var text = hex
        guard let digest = text.withUTF8(Self.parse) else { return nil }
        self = digest
    }

    /// The digest written in the UTF-8 bytes `utf8`: 64 hex digits; nil otherwise.
    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> SHA256Digest? {
        guard utf8.count == 64 else { return nil }
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for i in 0..<64 {
            guard let nibble = hexValue(utf8[i]) else { return nil }
            switch i / 16 {
            case 0: w.0 = w.0 << 4 | UInt64(nibble)
            case 1: w.1 = w.1 << 4 | UInt64(nibble)
            case 2: w.2 = w.2 << 4 | UInt64(nibble)
            default: w.3 = w.3 << 4 | UInt64(nibble)
            }
        }
        return SHA256Digest(w.0, w.1, w.2, w.3)
    }

    /// The 32 bytes, first to last.
    package var bytes: [UInt8] {
        [words.0, words.1, words.2, words.3].flatMap { word in
            (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) }
        }
    }

    /// The 64 lowercase hex digits, as `sha256sum` prints them.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { out in
            for (i, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for j in 0..<16 {
                    out[16 * i + j] = hexDigits[Int(truncatingIfNeeded: word >> (60 - 4 * j)) & 0xf]
                }
            }
            return 64
        }
    }

    public var description: String { hex }

    public static func == (x: SHA256Digest, y: SHA256Digest) -> Bool {
        x.words == y.words
    }

    public static func < (x: SHA256Digest, y: SHA256Digest) -> Bool {
        x.words < y.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// The value of an ASCII hex digit, either case.
private func hexValue(_ char: UInt8) -> UInt8? {
    switch char {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return char - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return char - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return char - UInt8(ascii: "A") + 10
    default: return nil
    }
}
