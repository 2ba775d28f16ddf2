/// The search data of a published site split by student_id prefix, so that a family's browser
/// loads one small file for one search, whatever the size of the city.
///
/// The ids are split like a trie over their Unicode scalars: all ids start in one group (the
/// empty prefix); a group whose records weigh more than `budget` bytes is split by the next
/// scalar of its ids (ids that end at the group's prefix form a group of their own), and so on
/// until every group fits or holds ids of one prefix that cannot be split further. Each group
/// is one shard file. To find an id, follow the split prefixes (`splits`) one scalar at a time:
/// the first prefix that is not split names the shard (`shards[prefix]`); an id that ends on a
/// split prefix is in the shard of `prefix + "\u{0}"` (no id holds U+0000).
public struct SearchShards: Sendable, Equatable {
    public struct Shard: Sendable, Equatable {
        /// The prefix its ids share (ending in U+0000 for the ids that are exactly a split prefix).
        public var prefix: String
        /// The shard's file inside the site (`search/<prefix>.js`).
        public var path: String
        /// The positions of its records in the input, in input order (the ids' scalar order).
        public var records: Range<Int>
    }

    /// The prefixes that are split, in scalar order.
    public var splits: [String]
    /// The shards, in the ids' order.
    public var shards: [Shard]

    /// Splits records sorted by id (by Unicode scalars) into shards of at most `budget` bytes
    /// each where the ids allow. `ids[k]` is the k-th record's id and `sizes[k]` its bytes.
    /// - Precondition: `ids` sorted by their Unicode scalars, no id twice.
    /// - Complexity: O(total length of the ids × depth of the splits).
    public init(ids: [String], sizes: [Int], budget: Int) {
        precondition(ids.count == sizes.count, "one size per id")
        let scalars = ids.map { Array($0.unicodeScalars) }
        var weight = [0]
        weight.reserveCapacity(sizes.count + 1)
        for size in sizes { weight.append(weight[weight.count - 1] + size) }
        var splits: [String] = [], shards: [Shard] = []
        func place(_ prefix: [Unicode.Scalar], _ range: Range<Int>) {
            let depth = prefix.count
            guard weight[range.upperBound] - weight[range.lowerBound] > budget,
                  range.contains(where: { scalars[$0].count > depth }) else {
                shards.append(Self.shard(prefix, range))
                return
            }
            splits.append(String(String.UnicodeScalarView(prefix)))
            var start = range.lowerBound
            while start < range.upperBound, scalars[start].count == depth { start += 1 }
            if start > range.lowerBound { shards.append(Self.shard(prefix + ["\u{0}"], range.lowerBound..<start)) }
            while start < range.upperBound {
                let next = scalars[start][depth]
                var end = start + 1
                while end < range.upperBound, scalars[end][depth] == next { end += 1 }
                place(prefix + [next], start..<end)
                start = end
            }
        }
        if !ids.isEmpty { place([], 0..<ids.count) }
        self.splits = splits
        self.shards = shards
    }

    static func shard(_ prefix: [Unicode.Scalar], _ range: Range<Int>) -> Shard {
        let text = String(String.UnicodeScalarView(prefix))
        let name = text.isEmpty ? "all" : text.last == "\u{0}" ? "id-" + HTMLText.fileNamePart(String(text.dropLast())) + "_" : "id-" + HTMLText.fileNamePart(text)
        return Shard(prefix: text, path: "search/\(name).js", records: range)
    }
}
