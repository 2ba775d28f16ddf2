import Foundation
import EnrollmentIO

/// The SHA-256 of every file of a site, made on another thread while the next files are built
/// (a city's site is hundreds of megabytes).
final class SiteDigests: @unchecked Sendable {
    private let worker = SerialWorker(label: "enroll.site-digests")
    private var digests: [(path: String, digest: SHA256Digest)] = []

    init() {}

    /// Hashes `bytes`, the file `path`.
    func add(_ path: String, _ bytes: [UInt8]) {
        worker.run { [self] in digests.append((path, SHA256.hash(bytes))) }
    }

    /// Every file added so far with its SHA-256, in path order (bytewise).
    var sorted: [(path: String, digest: SHA256Digest)] {
        worker.wait()
        return digests.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
