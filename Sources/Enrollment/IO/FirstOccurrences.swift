import Dispatch
import Foundation

/// For a column of values in row order (such as the ids of a file), the first row holding
/// each value, found on all cores: what a dictionary filled row by row would say, row for row.
///
/// The values are hashed in parallel, then split by hash into partitions, each indexed on its
/// own core in row order in an open-addressing table of row numbers; values are compared
/// (`==`) only when their hashes agree. Which row comes first depends only on the values and
/// their order, never on the hash seed, the partitions or the timing.
package struct FirstOccurrences<Value: Hashable & Sendable>: Sendable {
    private let values: [Value?]
    /// `earlier[r]`: the first row before r holding the value of row r, or -1.
    private let earlier: [Int32]
    /// One table a partition: each slot empty (`UInt64.max`) or a row number (low 32 bits)
    /// with the upper half of its value's hash (high 32 bits).
    private let tables: [[UInt64]]
    private let partitionBits: Int

    /// Indexes `values` (nil values hold nothing) in 2^`partitionBits` partitions, 0 to 7 bits
    /// (the partition marker 0xFF is kept for nil); by default 8 partitions for large inputs,
    /// 1 for small ones (tests vary it to check that it does not matter).
    /// - Complexity: O(n) expected, spread over all cores.
    package init(_ values: [Value?], partitionBits: Int? = nil) {
        precondition(values.count < Int(Int32.max))
        let n = values.count
        let bits = partitionBits ?? (n >= 1 << 16 ? 3 : 0)
        precondition((0...7).contains(bits), "at most 128 partitions: 0xFF marks a nil value")
        let partitions = 1 << bits
        var hashes = [Int](repeating: 0, count: n)
        // partition[r]: the partition of row r's value, or 0xFF for nil.
        var partition = [UInt8](repeating: 0xFF, count: n)
        var earlier = [Int32](repeating: -1, count: n)
        var tables = [[UInt64]](repeating: [], count: partitions)
        values.withUnsafeBufferPointer { values in
            hashes.withUnsafeMutableBufferPointer { hashes in
                partition.withUnsafeMutableBufferPointer { partition in
                    earlier.withUnsafeMutableBufferPointer { earlier in
                        tables.withUnsafeMutableBufferPointer { tables in
                            let shared = Shared(values: values, hashes: hashes, partition: partition, earlier: earlier, tables: tables)
                            let pieces = n >= 1 << 16 ? ProcessInfo.processInfo.activeProcessorCount * 4 : 1
                            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                                for r in n * k / pieces..<n * (k + 1) / pieces {
                                    guard let value = shared.values[r] else { continue }
                                    let h = value.hashValue
                                    shared.hashes[r] = h
                                    shared.partition[r] = bits == 0 ? 0 : UInt8(truncatingIfNeeded: UInt(bitPattern: h) >> (UInt.bitWidth - bits))
                                }
                            }
                            DispatchQueue.concurrentPerform(iterations: partitions) { p in
                                shared.tables[p] = Self.index(partition: UInt8(p), shared)
                            }
                        }
                    }
                }
            }
        }
        self.values = values
        self.earlier = earlier
        self.tables = tables
        self.partitionBits = bits
    }

    /// The buffers the concurrent steps share; each step writes only its own elements.
    private struct Shared: @unchecked Sendable {
        package let values: UnsafeBufferPointer<Value?>
        package let hashes: UnsafeMutableBufferPointer<Int>
        package let partition: UnsafeMutableBufferPointer<UInt8>
        package let earlier: UnsafeMutableBufferPointer<Int32>
        package let tables: UnsafeMutableBufferPointer<[UInt64]>
    }

    package static var empty: UInt64 { .max }

    /// Indexes the rows of partition `p` in row order, setting `earlier` for each; returns its table.
    private static func index(partition p: UInt8, _ s: Shared) -> [UInt64] {
        var count = 0
        for q in s.partition where q == p { count += 1 }
        var capacity = 8
        while capacity < 2 * count { capacity *= 2 }
        let mask = capacity - 1
        var table = [UInt64](repeating: empty, count: capacity)
        table.withUnsafeMutableBufferPointer { table in
            for r in s.partition.indices where s.partition[r] == p {
                let h = s.hashes[r]
                let tag = UInt64(UInt(bitPattern: h) >> 32) << 32
                var slot = h & mask
                while true {
                    let entry = table[slot]
                    if entry == empty {
                        table[slot] = tag | UInt64(r)
                        break
                    }
                    let other = Int(entry & 0xFFFF_FFFF)
                    if entry & 0xFFFF_FFFF_0000_0000 == tag, s.hashes[other] == h, s.values[other] == s.values[r] {
                        s.earlier[r] = Int32(other)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return table
    }

    /// The first row before `row` holding the value of `row`; nil when there is none (or the
    /// value is nil).
    /// - Complexity: O(1).
    package func earlier(than row: Int) -> Int? {
        let r = earlier[row]
        return r < 0 ? nil : Int(r)
    }

    /// The first row holding `value`, or nil.
    /// - Complexity: O(1) expected.
    package func firstRow(of value: Value) -> Int? {
        let h = value.hashValue
        let table = tables[partitionBits == 0 ? 0 : Int(UInt(bitPattern: h) >> (UInt.bitWidth - partitionBits))]
        let tag = UInt64(UInt(bitPattern: h) >> 32) << 32
        let mask = table.count - 1
        var slot = h & mask
        while true {
            let entry = table[slot]
            if entry == Self.empty { return nil }
            let row = Int(entry & 0xFFFF_FFFF)
            if entry & 0xFFFF_FFFF_0000_0000 == tag, values[row] == value { return row }
            slot = (slot + 1) & mask
        }
    }
}
