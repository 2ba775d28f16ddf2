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

    /// The guide's last section lists the public API, all of it: every public type of
    /// Sources/Enrollment is in its table, and every type in the table is public.
    @Test func theGuidesListOfThePublicAPIIsThePublicAPI() throws {
        let guide = try String(contentsOf: packageRoot.appendingPathComponent("docs/LIBRARY.md"), encoding: .utf8)
        let section = try #require(guide.components(separatedBy: "## The public API, all of it\n").last)
        let listed = Set(section.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { row in
            row.split(separator: "|")[0].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        })
        var declared: Set<String> = []
        var publicLines = 0
        for text in try Self.librarySources() {
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").drop { $0.hasPrefix("@") }
                guard words.first == "public" else { continue }
                publicLines += 1
                let kind = words.dropFirst().drop { $0 == "final" }
                if let keyword = kind.first, ["struct", "enum", "class", "protocol", "actor"].contains(keyword), kind.count > 1, line.first == "p" {
                    declared.insert(String(kind.dropFirst().first!.prefix { $0.isLetter || $0.isNumber }))
                }
            }
        }
        #expect(declared.count == 46)
        #expect(declared.subtracting(listed).sorted() == [], "public but not in docs/LIBRARY.md")
        #expect(listed.subtracting(declared).sorted() == [], "in docs/LIBRARY.md but not public")
        #expect(publicLines < 700, "issue 25: public only what the guide and the docs' API need")
    }

    /// The text of every Swift file of the library.
    static func librarySources() throws -> [String] {
        let sources = packageRoot.appendingPathComponent("Sources/Enrollment")
        return try FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }.map { try String(contentsOf: $0, encoding: .utf8) }
    }
}
