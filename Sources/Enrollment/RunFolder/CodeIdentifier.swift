import EnrollmentIO

/// The identifier of the code that ran (`sha256:<hex>`), recorded in every manifest: the
/// SHA-256 of the text `sha256sum` prints for the sources of the library (`Sources/Enrollment`:
/// the Swift files of every layer and the tools' parts, and the C and header files of
/// `SHA256Accelerated`),
///
///     <hex of the file> SP SP <path from the package root> LF     (one line per file)
///
/// with the files in order of their paths' bytes, so that an auditor recomputes it with
///
///     find Sources/Enrollment -name '*.swift' -o -name '*.c' -o -name '*.h' | LC_ALL=C sort | xargs sha256sum | sha256sum
///
/// in the package folder. The build computes it (the `CodeDigestPlugin` build-tool plugin) and
/// declares it as `CodeIdentifier.library`, in every program built with the library: `enroll`
/// records it, and so does any program that imports `Enrollment` and passes it as `code`, so
/// `enroll verify` of the same version accepts either's runs. (The tool's own few files, which
/// parse arguments and print, are covered by the version the manifest records.)
public struct CodeIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// One source file: its path from the package root (with `/`) and its digest.
    package struct SourceFile: Hashable, Sendable {
        package var path: String
        package var digest: SHA256Digest

        package init(path: String, digest: SHA256Digest) {
            self.path = path
            self.digest = digest
        }
    }

    /// The digest of the listing.
    package let digest: SHA256Digest

    /// The identifier of `files` (sorted here by path).
    /// - Complexity: O(n log n) in the number of files.
    package init(files: [SourceFile]) {
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            hasher.update("\(file.digest.hex)  \(file.path)\n")
        }
        digest = hasher.finalize()
    }

    /// `sha256:` followed by the 64 hex digits, as the manifest records it.
    public var description: String { "sha256:\(digest.hex)" }

    /// Whether `text` is written as an identifier is: `sha256:` and 64 lowercase hex digits.
    package static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix("sha256:") else { return false }
        let hex = text.dropFirst("sha256:".count)
        return hex.utf8.count == 64 && hex.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
