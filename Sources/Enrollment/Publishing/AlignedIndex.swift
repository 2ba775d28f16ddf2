/// Finds the position of a key in a list whose keys are unique, looking first at the position
/// the caller expects — the run's files (placements, zoning) and the case's applicant lists give
/// the applicants in the same order — and otherwise in a dictionary of every key, made on the
/// first miss. The answer is the same either way; only the cost differs.
///
/// - Complexity: O(1) for a look-up that finds its key where expected; O(n) once, at the first
///   miss, then O(1) expected per look-up.
struct AlignedIndex {
    private let count: Int
    private let key: (Int) -> String
    private var positions: [String: Int]?

    /// A list of `count` keys, the key at position k being `key(k)`.
    init(count: Int, key: @escaping (Int) -> String) {
        self.count = count
        self.key = key
    }

    /// The position of `wanted` (its first, should it occur twice), or nil when it is not in the list.
    mutating func position(of wanted: String, expected k: Int) -> Int? {
        if k >= 0, k < count, key(k) == wanted { return k }
        if positions == nil {
            var all: [String: Int] = [:]
            all.reserveCapacity(count)
            for p in (0..<count).reversed() { all[key(p)] = p }
            positions = all
        }
        return positions![wanted]
    }
}
