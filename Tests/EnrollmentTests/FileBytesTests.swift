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

/// Reading a file in pieces gives its bytes, whatever the number of pieces.
@Suite struct FileBytesTests {
    @Test func piecesGiveTheWholeFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 5)
        for size in [0, 1, 7, 100_003] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let url = folder.appendingPathComponent("f\(size).bin")
            try Data(bytes).write(to: url)
            for pieces in [1, 2, 3, 8] {
                #expect(FileBytes.read(url.path, pieces: pieces) == bytes, "\(size) bytes in \(pieces) pieces")
            }
            #expect(FileBytes.read(url.path) == bytes)
        }
        #expect(FileBytes.read(folder.appendingPathComponent("absent.csv").path) == nil)
    }
}
