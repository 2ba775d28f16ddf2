import Foundation
import Enrollment

/// `enroll-bench xlsx --file PATH [--runs R]`: reading a workbook's first sheet as `CaseFolder`
/// does (`XLSXReader`: unzip, inflate, the shared strings and styles, the sheet's cells into a
/// table), then turning every row into a typed `Applicant`; median of R runs (default 5), wall
/// and CPU time.
enum BenchXLSX {
    static let summary = "read an .xlsx roster's first sheet, then typed applicants --file PATH [--runs R]"

    static func run(_ arguments: [String]) throws {
        var runs = 5
        var file: URL?
        var rest = arguments[...]
        while let option = rest.popFirst() {
            switch (option, rest.popFirst()) {
            case let ("--runs", value?): runs = Int(value) ?? runs
            case let ("--file", value?): file = URL(fileURLWithPath: value)
            default: throw BenchUsageError("usage: enroll-bench xlsx --file PATH [--runs R]")
            }
        }
        guard let file, let bytes = FileBytes.read(file.path) else { throw BenchUsageError("give --file, an .xlsx workbook") }
        let size = Double(bytes.count) / 1e6
        func read() throws -> CSVTable {
            let result = XLSXReader.read(bytes, file: file.lastPathComponent, columns: CaseFolder.workbookColumns)
            guard let table = result.table, result.diagnostics.isEmpty else {
                throw BenchUsageError("the workbook has problems: \(result.diagnostics.prefix(3).map(\.description))")
            }
            return table
        }
        var cpu: [Double] = []
        let sheet = try BenchCSV.timed(runs: runs, cpu: &cpu, read)
        print(String(format: "read    %.1f MB  %d rows  %.3f s  (CPU %.3f s)", size, sheet.result.count, sheet.seconds, BenchCSV.median(cpu)))
        var ingestCPU: [Double] = []
        let ingested = try BenchCSV.timed(runs: runs, cpu: &ingestCPU) { ApplicantTable.read(try read()) }
        print(String(format: "ingest  %.1f MB  %d applicants  %.3f s  (CPU %.3f s)  peak %.0f MB", size, ingested.result.applicants.count,
                     ingested.seconds, BenchCSV.median(ingestCPU), peakMemoryMB()))
    }
}
