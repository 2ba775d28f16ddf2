/// Selection by start number and interval (起始号 + 间隔数), the manual lottery many bureaus
/// still hold in public: the applicants are listed and numbered 1…n, the list is published,
/// and then a start number s and an interval k are drawn in the hall (balls, dice, cards).
///
/// The rule: s is taken first. After that, the next number taken is the k-th number not yet
/// taken after the last number taken, counting forward cyclically (after n comes 1). Counting
/// starts with the number after the last one taken, which itself is never counted; numbers
/// already taken are skipped and not counted. Taking stops when m numbers are taken.
///
/// With n = 10, s = 3, k = 4, m = 5: 3; then 4 5 6 **7**; then 8 9 10 **1**; then
/// 2 4 5 **6** (3 is skipped); then 8 9 10 **2** (7 is skipped). Taken: 3, 7, 1, 6, 2.
/// k = 1 takes s, s+1, s+2, … round the ring. k may exceed the numbers left; the count then
/// goes round more than once.
struct RingSelection: Hashable, Sendable {
    /// n: the list is numbered 1…n.
    let count: Int
    /// s: the first number taken, in 1…n.
    let start: Int
    /// k: how many numbers not yet taken to count forward for each next one; at least 1.
    let interval: Int

    /// A selection over the numbers 1…`count`.
    /// - Throws: `RingSelectionError` if the list is empty, `start` is not in 1…`count` or
    ///   `interval` is below 1.
    init(count: Int, start: Int, interval: Int) throws(RingSelectionError) {
        guard count >= 1 else { throw .emptyList }
        guard (1...count).contains(start) else { throw .startOutOfRange(start: start, count: count) }
        guard interval >= 1 else { throw .intervalTooSmall(interval) }
        self.count = count
        self.start = start
        self.interval = interval
    }

    /// The first `m` numbers taken, in the order they are taken.
    /// - Throws: `RingSelectionError.tooMany` if `m` exceeds `count`, `.negativeTake` if below 0.
    /// - Complexity: O(n + m log n).
    func select(_ m: Int) throws(RingSelectionError) -> [Int] {
        guard m >= 0 else { throw .negativeTake(m) }
        guard m <= count else { throw .tooMany(requested: m, count: count) }
        guard m > 0 else { return [] }
        var untaken = UntakenNumbers(count: count)
        var taken = [start]
        taken.reserveCapacity(m)
        untaken.remove(start)
        var remaining = count - 1
        while taken.count < m {
            // The untaken numbers in increasing order; those after the last taken one begin
            // at index `before` (0-based), and the count wraps round the end.
            let before = untaken.count(upTo: taken[taken.count - 1])
            let index = (before + (interval - 1) % remaining) % remaining
            let next = untaken.number(at: index)
            taken.append(next)
            untaken.remove(next)
            remaining -= 1
        }
        return taken
    }
}

/// Why a ring selection cannot be made.
package enum RingSelectionError: Error, Hashable, CustomStringConvertible {
    case emptyList
    case startOutOfRange(start: Int, count: Int)
    case intervalTooSmall(Int)
    case tooMany(requested: Int, count: Int)
    case negativeTake(Int)

    package var description: String {
        switch self {
        case .emptyList:
            return "the numbered list is empty; there is nobody to select"
        case let .startOutOfRange(start, count):
            return "start number \(start) is not on the list; it must be from 1 to \(count)"
        case let .intervalTooSmall(interval):
            return "interval \(interval) is too small; it must be 1 or more"
        case let .tooMany(requested, count):
            return "cannot take \(requested) numbers from a list of \(count); take at most \(count)"
        case let .negativeTake(m):
            return "cannot take \(m) numbers; the number to take must be 0 or more"
        }
    }
}

/// The numbers 1…n not yet taken, as a Fenwick (binary indexed) tree of 0/1 marks: counting
/// the untaken numbers up to p and finding the i-th untaken number each cost O(log n).
private struct UntakenNumbers {
    private var tree: [Int]
    /// The largest power of two not above n.
    private let topBit: Int

    init(count n: Int) {
        // Every number starts untaken: node p covers (p − lowbit(p), p], so holds lowbit(p).
        tree = (0...n).map { $0 & -$0 }
        topBit = 1 << (Int.bitWidth - 1 - n.leadingZeroBitCount)
    }

    mutating func remove(_ p: Int) {
        var p = p
        while p < tree.count {
            tree[p] -= 1
            p += p & -p
        }
    }

    /// How many untaken numbers are ≤ `p`.
    func count(upTo p: Int) -> Int {
        var p = p, sum = 0
        while p > 0 {
            sum += tree[p]
            p -= p & -p
        }
        return sum
    }

    /// The untaken number with `index` (0-based) untaken numbers below it.
    func number(at index: Int) -> Int {
        var position = 0, left = index + 1, step = topBit
        while step > 0 {
            let next = position + step
            if next < tree.count && tree[next] < left {
                position = next
                left -= tree[next]
            }
            step >>= 1
        }
        return position + 1
    }
}
