#if canImport(Glibc)
import Glibc
#endif

/// A language's compiled tables, made on first use and then kept. Locked, because posts are parsed
/// on several threads at once (body search, background loading).
final class CompiledOnce: @unchecked Sendable {
    private var compiled: CompiledLanguage?
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func value(_ make: () -> CompiledLanguage) -> CompiledLanguage {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let compiled { return compiled }
        let made = make()
        compiled = made
        return made
    }
}
