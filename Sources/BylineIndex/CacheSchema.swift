import GRDB

/// The cache file's tables. Any change to them, or to what search sees of a text (`SearchText`),
/// bumps `version`: a cache of another version is rebuilt, never read.
enum CacheSchema {
    // 5: posts read with the limits of issue 15 (tags, summaries, front matter and body sizes); a cache of
    // hostile posts read before them would keep what they no longer give.
    // 6: summaries read through site syntax (issue 17): plain text, ended by `<!--more-->`.
    // 7: issue 17's posts: authors (also searched), old names (`redirect_from`, `aliases`) and redirect stubs.
    // 8: diagnostics carry their kind, posts their language, and search folds accents (issue 17).
    // 9: a live reload updates the changed files' rows alone and marks the snapshot stale (meta
    //    `snapshot` = `stale`) until it is written again; a cache of 8 would show such a snapshot as current.
    // 10: (helper "mapped": the store as a mapped file.)
    // 11: the index keeps no positions (`detail=none`: a fifth of the size, built in a third of the
    //     time; terms of several words are checked against the text, `PostCache.checked`), and files are
    //     found by document (`files_document`) for that check. A cache of 9 or 10 would be searched with
    //     queries its phrases do not answer the same way.
    static let version = "byline-cache-11"

    /// Files a build commits at once: FTS5 writes a segment per commit at the least, and fewer, larger
    /// segments are less to merge (measured below).
    static let transactionRows = 8192

    /// Bytes of words FTS5 holds in memory before it writes them out as a segment (`hashsize`): its
    /// own default for the reader's writes, 8 MB while `byline index` builds on all cores (fewer,
    /// larger segments to merge: 17% less time inserting 10,000 posts; 32 MB gained nothing more).
    static let pendingWords = 1 << 20
    static let buildPendingWords = 8 << 20

    static func setPendingWords(_ bytes: Int, in db: Database) throws {
        try db.execute(sql: "INSERT INTO words(words, rank) VALUES ('hashsize', ?)", arguments: [bytes])
    }

    static func create(_ db: Database) throws {
        // Large pages: the snapshot and the index are read in long runs. The page cache, made anew for
        // the new page size, is given 20 of them (1.3 MB): the build only appends. At SQLite's default
        // 2 MB it held 3 MB more at the peak of a first start at 10,000 posts for no gain in time (a
        // size set before the page size did not hold); 4 pages made the build of 100,000 posts take
        // 75 s instead of 56.
        try db.execute(sql: "PRAGMA page_size = 65536; PRAGMA cache_size = 20")
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
            -- Every file the finder offered, in the store's order of the last write; slug NULL when the
            -- file gave no post. `document` is the row of `words` holding its words.
            CREATE TABLE files(
                path TEXT NOT NULL UNIQUE, absolute TEXT NOT NULL,
                size INTEGER NOT NULL, modified INTEGER NOT NULL, document INTEGER,
                slug TEXT, title TEXT, date TEXT, tags TEXT, summary TEXT, draft INTEGER, file_size INTEGER,
                diagnostics TEXT NOT NULL, language TEXT,
                -- Issue 17: names (unit-separated); a redirect stub's target (NULL: none) and its key's line.
                authors TEXT, aliases TEXT, redirect INTEGER, redirect_to TEXT, redirect_line INTEGER);
            -- Words only (contentless): the text is in the posts themselves. Prefix indexes make a one- or
            -- two-letter search (the first keystroke) as fast as a long one.
            -- The words come already folded (SearchText: lower case, Latin diacritics removed), so the
            -- `ascii` tokenizer only splits them at spaces: `unicode61 remove_diacritics 2` would fold
            -- the same letters but also split words at the marks of other scripts, which the scan keeps.
            -- The whole store as of the last write (StoreSnapshot): the first screen is decoded from it.
            -- Part 0 is the header, parts 1... the posts, a chunk each.
            CREATE TABLE snapshot(part INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
            CREATE VIRTUAL TABLE words USING fts5(title, summary, tags, authors, body,
                content='', tokenize='ascii', prefix='1 2', columnsize=0, detail=none);
            -- A candidate of the index is checked against its file's row and body (`PostCache.checked`).
            CREATE INDEX files_document ON files(document);
            """)
    }
}
