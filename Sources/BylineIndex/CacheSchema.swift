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
    // 10: the store is a file beside the cache, mapped by every reader (`MappedStore`), named by meta
    //     `generation`; the `snapshot` table is gone.
    // 11: the index keeps no word positions (`detail=column`: a third of the size, built in a third of
    //     the time), so terms of several words are checked in the text (`SearchCandidates`); files are
    //     found by document (`files_document`) for that check. A cache of 9 or 10 would be asked
    //     queries (a word each, no phrases) whose answers its callers no longer check.
    // 12: each two ideographs side by side in a field are also indexed as one word (`IdeographPairs`),
    //     and a term of two ideographs is answered by that word alone (`FullTextQuery`): a cache of 11
    //     has no such words and would find nothing for `東京`. At 100,000 posts of bench/corpus.py
    //     (31% hold a CJK line), release builds side by side: `byline index` 313.4 MB and 18.7 s
    //     (version 11: 295.9 MB, 17.0 s, one run each); the keystroke `终端` 12.7 ms (526.5 ms: each of
    //     its 31,408 candidates' bodies was read), medians of 2 in a pty (`qu` `qua` `终` alike: one-word
    //     terms ask the same query).
    static let version = "byline-cache-12"

    /// Files a build commits at once (whole chunks): with no journal a commit is cheap, but each one
    /// writes FTS5's pending words out as a segment.
    static let transactionRows = 8192

    /// How FTS5 writes while `byline index` builds on all cores, and after. Building, it holds up to
    /// 64 MB of words before writing a segment and merges segments only in a crisis (64 at one level):
    /// the `optimize` at the end merges them all once, instead of automerge rewriting the growing
    /// index level by level. (At 100,000 posts: 26-30 s to build with FTS5's defaults, 13-22 s so.)
    /// After the build its defaults come back, for the reader's small writes: 1 MB, automerge 4,
    /// crisis at 16. The reader's own one-core build keeps the defaults (its memory is the reader's).
    static func setBuilding(_ building: Bool, in db: Database) throws {
        try db.execute(sql: "INSERT INTO words(words, rank) VALUES ('hashsize', ?)", arguments: [building ? 64 << 20 : 1 << 20])
        try db.execute(sql: "INSERT INTO words(words, rank) VALUES ('automerge', ?)", arguments: [building ? 0 : 4])
        try db.execute(sql: "INSERT INTO words(words, rank) VALUES ('crisismerge', ?)", arguments: [building ? 64 : 16])
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
            -- Options measured (issue 20) on bench/corpus.py's posts, 800 MB of markdown at 100,000 (the
            -- sum of file sizes); size of the FTS5 table alone, seconds to insert and optimize and ms of
            -- a prefix query, best of 5, by a Python driver over pre-normalized text at 10,000 posts (a
            -- quiet moment) and sizes at 100,000; the last rows are `byline index` at 100,000 posts:
            --   detail  prefix  tokenizer       10k MB  insert s  "c"* ms  "cac"* ms | 100k MB
            --   full    1 2     ascii             84.9   2.2-2.7      2.7      2.1   |  800.8  (version 9)
            --   full    -       ascii             43.8   1.1          69       2.0   |
            --   column  1 2     ascii             26.9   1.6-1.7      2.4      2.0   |  222.2  (chosen)
            --   none    1 2     ascii             13.4   1.1          2.4      2.8   |   79.4
            --   none    1       ascii             10.4   0.9          2.3-2.8  2.8   |   62.1
            --   none    1 2 3   ascii             16.2   1.9-2.3      2.4      1.9   |
            --   none    -       ascii             10.1   0.7-1.0     16-20     2.8   |   54.4
            --   none    1 2     unicode61 rd2     12.3   1.1-1.5      2.4      2.8   |   78.8
            --   none    1 2     (content kept)    92.9   1.3-1.5      2.4      2.9   |
            --   none, each word once a field (DistinctWords): the same 12.3 MB, insert 0.6-0.8 s
            --   byline index, 100,000 posts, whole cache, runs side by side on this shared 2-core machine:
            --   version 9 (detail=full) 857 MB, 35-57 s; detail=none 139 MB, 12-17 s; detail=column
            --   288 MB, 13-22 s (26-30 s with FTS5's own merging, `setBuilding`). Queries on those caches:
            --   "q"* "qu"* 3 ms in all three; "qua"* "quartz"* 4 ms (full, column), 12 ms (none).
            -- So `column`: a prefix query of three letters or more is as fast as with positions (`none`
            -- takes three times as long: FTS5 merges its prefix doclists by a slower path), within half
            -- the markdown's size. Neither answers phrases: see `FullTextQuery`. Prefixes of one and two
            -- letters keep the first keystrokes fast (16-20 ms without, at 10,000 posts). `ascii` over
            -- pre-folded words, as before: unicode61 folds the same letters but would split words at
            -- the marks of other scripts, which the scan keeps. Contentless: the text is in the posts.
            CREATE VIRTUAL TABLE words USING fts5(title, summary, tags, authors, body,
                content='', tokenize='ascii', prefix='1 2', columnsize=0, detail=column);
            -- A candidate of the index is checked against its file's row and body (`PostCache.checked`).
            CREATE INDEX files_document ON files(document);
            """)
    }
}
