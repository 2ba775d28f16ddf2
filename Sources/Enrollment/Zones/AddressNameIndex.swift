/// Every street, compound and village name of a zone table in one character trie, so that an
/// address is scanned once for all names it contains: O(length of the address × length of
/// the longest name) steps, whatever the number of rules.
///
/// The trie's edges live in one open-addressing hash table keyed by (node, character), so a
/// step is a multiplication and usually one array read. A name is identified by the number
/// of the node where it ends.
struct AddressNameIndex: Sendable {
    /// Which kinds of name end at a trie node.
    struct Kinds: OptionSet, Hashable, Sendable {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }
        static let street = Kinds(rawValue: 1)
        static let compound = Kinds(rawValue: 2)
        static let village = Kinds(rawValue: 4)
    }

    /// A name found in an address: `scalars[start..<end]`, ending at trie node `node`.
    struct Occurrence: Hashable, Sendable {
        let start: Int
        let end: Int
        let node: Int
        let kinds: Kinds

        var length: Int { end - start }
    }

    /// Kinds of name ending at each node (index = node number; 0 is the root).
    private var kinds: [Kinds] = [[]]
    /// Edge keys (`edgeKey`), 0 for an empty slot; capacity is a power of two.
    private var keys = [UInt64](repeating: 0, count: 64)
    /// The child node of the edge in the same slot.
    private var targets = [Int32](repeating: 0, count: 64)
    private var edgeCount = 0

    /// Adds a normalised name and returns the node that identifies it.
    @discardableResult
    mutating func insert(_ name: String, as kind: Kinds) -> Int {
        var node = 0
        for scalar in name.unicodeScalars {
            if let next = child(of: node, scalar) {
                node = next
            } else {
                kinds.append([])
                addEdge(from: node, scalar, to: kinds.count - 1)
                node = kinds.count - 1
            }
        }
        kinds[node].formUnion(kind)
        return node
    }

    /// Every occurrence of a name in `scalars` that starts at the beginning or after a
    /// boundary (``startsName(after:)``), so that `人民路` is not found inside `新人民路`.
    func occurrences(in scalars: [Unicode.Scalar]) -> [Occurrence] {
        var found: [Occurrence] = []
        for start in scalars.indices where start == 0 || Self.startsName(after: scalars[start - 1]) {
            var node = 0
            var i = start
            while i < scalars.count, let next = child(of: node, scalars[i]) {
                node = next
                i += 1
                if !kinds[node].isEmpty {
                    found.append(Occurrence(start: start, end: i, node: node, kinds: kinds[node]))
                }
            }
        }
        return found
    }

    /// Characters after which a name may begin: ASCII (digits, letters, punctuation) and
    /// the last character of an administrative division, road, number or building word
    /// (省 市 区 县 镇 乡 街道 工业园 路 号 弄 栋 组 村 …).
    static func startsName(after scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || nameBoundaries.contains(scalar)
    }

    private static let nameBoundaries: Set<Unicode.Scalar> = [
        "省", "市", "区", "县", "镇", "乡", "道", "旗", "州", "盟", "园", "路", "街", "巷", "弄", "里",
        "号", "栋", "幢", "座", "楼", "室", "组", "村", "队", "期", "段", "、", "，", "。",
    ]

    // MARK: - Edge table

    /// A non-zero key for the edge (node, scalar); a scalar needs 21 bits.
    private static func edgeKey(_ node: Int, _ scalar: Unicode.Scalar) -> UInt64 {
        (UInt64(node) << 21 | UInt64(scalar.value)) | (1 << 63)
    }

    private static func slot(of key: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacity.trailingZeroBitCount))
    }

    private func child(of node: Int, _ scalar: Unicode.Scalar) -> Int? {
        let key = Self.edgeKey(node, scalar)
        let mask = keys.count - 1
        var i = Self.slot(of: key, capacity: keys.count)
        while true {
            let found = keys[i]
            if found == key { return Int(targets[i]) }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    private mutating func addEdge(from node: Int, _ scalar: Unicode.Scalar, to target: Int) {
        if 2 * (edgeCount + 1) > keys.count { grow() }
        store(Self.edgeKey(node, scalar), Int32(target))
        edgeCount += 1
    }

    private mutating func store(_ key: UInt64, _ target: Int32) {
        let mask = keys.count - 1
        var i = Self.slot(of: key, capacity: keys.count)
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        targets[i] = target
    }

    private mutating func grow() {
        let old = zip(keys, targets).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        targets = [Int32](repeating: 0, count: keys.count)
        for (key, target) in old { store(key, target) }
    }
}
