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
