import Dispatch

/// `(0..<count).map(body)`, with the calls spread over the cores.
///
/// The result does not depend on the number of cores or on timing: call `i` writes only slot `i`,
/// and the slots are returned in index order. `body` must be safe to call from several threads
/// at once (read shared state only).
/// - Complexity: the sum of `body`'s costs, divided among the cores.
package func concurrentMap<T>(count: Int, _ body: (Int) -> T) -> [T] {
    var slots = [T?](repeating: nil, count: count)
    slots.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: count) { i in
                output[i] = work(i)
            }
        }
    }
    return slots.map { $0! }
}

/// `(first(), second())`, the two calls made at once, on two cores where there are two.
///
/// The result does not depend on timing: each call writes only its own half. Both must be safe
/// to call at the same time (read shared state only).
/// - Complexity: the longer of the two calls, where two cores are free.
package func concurrentPair<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    var a: A? = nil, b: B? = nil
    withUnsafeMutablePointer(to: &a) { pa in
        withUnsafeMutablePointer(to: &b) { pb in
            nonisolated(unsafe) let (outA, outB) = (pa, pb)
            withoutActuallyEscaping(first) { first in
                withoutActuallyEscaping(second) { second in
                    nonisolated(unsafe) let (callA, callB) = (first, second)
                    DispatchQueue.concurrentPerform(iterations: 2) { i in
                        if i == 0 { outA.pointee = callA() } else { outB.pointee = callB() }
                    }
                }
            }
        }
    }
    return (a!, b!)
}
