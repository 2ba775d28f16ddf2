import Foundation

/// Reading a whole file straight into a byte array (one allocation, no intermediate `Data`).
public enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read.
    /// - Complexity: O(n) in the file's size.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n <= 0 {
                    failed = n < 0
                    break
                }
                count += n
            }
        }
        return failed ? nil : bytes
    }
}
