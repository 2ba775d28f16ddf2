/// Every street, compound and village name of a zone table in one character trie, so that an
/// address is scanned once for all names it contains: O(length of the address × length of
/// the longest name) dictionary steps, whatever the number of rules.
struct AddressNameIndex: Sendable {
    /// Which kinds of name end at a trie node.
    struct Kinds: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        static let street = Kinds(rawValue: 1)
        static let compound = Kinds(rawValue: 2)
        static let village = Kinds(rawValue: 4)
    }

    /// A name found in an address: `scalars[start..<end]`.
    struct Occurrence: Hashable, Sendable {
        let start: Int
        let end: Int
        let kinds: Kinds

        var length: Int { end - start }
    }

    private var children: [[Unicode.Scalar: Int32]] = [[:]]
    private var kinds: [Kinds] = [[]]

    /// Adds a normalised name.
    mutating func insert(_ name: String, as kind: Kinds) {
        var node = 0
        for scalar in name.unicodeScalars {
            if let next = children[node][scalar] {
                node = Int(next)
            } else {
                children.append([:])
                kinds.append([])
                children[node][scalar] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        kinds[node].formUnion(kind)
    }

    /// Every occurrence of a name in `scalars` that starts at the beginning or after a
    /// boundary (``startsName(after:)``), so that `人民路` is not found inside `新人民路`.
    func occurrences(in scalars: [Unicode.Scalar]) -> [Occurrence] {
        var found: [Occurrence] = []
        for start in scalars.indices where start == 0 || Self.startsName(after: scalars[start - 1]) {
            var node = 0
            var i = start
            while i < scalars.count, let next = children[node][scalars[i]] {
                node = Int(next)
                i += 1
                if !kinds[node].isEmpty {
                    found.append(Occurrence(start: start, end: i, kinds: kinds[node]))
                }
            }
        }
        return found
    }

    /// Characters after which a name may begin: ASCII (digits, letters, punctuation) and
    /// the last character of an administrative division, road, number or building word
    /// (省 市 区 县 镇 乡 街道 路 号 弄 栋 组 村 …).
    static func startsName(after scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || nameBoundaries.contains(scalar)
    }

    private static let nameBoundaries: Set<Unicode.Scalar> = [
        "省", "市", "区", "县", "镇", "乡", "道", "旗", "州", "盟", "路", "街", "巷", "弄", "里",
        "号", "栋", "幢", "座", "楼", "室", "组", "村", "队", "期", "段", "、", "，", "。",
    ]
}
