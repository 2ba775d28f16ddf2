/// Student-proposing deferred acceptance (延迟接受, Gale–Shapley 1962).
///
/// Every unplaced student applies to the best school on their list that has not yet refused
/// them; a school holds the best applicants by `(tier, tieRank)` up to its seats and refuses
/// the rest; a refused student applies further down their list. Nothing is final until no
/// student is left to apply. The result does not depend on the order in which students apply.
///
/// Guarantees (Gale and Shapley 1962; Dubins and Freedman 1981; Roth 1982):
/// - *stable*: no student prefers a school that holds someone with a worse `(tier, tieRank)`
///   there (no justified envy), and no student prefers a school with an empty seat (no waste);
/// - *student-optimal*: every student gets the best school they can have in any stable matching;
/// - *strategy-proof for students*: listing schools in true order is always best.
///
/// Implementation: each school keeps the students it holds in a bounded 8-ary max-heap of packed
/// `(tier, tieRank)` keys, so a full school compares an applicant with its worst holder in O(1)
/// and replaces it in O(log capacity); a refused student applies again at once (the
/// McVitie–Wilson order of proposals). Students apply in tie-break-rank order.
public enum DeferredAcceptance {
    /// Runs the mechanism.
    /// - Complexity: O(c log k) time for c choices in all and k the largest capacity;
    ///   O(n + m + c) memory beyond the instance.
    public static func match(_ instance: MatchingInstance) -> Matching {
        let n = instance.studentCount, m = instance.schoolCount
        // A school never holds more students than list it: bound each heap by that number.
        var listings = [Int](repeating: 0, count: m)
        for s in instance.choiceSchools { listings[Int(s)] += 1 }
        var heapStart = [Int](repeating: 0, count: m + 1)
        for s in 0..<m { heapStart[s + 1] = heapStart[s] + min(Int(instance.capacities[s]), listings[s]) }
        var heap = [UInt64](repeating: 0, count: heapStart[m])
        var heapSize = [Int32](repeating: 0, count: m)
        // The worst key held by each full school (0, refusing everyone, for a school without
        // seats): a refusal is decided without touching the heap.
        var worst = [UInt64](repeating: 0, count: m)
        // Students are handled by tie-break rank, which is also the low half of their keys: a
        // refused key leads straight to the refused student's cursor (next choice, end of
        // list), interleaved so that both are one cache line.
        var cursor = [Int32](repeating: 0, count: 2 * n)
        for i in 0..<n {
            let r = Int(instance.tieRanks[i])
            cursor[2 * r] = instance.choiceOffsets[i]
            cursor[2 * r + 1] = instance.choiceOffsets[i + 1]
        }

        heap.withUnsafeMutableBufferPointer { heap in
        heapSize.withUnsafeMutableBufferPointer { heapSize in
        worst.withUnsafeMutableBufferPointer { worst in
        cursor.withUnsafeMutableBufferPointer { cursor in
        heapStart.withUnsafeBufferPointer { heapStart in
        instance.choiceSchools.withUnsafeBufferPointer { schools in
        instance.choiceTiers.withUnsafeBufferPointer { tiers in
            for first in 0..<n {
                var rank = first
                while true {
                    let c = Int(cursor[2 * rank])
                    if c == Int(cursor[2 * rank + 1]) { break }
                    cursor[2 * rank] = Int32(c + 1)
                    let s = Int(schools[c])
                    let key = PriorityKey.pack(tier: tiers[c], tieRank: Int32(rank))
                    let base = heapStart[s]
                    let capacity = heapStart[s + 1] - base
                    let size = Int(heapSize[s])
                    if size < capacity {
                        siftUp(heap, base: base, at: size, key: key)
                        heapSize[s] = Int32(size + 1)
                        if size + 1 == capacity { worst[s] = heap[base] }
                        break
                    }
                    if key < worst[s] {
                        let refused = worst[s]
                        siftDown(heap, base: base, count: capacity, key: key)
                        worst[s] = heap[base]
                        rank = PriorityKey.tieRank(refused)
                    }
                }
            }
        }}}}}}}

        let studentOfRank = instance.studentsByTieRank()
        var schoolIndices = [Int32](repeating: -1, count: n)
        var choiceRanks = [Int32](repeating: 0, count: n)
        for s in 0..<m {
            for h in heapStart[s]..<(heapStart[s] + Int(heapSize[s])) {
                let rank = PriorityKey.tieRank(heap[h])
                let student = Int(studentOfRank[rank])
                schoolIndices[student] = Int32(s)
                // The cursor points just past the choice the student is held at.
                choiceRanks[student] = cursor[2 * rank] - instance.choiceOffsets[student]
            }
        }
        return Matching(schoolIndices: schoolIndices, choiceRanks: choiceRanks)
    }

    /// Children per node of the heaps: eight keys of 8 bytes are one 64-byte cache line, so a
    /// level of the heap costs at most two cache misses, and a heap of a thousand seats has
    /// four levels instead of ten.
    private static let arity = 8

    /// Adds `key` at position `at` of the heap starting at `base` and restores the max-heap order.
    @inline(__always)
    private static func siftUp(_ heap: UnsafeMutableBufferPointer<UInt64>, base: Int, at: Int, key: UInt64) {
        var i = at
        while i > 0 {
            let parent = (i - 1) / arity
            let p = heap[base + parent]
            if p >= key { break }
            heap[base + i] = p
            i = parent
        }
        heap[base + i] = key
    }

    /// Replaces the top of the full heap at `base` by `key` and restores the max-heap order.
    @inline(__always)
    private static func siftDown(_ heap: UnsafeMutableBufferPointer<UInt64>, base: Int, count: Int, key: UInt64) {
        var i = 0
        while true {
            let first = arity * i + 1
            if first >= count { break }
            var child = first
            var c = heap[base + first]
            for k in (first + 1)..<min(first + arity, count) {
                let other = heap[base + k]
                if other > c { c = other; child = k }
            }
            if c <= key { break }
            heap[base + i] = c
            i = child
        }
        heap[base + i] = key
    }
}
