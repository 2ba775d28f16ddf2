/// The search data of a published site split by student_id prefix, so that a family's browser
/// loads one small file for one search, whatever the size of the city.
///
/// The ids are split like a trie over their Unicode scalars: all ids start in one group (the
/// empty prefix); a group whose records weigh more than `budget` bytes is split by the next
/// scalar of its ids (ids that end at the group's prefix form a group of their own), and so on
/// until every group fits or holds ids of one prefix that cannot be split further. Each group
/// is one shard file, named from its prefix (`path(_:)`). To find an id, follow the split
/// prefixes (`splits`) one scalar at a time: the first prefix that is not split names the
/// shard; an id that ends on a split prefix is in the shard of `prefix + "\u{0}"` (no id holds
/// U+0000). Each split lists the scalars that follow it in some id, so a page finds that an id
/// is absent without loading anything, and needs only the splits (about a tenth of the shards
/// for ids of digits) to find any shard.
struct SearchShards: Sendable, Equatable {
    struct Shard: Sendable, Equatable {
        /// The prefix its ids share (ending in U+0000 for the ids that are exactly a split prefix).
        var prefix: String
        /// The shard's file inside the site (`search/<prefix>.js`).
        var path: String
        /// The positions of its records in the input, in input order (the ids' scalar order).
        var records: Range<Int>
    }

    /// The prefixes that are split, in scalar order, each with the scalars that follow it in
    /// some id (U+0000 for ids that end there), in order.
    var splits: [(prefix: String, next: String)]
    /// The shards, in the ids' order.
    var shards: [Shard]

    /// Splits records sorted by id (by Unicode scalars) into shards of at most `budget` bytes
    /// each where the ids allow. `ids[k]` is the k-th record's id and `sizes[k]` its bytes.
    /// - Precondition: `ids` sorted by their Unicode scalars, no id twice.
    /// - Complexity: O(total length of the ids + ids × depth of the splits).
    init(ids: [String], sizes: [Int], budget: Int) {
        precondition(ids.count == sizes.count, "one size per id")
        // Every id's scalars, looked up by position as the groups are split.
        let scalars = ids.map { Array($0.unicodeScalars) }
        /// The scalar of id k at `depth`, nil past its end.
        func scalar(_ k: Int, _ depth: Int) -> Unicode.Scalar? { depth < scalars[k].count ? scalars[k][depth] : nil }
        var weight = [0]
        weight.reserveCapacity(sizes.count + 1)
        for size in sizes { weight.append(weight[weight.count - 1] + size) }
        var splits: [(prefix: String, next: String)] = [], shards: [Shard] = []
        func place(_ prefix: [Unicode.Scalar], _ range: Range<Int>) {
            let depth = prefix.count
            guard weight[range.upperBound] - weight[range.lowerBound] > budget,
                  range.contains(where: { scalar($0, depth) != nil }) else {
                shards.append(Self.shard(prefix, range))
                return
            }
            let split = splits.count
            splits.append((String(String.UnicodeScalarView(prefix)), ""))
            var start = range.lowerBound
            while start < range.upperBound, scalar(start, depth) == nil { start += 1 }
            if start > range.lowerBound {
                splits[split].next.unicodeScalars.append("\u{0}")
                shards.append(Self.shard(prefix + ["\u{0}"], range.lowerBound..<start))
            }
            while start < range.upperBound {
                let next = scalar(start, depth)!
                splits[split].next.unicodeScalars.append(next)
                var end = start + 1
                while end < range.upperBound, scalar(end, depth) == next { end += 1 }
                place(prefix + [next], start..<end)
                start = end
            }
        }
        if !ids.isEmpty { place([], 0..<ids.count) }
        self.splits = splits
        self.shards = shards
    }

    static func == (a: SearchShards, b: SearchShards) -> Bool {
        a.shards == b.shards && a.splits.map(\.prefix) == b.splits.map(\.prefix) && a.splits.map(\.next) == b.splits.map(\.next)
    }

    /// The file of the shard of `prefix`: `search/all.js` for the empty prefix, else
    /// `search/id-<prefix>.js` with the prefix written as `HTMLText.fileNamePart` writes ids, and
    /// a final U+0000 as `_` (which that form never ends with).
    static func path(_ prefix: String) -> String {
        let ends = prefix.unicodeScalars.last == "\u{0}"
        let stem = ends ? String(String.UnicodeScalarView(prefix.unicodeScalars.dropLast())) : prefix
        return prefix.isEmpty ? "search/all.js" : "search/id-\(HTMLText.fileNamePart(stem))\(ends ? "_" : "").js"
    }

    static func shard(_ prefix: [Unicode.Scalar], _ range: Range<Int>) -> Shard {
        let text = String(String.UnicodeScalarView(prefix))
        return Shard(prefix: text, path: path(text), records: range)
    }
}
