import Dispatch

/// `map` on all cores, results in input order. Used for reading thousands of files at once.
public enum ParallelMap {
    public static func map<T, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] where T: Sendable, R: Sendable {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        let chunk = max(1, min(256, items.count / (8 * 8)))
        let chunks = (items.count + chunk - 1) / chunk
        items.withUnsafeBufferPointer { input in
            let input = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                let start = part * chunk
                for index in start..<min(start + chunk, input.value.count) {
                    results.set(index, transform(input.value[index]))
                }
            }
        }
        return results.values()
    }
}

/// One slot per result, written by exactly one worker each, read after all have finished.
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ index: Int, _ value: R) { slots[index] = value }
    func values() -> [R] { slots.map { $0! } }
}

private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
