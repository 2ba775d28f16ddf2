import Dispatch
import Foundation

/// Reading a whole file straight into a byte array (one allocation, no intermediate `Data`).
package enum FileBytes {
    /// Files at least this long are read in pieces on all cores (the kernel's copy and the
    /// first touch of each page of the array then run in parallel).
    package static let parallelThreshold = 1 << 22

    /// The file's bytes, or nil when it cannot be opened or read.
    /// - Complexity: O(n) in the file's size.
    package static func read(_ path: String) -> [UInt8]? {
        read(path, pieces: nil)
    }

    /// `read(_:)` in `pieces` pieces (by default one per core for a large file; tests vary it).
    package static func read(_ path: String, pieces requested: Int?) -> [UInt8]? {
        precondition(requested.map { $0 >= 1 } ?? true, "a file is read in at least one piece")
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let pieces = requested ?? (size >= parallelThreshold ? ProcessInfo.processInfo.activeProcessorCount : 1)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            // ends[k]: where piece k's reading stopped (short of its end only at the end of the file).
            var ends = [Int](repeating: 0, count: pieces)
            ends.withUnsafeMutableBufferPointer { ends in
                let shared = Pieces(fd: fd, buffer: buffer, ends: ends, pieces: pieces)
                DispatchQueue.concurrentPerform(iterations: pieces) { k in
                    shared.read(piece: k)
                }
            }
            failed = ends.contains(-1)
            // The bytes up to the first piece cut short (a file that shrank while being read).
            count = failed ? 0 : zip(0..<pieces, ends).first { k, end in end < size * (k + 1) / pieces }?.1 ?? size
        }
        return failed ? nil : bytes
    }

    /// A file being read in pieces into one buffer; each thread writes only its own piece.
    private struct Pieces: @unchecked Sendable {
        package let fd: Int32
        package let buffer: UnsafeMutableBufferPointer<UInt8>
        package let ends: UnsafeMutableBufferPointer<Int>
        package let pieces: Int

        /// Reads piece `k` into its share of the buffer, recording where it stopped, or -1 on an error.
        package func read(piece k: Int) {
            let end = buffer.count * (k + 1) / pieces
            var at = buffer.count * k / pieces
            while at < end {
                let n = pread(fd, buffer.baseAddress! + at, end - at, off_t(at))
                if n < 0 {
                    ends[k] = -1
                    return
                }
                if n == 0 { break }
                at += n
            }
            ends[k] = at
        }
    }
}
