import Foundation
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis

/// `enroll-bench sha256 [--mb N] [--file PATH]`: the throughput of `SHA256` on an in-memory
/// buffer of N MB (1 MB = 10^6 bytes, default 256) and on a file: PATH if given (so that
/// bench/sha256.sh can hash the very file its peers hash), else a temporary file of the same
/// bytes, removed afterwards; and the buffer once more through the Swift compression alone
/// (`swift`: what runs where the processor has no SHA extensions). Prints one line per
/// measurement:
///
///     memory  256 MB  0.185 s  1386.3 MB/s  <digest>
///     swift   256 MB  0.812 s  315.3 MB/s  <digest>
///     file    256 MB  0.198 s  1290.8 MB/s  <digest>
enum BenchSHA256 {
    static let summary = "SHA-256 throughput on a buffer and a file [--mb N] [--file PATH]"

    static func run(_ arguments: [String]) throws {
        var megabytes = 256
        var file: URL?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch (option, rest.popFirst()) {
            case let ("--mb", value?):
                guard let n = Int(value), n > 0 else { throw BenchUsageError("--mb needs a positive whole number") }
                megabytes = n
            case let ("--file", value?):
                file = URL(fileURLWithPath: value)
            default:
                throw BenchUsageError("usage: enroll-bench sha256 [--mb N] [--file PATH]")
            }
        }
        let bytes = (0..<megabytes * 1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let memory = measure { bytes.withUnsafeBytes { SHA256.hash($0) } }
        report("memory", megabytes: megabytes, memory)
        let portable = measure {
            var hasher = SHA256(portable: true)
            bytes.withUnsafeBytes { hasher.update($0) }
            return hasher.finalize()
        }
        guard portable.digest == memory.digest else { throw BenchUsageError("the accelerated and the portable digests differ") }
        report("swift", megabytes: megabytes, portable)

        if let file {
            let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
            report("file", megabytes: size / 1_000_000, try measure { try SHA256.hash(fileAt: file) })
        } else {
            let temporary = FileManager.default.temporaryDirectory
                .appendingPathComponent("enroll-bench-sha256-\(ProcessInfo.processInfo.processIdentifier).bin")
            try AtomicFile.write(bytes, to: temporary)
            defer { try? FileManager.default.removeItem(at: temporary) }
            let fromFile = try measure { try SHA256.hash(fileAt: temporary) }
            guard fromFile.digest == memory.digest else { throw BenchUsageError("file and buffer digests differ") }
            report("file", megabytes: megabytes, fromFile)
        }
    }

    private static func measure(
        _ body: () throws -> SHA256Digest
    ) rethrows -> (seconds: Double, digest: SHA256Digest) {
        let clock = ContinuousClock()
        let start = clock.now
        let digest = try body()
        let elapsed = start.duration(to: clock.now).components
        return (Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, digest)
    }

    private static func report(_ what: String, megabytes: Int, _ m: (seconds: Double, digest: SHA256Digest)) {
        let rate = Double(megabytes) / m.seconds
        print("\(what.padding(toLength: 7, withPad: " ", startingAt: 0)) \(megabytes) MB  "
            + "\(String(format: "%.3f", m.seconds)) s  \(String(format: "%.1f", rate)) MB/s  \(m.digest.hex)")
    }
}

/// A mistake in a benchmark's options.
struct BenchUsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
