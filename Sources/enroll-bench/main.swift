// enroll-bench: the benchmarks behind docs/BENCHMARKS.md. Build and run in release:
//   swift run -c release enroll-bench NAME [options]
// Each benchmark prints its figures; the scripts under bench/ run them beside their peers.
import Foundation
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis

/// The benchmarks by name; each file of this target adds one.
let benchmarks: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("csv", BenchCSV.summary, BenchCSV.run),
    ("sha256", BenchSHA256.summary, BenchSHA256.run),
    ("placement", BenchPlacement.summary, BenchPlacement.run),
    ("zoning", "zone index build and point location (--zones N --homes M --out DIR --runs R)", benchZoning),
    ("classes", BenchClasses.summary, BenchClasses.run),
    ("xlsx", BenchXLSX.summary, BenchXLSX.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    print("usage: enroll-bench NAME [options]\n\nbenchmarks:")
    for b in benchmarks { print("  \(b.name)\t\(b.summary)") }
    exit(arguments.isEmpty ? 0 : 2)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("enroll-bench: \(error)\n".utf8))
    exit(1)
}
