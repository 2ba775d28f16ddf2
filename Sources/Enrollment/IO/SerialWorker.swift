import Dispatch

/// Jobs run one after the other, in the order given, on another thread: work that can overlap
/// with the caller's (hashing and writing the files of a site while its next page is made).
///
/// At most `pending` jobs wait at once (`run` blocks until one finishes), so what the jobs hold
/// stays bounded however far the caller gets ahead. Order is the order of `run`; nothing depends
/// on timing.
package final class SerialWorker: @unchecked Sendable {
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore

    package init(label: String, pending: Int = 32) {
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: pending)
    }

    /// Queues `job` after the jobs already given.
    package func run(_ job: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async { [slots] in
            job()
            slots.signal()
        }
    }

    /// Returns when every job given so far has run.
    package func wait() {
        queue.sync {}
    }
}
