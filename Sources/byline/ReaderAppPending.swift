import BylineCore
struct ReaderApp { let store: PostStore; let blogName: String; let theme: Theme; func run() -> Int32 { 1 } }
