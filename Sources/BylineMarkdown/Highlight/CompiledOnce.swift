import Synchronization

/// A language's compiled tables, made on first use and then kept. Locked, because posts are parsed
/// on several threads at once (body search, background loading).
final class CompiledOnce: Sendable {
    private let compiled = Mutex<CompiledLanguage?>(nil)

    func value(_ make: () -> CompiledLanguage) -> CompiledLanguage {
        compiled.withLock { compiled in
            if let compiled { return compiled }
            let made = make()
            compiled = made
            return made
        }
    }
}
