import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentSynthesis

/// `enroll demo` makes the sample county with the generator built into the binary; what it makes
/// must be the committed `zones/sample-county`, byte for byte, and so must the command its README gives.
@Suite struct SampleCountyTests {
    /// Every file under `folder`, by its path inside it.
    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    static let committed = packageRoot.appendingPathComponent("zones/sample-county")

    @Test func theBuiltInSampleCountyIsTheCommittedOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SampleCounty.writeCase(to: folder)
        let made = try Self.files(folder), expected = try Self.files(Self.committed.appendingPathComponent("case"))
        #expect(made.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected { #expect(made[path] == bytes, "\(path) differs from zones/sample-county/case/\(path)") }
        #expect(Data(SampleCounty.notice.utf8) == (try Data(contentsOf: Self.committed.appendingPathComponent("notice.json"))))
    }

    /// The command the sample county's README gives writes the same files.
    @Test func theReadmesCommandMakesTheSameCase() throws {
        let readme = try String(contentsOf: Self.committed.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "enroll synth "))
        let end = try #require(readme[start.upperBound...].range(of: "--out zones/sample-county/case"))
        let arguments = readme[start.upperBound..<end.lowerBound].replacingOccurrences(of: "\\\n", with: " ")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(arguments.count == 18, "\(arguments)")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let synth = try runEnroll(["synth"] + arguments + ["--out", folder.path])
        #expect(synth.status == 0, "\(synth.err)")
        let made = try Self.files(folder), expected = try Self.files(Self.committed.appendingPathComponent("case"))
        #expect(made == expected)
    }
}
