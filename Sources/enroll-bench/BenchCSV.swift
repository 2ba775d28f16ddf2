import Foundation
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis

/// `enroll-bench csv [--rows N] [--file PATH] [--runs R] [--only parse|ingest]`: applicant-CSV ingest throughput.
/// Without `--file` it writes a synthetic `junior-applicants.csv` of about N rows (default
/// 1,000,000) to a temporary folder. It times, median of R runs (default 5):
/// - `parse`: read the file, detect and check the encoding, split it into records;
/// - `ingest`: the same, then turn every row into a typed `Applicant`, validating every value.
/// Besides wall-clock time it prints the process's CPU time (median), which the other
/// processes of a shared machine do not inflate; ingest reads rows on all cores.
enum BenchCSV {
    static let summary = "applicant CSV ingest, MB/s [--rows N] [--file PATH] [--runs R] [--only parse|ingest]"

    static func run(_ arguments: [String]) throws {
        var rows = 1_000_000, runs = 5
        var only: String?
        var file: URL?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch (option, rest.popFirst()) {
            case let ("--rows", value?): rows = Int(value) ?? rows
            case let ("--runs", value?): runs = Int(value) ?? runs
            case let ("--file", value?): file = URL(fileURLWithPath: value)
            case let ("--only", value?) where value == "parse" || value == "ingest": only = value
            default: throw BenchUsageError("usage: enroll-bench csv [--rows N] [--file PATH] [--runs R] [--only parse|ingest]")
            }
        }
        let url: URL
        if let file {
            url = file
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enroll-bench-csv-\(rows)")
            url = folder.appendingPathComponent(ApplicantTable.fileName(for: .junior))
            if !FileManager.default.fileExists(atPath: url.path) {
                let county = SyntheticCounty(parameters: .scaled(seed: "bench", applicants: rows))
                try AtomicFile.write(CaseWriter.applicants(county.admissionCase.juniorApplicants, level: .junior), to: url)
            }
            print("file: \(url.path)")
        }
        let size = Double(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0) / 1e6
        // As `CaseFolder` reads a CSV file.
        func parse() throws -> CSVTable {
            guard let bytes = FileBytes.read(url.path) else { throw BenchUsageError("cannot read \(url.path)") }
            return try CSVReader.parse(fileBytes: bytes, declared: nil, file: url.lastPathComponent).table!
        }
        if only != "ingest" {
            var cpu: [Double] = []
            let parsed = try timed(runs: runs, cpu: &cpu, parse)
            print(String(format: "parse   %.1f MB  %d rows  %.3f s  %.0f MB/s  (CPU %.3f s: %.0f MB/s a CPU second)",
                         size, parsed.result.count, parsed.seconds, size / parsed.seconds, median(cpu), size / median(cpu)))
        }
        if only == "parse" { return }
        var cpu: [Double] = []
        let ingested = try timed(runs: runs, cpu: &cpu) { ApplicantTable.read(try parse()) }
        guard ingested.result.diagnostics.isEmpty else { throw BenchUsageError("the file has problems: \(ingested.result.diagnostics[0])") }
        print(String(format: "ingest  %.1f MB  %d rows  %.3f s  %.0f MB/s  (CPU %.3f s: %.0f MB/s a CPU second)  peak %.0f MB",
                     size, ingested.result.applicants.count, ingested.seconds, size / ingested.seconds,
                     median(cpu), size / median(cpu), peakMemoryMB()))
    }

    /// Median wall-clock seconds of `runs` runs of `body` and the last result, appending each
    /// run's CPU time to `cpu`. Each run is timed on its own, so that freeing the result of the
    /// run before (a million applicants) is not counted in the next.
    static func timed<T>(runs: Int, cpu: inout [Double], _ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        var seconds: [Double] = []
        var last: T?
        for _ in 0..<runs {
            last = nil
            let run = try medianSeconds(runs: 1) { try withCPUSeconds(into: &cpu, body) }
            seconds.append(run.seconds)
            last = run.result
        }
        return (median(seconds), last!)
    }

    /// Runs `body`, appending the CPU time it took (all threads of the process) to `times`.
    /// On a shared machine this shows the work done even when other processes slow the clock.
    static func withCPUSeconds<T>(into times: inout [Double], _ body: () throws -> T) rethrows -> T {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = now()
        defer { times.append(now() - start) }
        return try body()
    }

    static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}
