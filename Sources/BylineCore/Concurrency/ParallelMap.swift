import Dispatch

/// `map` on all cores, results in input order. Used for reading thousands of files at once.
package enum ParallelMap {
    package static func map<T, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] where T: Sendable, R: Sendable {
        guard items.count > 1 else { return items.map(transform) }
        let chunk = max(1, min(256, items.count / (8 * 8)))
        let chunks = (items.count + chunk - 1) / chunk
        // Each result is written in place by the one worker whose chunk holds it: no slot to copy or
        // move out after (a copy of 100,000 posts costs a retain and a release of each of their strings).
        return [R](unsafeUninitializedCapacity: items.count) { output, count in
            items.withUnsafeBufferPointer { input in
                let (input, output) = (UnsafeSendable(input), UnsafeSendable(output.baseAddress!))
                DispatchQueue.concurrentPerform(iterations: chunks) { part in
                    let start = part * chunk
                    for index in start..<min(start + chunk, input.value.count) {
                        (output.value + index).initialize(to: transform(input.value[index]))
                    }
                }
            }
            count = items.count
        }
    }
}

extension ParallelMap {
    /// `map` on all cores, or on the calling thread alone (work behind the screen, which must leave
    /// the cores to the reader), giving way to keys between items (`giveWay`).
    package static func map<T: Sendable, R: Sendable>(_ items: [T], allCores: Bool, giveWay: GiveWay? = nil,
                                                     _ transform: @Sendable (T) -> R) -> [R] {
        allCores ? map(items, transform) : items.map { giveWay?.point(); return transform($0) }
    }

    /// `first()` and `second()`, on two cores when there are.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let slots = PairSlots<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { slots.first = first() } else { slots.second = second() }
        }
        return (slots.first!, slots.second!)
    }
}

/// Two results, each written by one worker, read after both have finished.
private final class PairSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}

/// A value handed to another thread whose owner promises that only one thread uses it at a time
/// (a buffer read by all, a result written by one and read after it is joined).
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
