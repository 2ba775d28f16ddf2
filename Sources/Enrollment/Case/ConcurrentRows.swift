import Dispatch
import EnrollmentIO

/// Reads the rows of a table into values on all cores, with the ids of one column checked for
/// repeats: the values, the problems and their order are those of reading the rows one by one,
/// whatever the chunks and the timing.
///
/// Rows are read in chunks, each chunk on a core of its own, every value built in place in the
/// output (never copied); then the ids are indexed on all cores (`FirstOccurrences`) and, in row
/// order, each row's problems are collected, followed by its id's repeat: a repeated id is
/// reported on the later row, naming the first, and that row's value is dropped.
package enum ConcurrentRows {
    /// What reading gives.
    package struct Result<Value> {
        /// The values of the rows without problems, in row order.
        package var values: [Value]
        /// Every row's problems, in row order.
        package var diagnostics: [Diagnostic]
        /// The first row of each id.
        package var firstRows: FirstOccurrences<String>
        /// `kept[row]`: the row's value is among `values`.
        package var kept: [Bool]
    }

    /// Reads every row of `table` by `read`, which is given a reader on the row and an
    /// uninitialized slot: it returns the row's id (in `idColumn`) and whether the row has no
    /// problem, in which case it has initialized the slot with the row's value.
    /// - Parameters:
    ///   - rowsPerChunk: rows a chunk (tests vary it, and `partitionBits`, to check that they do not matter).
    ///   - partitionBits: see `FirstOccurrences`.
    /// - Complexity: O(rows) plus what `read` costs, spread over all cores.
    package static func read<Value>(_ table: CSVTable, idColumn: CSVColumn, rowsPerChunk: Int = 8192, partitionBits: Int? = nil,
                                    _ read: @Sendable (inout CSVRecordReader, UnsafeMutablePointer<Value>) -> (id: String?, kept: Bool)) -> Result<Value> {
        let rowCount = table.count
        let chunkCount = (rowCount + rowsPerChunk - 1) / rowsPerChunk
        // problems[k]: the problems of each row of chunk k that has any, in row order.
        var problems = [[(row: Int, diagnostics: [Diagnostic])]](repeating: [], count: chunkCount)
        var kept = [Bool](repeating: false, count: rowCount)
        // ids[row]: the row's id, nil where missing.
        var ids = [String?](repeating: nil, count: rowCount)
        var diagnostics: [Diagnostic] = []
        var firstRows: FirstOccurrences<String>?
        let values = [Value](unsafeUninitializedCapacity: rowCount) { buffer, initializedCount in
            let output = buffer
            problems.withUnsafeMutableBufferPointer { problems in
                kept.withUnsafeMutableBufferPointer { keptRows in
                    ids.withUnsafeMutableBufferPointer { ids in
                        let shared = SharedOutput(values: output, kept: keptRows, ids: ids, problems: problems)
                        DispatchQueue.concurrentPerform(iterations: chunkCount) { k in
                            let rows = k * rowsPerChunk..<min((k + 1) * rowsPerChunk, rowCount)
                            shared.problems[k] = readChunk(rows, of: table, into: shared, read)
                        }
                    }
                }
            }
            let first = FirstOccurrences(ids, partitionBits: partitionBits)
            firstRows = first
            for (k, chunk) in problems.enumerated() {
                var rowProblems = chunk[...]
                for row in k * rowsPerChunk..<min((k + 1) * rowsPerChunk, rowCount) {
                    if rowProblems.first?.row == row { diagnostics += rowProblems.popFirst()!.diagnostics }
                    guard let earlier = first.earlier(than: row) else { continue }
                    var r = CSVRecordReader(table: table, row: row)
                    r.reportDuplicate(idColumn, ids[row]!, firstLine: table.line(ofRow: earlier))
                    diagnostics += r.diagnostics
                    if kept[row] {
                        output.baseAddress!.advanced(by: row).deinitialize(count: 1)
                        kept[row] = false
                    }
                }
            }
            initializedCount = compact(output, kept: kept)
        }
        return Result(values: values, diagnostics: diagnostics, firstRows: firstRows!, kept: kept)
    }

    /// Where the chunks, read concurrently, put their results: the value of row r (if it has no
    /// problem) at `values[r]`, marked in `kept[r]`, its id at `ids[r]`, and chunk k's problems
    /// at `problems[k]`. Chunks cover disjoint rows, so no two threads write the same element.
    private struct SharedOutput<Value>: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Value>
        let kept: UnsafeMutableBufferPointer<Bool>
        let ids: UnsafeMutableBufferPointer<String?>
        let problems: UnsafeMutableBufferPointer<[(row: Int, diagnostics: [Diagnostic])]>
    }

    /// Reads `rows`, putting each row's id and each value without problems in `output`;
    /// returns the problems of the rows that have any, in row order.
    private static func readChunk<Value>(_ rows: Range<Int>, of table: CSVTable, into output: SharedOutput<Value>,
                                         _ read: @Sendable (inout CSVRecordReader, UnsafeMutablePointer<Value>) -> (id: String?, kept: Bool))
        -> [(row: Int, diagnostics: [Diagnostic])] {
        var problems: [(row: Int, diagnostics: [Diagnostic])] = []
        guard !rows.isEmpty else { return problems }
        var r = CSVRecordReader(table: table, row: rows.lowerBound)
        for row in rows {
            r.move(toRow: row)
            let (id, kept) = read(&r, output.values.baseAddress! + row)
            output.ids[row] = id
            if kept {
                output.kept[row] = true
            } else {
                problems.append((row, r.diagnostics))
            }
        }
        return problems
    }

    /// Moves the kept elements of `buffer` to its front, in order; returns how many there are.
    private static func compact<Value>(_ buffer: UnsafeMutableBufferPointer<Value>, kept: [Bool]) -> Int {
        let base = buffer.baseAddress!
        var count = 0, row = 0
        while row < kept.count {
            guard kept[row] else {
                row += 1
                continue
            }
            var end = row + 1
            while end < kept.count, kept[end] { end += 1 }
            if count != row { base.advanced(by: count).moveInitialize(from: base.advanced(by: row), count: end - row) }
            count += end - row
            row = end
        }
        return count
    }
}
