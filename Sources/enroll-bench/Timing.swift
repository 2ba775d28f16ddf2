import Foundation

/// Wall-clock timing for benchmarks: runs `body` `runs` times and returns the median
/// seconds with the last result. (Benchmarks only: no result of the tool depends on time.)
func medianSeconds<T>(runs: Int, _ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
    precondition(runs > 0)
    let clock = ContinuousClock()
    var times: [Double] = []
    var last: T?
    for _ in 0..<runs {
        let start = clock.now
        last = try body()
        let d = start.duration(to: clock.now).components
        times.append(Double(d.seconds) + Double(d.attoseconds) / 1e18)
    }
    times.sort()
    return (times[times.count / 2], last!)
}

/// Peak resident memory of this process so far, in MB (getrusage's ru_maxrss, kB on Linux).
func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
