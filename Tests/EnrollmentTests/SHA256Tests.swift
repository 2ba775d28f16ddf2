import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

@Suite struct SHA256Tests {
    /// The examples of FIPS 180-4 / NIST CSRC "SHA256.pdf" and the long-message vector.
    static let nistVectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test(arguments: nistVectors)
    func nistVector(message: String, digest: String) {
        #expect(SHA256.hash(message).hex == digest)
        #expect(SHA256.hash(Array(message.utf8)).hex == digest)
    }

    @Test func oneMillionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex == expected)
        var hasher = SHA256()
        let thousand = String(repeating: "a", count: 1000)
        for _ in 0..<1000 { hasher.update(thousand) }
        #expect(hasher.finalize().hex == expected)
    }

    /// The NIST vectors through the Swift compression alone (the oracle of the accelerated one).
    @Test(arguments: nistVectors)
    func nistVectorPortable(message: String, digest: String) {
        var hasher = SHA256(portable: true)
        hasher.update(message)
        #expect(hasher.finalize().hex == digest)
    }

    /// The compression on the processor's SHA extensions (where it has them) gives the Swift
    /// code's digest for every length from 0 to 1,100 bytes (0 to 17 blocks and every padding
    /// case), for seeded random bytes, in one piece and in uneven pieces.
    @Test func theAcceleratedCompressionEqualsTheSwiftOne() {
        print("SHA256Tests: this processor \(SHA256.accelerated ? "has" : "does not have") the SHA extensions")
        var random = LotteryStream(seed: String(repeating: "5a", count: 32), draw: "sha256-oracle")
        for length in 0...1100 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.nextUInt64()) }
            var portable = SHA256(portable: true), fast = SHA256(), pieces = SHA256()
            portable.update(bytes)
            fast.update(bytes)
            var start = 0
            while start < length {
                let end = min(length, start + 1 + Int(random.nextUInt64() % 150))
                pieces.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(fast.finalize() == portable.finalize() && pieces.finalize() == portable.finalize(), "\(length) bytes")
        }
    }

    /// A message long enough to cross two block boundaries wherever it is split.
    static let message: [UInt8] = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    @Test func incrementalEqualsOneShotAtEverySplit() {
        let oneShot = SHA256.hash(Self.message)
        for split in 0...130 {
            var hasher = SHA256()
            hasher.update(Array(Self.message[..<split]))
            hasher.update(Array(Self.message[split...]))
            #expect(hasher.finalize() == oneShot, "split at \(split)")
        }
    }

    @Test func everyPrefixByteByByteEqualsOneShot() {
        var hasher = SHA256()
        for n in 0...130 {
            #expect(hasher.finalize() == SHA256.hash(Array(Self.message[..<n])), "prefix of \(n) bytes")
            hasher.update([Self.message[n]])
        }
    }

    @Test func sequencesSlicesAndDataHashLikeArrays() {
        let expected = SHA256.hash(Self.message)
        #expect(SHA256.hash(Self.message.lazy.map { $0 }) == expected)
        #expect(SHA256.hash(Self.message[...]) == expected)
        #expect(SHA256.hash(Data(Self.message)) == expected)
        #expect(Self.message.withUnsafeBytes { SHA256.hash($0) } == expected)
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update("ab")
        _ = hasher.finalize()
        hasher.update("c")
        #expect(hasher.finalize() == SHA256.hash("abc"))
    }

    @Test func utf8OfNonASCIIText() {
        // printf '张三-01' | sha256sum
        #expect(SHA256.hash("张三-01") == SHA256.hash([0xe5, 0xbc, 0xa0, 0xe4, 0xb8, 0x89, 0x2d, 0x30, 0x31]))
    }

    @Test func fileDigestEqualsSha256sum() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Larger than the read buffer and not a whole number of blocks.
        let size = 2 * SHA256.fileBufferSize + 12_345
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 ^ $0 >> 9) }
        let file = folder.appendingPathComponent("data.bin")
        try AtomicFile.write(bytes, to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let printed = String(decoding: output, as: UTF8.self).prefix(64)

        let digest = try SHA256.hash(fileAt: file)
        #expect(digest.hex == printed)
        #expect(digest == SHA256.hash(bytes))
    }

    @Test func emptyFileHashesLikeTheEmptyMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("empty.csv")
        try AtomicFile.write([], to: file)
        #expect(try SHA256.hash(fileAt: file).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func missingFileIsATypedError() {
        let url = URL(fileURLWithPath: "/nonexistent-folder/none.csv")
        #expect(throws: FileHashError.cannotOpen(url.path, ENOENT)) { try SHA256.hash(fileAt: url) }
    }

    @Test func aFolderCannotBeRead() {
        let url = FileManager.default.temporaryDirectory
        #expect(throws: FileHashError.cannotRead(url.path, EISDIR)) { try SHA256.hash(fileAt: url) }
    }
}

@Suite struct SHA256DigestTests {
    let abc = SHA256.hash("abc")

    @Test func hexRoundTrips() {
        #expect(SHA256Digest(hex: abc.hex) == abc)
        #expect(SHA256Digest(hex: abc.hex.uppercased()) == abc)
        #expect(abc.description == abc.hex)
    }

    @Test func rejectsMalformedHex() {
        #expect(SHA256Digest(hex: String(abc.hex.dropLast())) == nil)
        #expect(SHA256Digest(hex: abc.hex + "0") == nil)
        #expect(SHA256Digest(hex: "g" + abc.hex.dropFirst()) == nil)
        #expect(SHA256Digest(hex: "") == nil)
    }

    @Test func bytesRoundTrip() {
        let bytes = abc.bytes
        #expect(bytes.count == 32)
        #expect(bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        #expect(SHA256Digest(bytes: bytes) == abc)
        #expect(SHA256Digest(bytes: bytes.dropLast()) == nil)
    }

    @Test func orderIsTheOrderOfTheHexStrings() {
        let digests = (0..<200).map { SHA256.hash("\($0)") }
        #expect(digests.sorted().map(\.hex) == digests.map(\.hex).sorted())
    }

    @Test func equalDigestsHashEqually() {
        let set: Set = [abc, SHA256Digest(hex: abc.hex)!, SHA256.hash("abd")]
        #expect(set.count == 2)
    }
}
