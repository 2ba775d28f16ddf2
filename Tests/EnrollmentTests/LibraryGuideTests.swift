import Foundation
import Testing

/// docs/LIBRARY.md cannot go stale: every Swift code block of it is, word for word, part of the
/// program Examples/LibraryGuide, which `.ci/run` builds against the library's public API alone
/// and runs on the sample county.
@Suite struct LibraryGuideTests {
    @Test func everyCodeBlockOfTheGuideIsInTheProgramThatCIRuns() throws {
        let guide = try String(contentsOf: packageRoot.appendingPathComponent("docs/LIBRARY.md"), encoding: .utf8)
        let program = try String(contentsOf: packageRoot.appendingPathComponent("Examples/LibraryGuide/Sources/LibraryGuide/main.swift"), encoding: .utf8)
        let blocks = guide.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 5)
        for block in blocks {
            #expect(program.contains(block), "not in Examples/LibraryGuide: \(block.prefix(80))")
        }
    }
}
