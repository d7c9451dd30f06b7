#!/usr/bin/env python3
"""A deterministic blog of N generated posts, for the scale benchmark.

    python3 bench/corpus.py N OUTDIR

writes N markdown posts into OUTDIR (created if missing; nothing else is written, and never posts/).
Each post is 1 to 15 KB of UTF-8 with YAML front matter (title, date, tags, summary), 1 to 4 tags out
of 60 drawn with a Zipf-like skew (at 10,000 posts the first tag is on 46% of them, the rarest on
under 1%; 2.1 tags a post), and a body with headings, a list, a fenced code block, a table, links, a line of CJK
and a line of emoji. Post i depends only on i, so the same N gives byte-identical files, and the
first 1,000 posts of corpus-10000 are corpus-1000. Post 0 alone also opens with a link to post 1 by its
file name (relative path), whose text holds a word no other post has (`zyzzyva`): the scale benchmark
finds post 0 by that word and follows the link.

`post(i)` is importable: it also returns the body as HTML (for the RSS file and the HTML index the
peers read), rendered from the same blocks rather than by a markdown parser.
"""
import html
import os
import random
import sys

SEED = 6  # issue 6
MIN_BYTES, MAX_BYTES = 1024, 15 * 1024
LONGEST_BLOCK = 700  # no block that fills a post is longer (bytes), so a post stops under MAX_BYTES

WORDS = """
able about account across action active actual adapter address after again agent alarm album alert
align allow alpha amber anchor angle answer apply arena array arrow aspect atlas audio author autumn
backlog badge balance banner barrel basin batch beacon before bench berry better binary birch bitmap
blade blank blend block bloom board bottle boundary branch breeze bridge bright broker bucket budget
buffer builder bundle butter button cable cache cadence canvas canyon carbon career carpet castle
catalog cedar center chain channel chapter charge chart cipher circle civic client cliff clock cloud
cluster coast cobalt codec column comet commit compass config copper corner cotton counter course
cradle crane crater credit cursor custom cycle daemon dance dash data debug decade delta demand depot
desert design detail device dialog diesel digest dinner direct docker domain double draft dragon
drift driver eager early echo editor effect elder ember empire engine enough entry epoch equal error
escape estate event exact export fabric factor falcon fancy feature fence fiber field filter final
finger fiscal flag flame flash fleet floor flower fluent focus folder forest format fossil frame
garden gather gentle ginger glacier global golden gradle graph gravel green grid guard guide habit
hammer harbor header health heart helium hidden hollow honest horizon hybrid icon idle image impact
index indigo inlet input insight island ivory jacket jigsaw journal judge jungle kernel kettle kidney
ladder lambda laptop latency lattice layer ledger legacy lemon length letter lever library linear
liquid listen little lumber magnet manual marble margin market matrix meadow medium memory mentor
merge method metric middle mirror mobile module moment motion mountain mutex native nectar needle
network neutral nickel noble normal notion number object ocean offset olive onion optic orange orbit
output oxygen packet paddle palace panel parcel parser patch pencil pepper permit phrase pilot pixel
planet plaster pocket policy portal powder prairie prefix prism probe profile prompt proxy pulse
puzzle quartz query quiet rabbit radar random raven reader record region relay remote render replay
ribbon ridge river rocket router rubber runner saddle salmon sample schema screen script season
second sensor signal silver single sketch socket solid source spiral spring stable status stream
string studio summit switch symbol syntax system tablet target temple tensor thread ticket timber
token topic tower trace tunnel update upload valley vector velvet vendor vertex violet virtual vision
volume walnut wander window winter wizard yellow zenith zephyr
""".split()

TAGS = """
go rust python swift linux terminal databases postgres sqlite networking security testing performance
devops kubernetes docker cloud aws distributed-systems architecture api design frontend javascript
typescript css accessibility unicode markdown tooling editors vim emacs git shell ssh observability
logging concurrency compilers parsers algorithms data-structures hardware embedded music photography
travel books cooking gardening cycling running career writing open-source privacy retro math
statistics
""".split()
assert len(TAGS) == 60
# Zipf with exponent 1.1: tag k (from 0) is drawn with weight 1 / (k + 1)^1.1.
TAG_WEIGHTS = [1.0 / (k + 1) ** 1.1 for k in range(len(TAGS))]
_total, CUM_TAG_WEIGHTS = 0.0, []
for _w in TAG_WEIGHTS:
    _total += _w
    CUM_TAG_WEIGHTS.append(_total)

CJK = [
    "快速的终端阅读器可以在几毫秒内显示一万篇文章。",
    "日本語の見出しと本文が混在するテキストを正しく折り返す。",
    "한국어 문장도 두 칸 너비의 글자로 표시되어야 합니다.",
    "索引和缓存让第二次启动几乎是瞬间完成的。",
    "東京の夜は静かで、コードを書くのにちょうどいい。",
]
EMOJI = [
    "Shipped it 🚀 and the tests are green ✅ (mostly 🙃).",
    "Coffee ☕ + keyboard ⌨️ + rain 🌧️ = a good evening 🌙.",
    "Flags 🇯🇵 🇫🇷 🇧🇷 and a family 👨‍👩‍👧 are single clusters 🧩.",
    "Bugs found today: 🐛🐛🐛, bugs fixed: 🐛🐛 🎉",
    "Status: 🟢 up, 🟡 degraded, 🔴 down, ⚪ unknown.",
]
CODE = [
    ("go", ["func handle(w http.ResponseWriter, r *http.Request) {",
            "\tctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)",
            "\tdefer cancel()",
            "\tif err := serve(ctx, w); err != nil {",
            "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
            "\t}",
            "}"]),
    ("python", ["def median(values):",
                "    values = sorted(values)",
                "    middle = len(values) // 2",
                "    if len(values) % 2:",
                "        return values[middle]",
                "    return (values[middle - 1] + values[middle]) / 2"]),
    ("rust", ["fn parse(line: &str) -> Option<(u32, &str)> {",
              "    let (id, rest) = line.split_once(' ')?;",
              "    Some((id.parse().ok()?, rest.trim()))",
              "}"]),
    ("swift", ["struct Post: Hashable {",
               "    let title: String",
               "    let tags: Set<String>",
               "    var words: Int { title.split(separator: \" \").count }",
               "}"]),
    ("sql", ["SELECT tag, count(*) AS posts",
             "  FROM post_tags",
             " GROUP BY tag",
             " ORDER BY posts DESC, tag",
             " LIMIT 20;"]),
    ("sh", ["for f in posts/*.md; do",
            "  head -c 4096 \"$f\" > /dev/null",
            "done"]),
]


def _words(rng, low, high):
    return rng.choices(WORDS, k=rng.randint(low, high))


def _make_sentences(count):
    """A fixed pool of sentences that posts draw from: one draw per sentence keeps 100,000 posts fast."""
    rng = random.Random(SEED)
    return [" ".join(_words(rng, 6, 16)).capitalize() + rng.choice(".....?!") for _ in range(count)]


SENTENCES = _make_sentences(20000)


def _pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def _sentence(rng):
    return _pick(rng, SENTENCES)


def _title(rng):
    return " ".join(w.capitalize() for w in _words(rng, 3, 7))


def _paragraph(rng):
    """A paragraph with a link now and then; (markdown, html)."""
    md, out = [], []
    for _ in range(2 + int(rng.random() * 4)):
        s = _sentence(rng)
        if rng.random() < 0.25:
            word = _pick(rng, WORDS)
            url = "https://example.com/%s/%d" % (word, 1 + int(rng.random() * 9999))
            md.append("%s See [the %s notes](%s)." % (s, word, url))
            out.append('%s See <a href="%s">the %s notes</a>.' % (s, url, word))
        else:
            md.append(s)
            out.append(s)
    return " ".join(md), "<p>%s</p>" % " ".join(out)


def _heading(rng, level):
    text = _title(rng)
    return "#" * level + " " + text, "<h%d>%s</h%d>" % (level, text, level)


def _list(rng):
    items = [" ".join(_words(rng, 2, 8)) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.5:
        return "\n".join("- " + i for i in items), "<ul>%s</ul>" % "".join("<li>%s</li>" % i for i in items)
    return ("\n".join("%d. %s" % (n + 1, i) for n, i in enumerate(items)),
            "<ol>%s</ol>" % "".join("<li>%s</li>" % i for i in items))


def _code(rng):
    language, lines = rng.choice(CODE)
    body = "\n".join(lines)
    return "```%s\n%s\n```" % (language, body), "<pre><code>%s</code></pre>" % html.escape(body)


def _table(rng):
    header = ["name", "count", "p50 ms", "note"]
    rows = [[rng.choice(WORDS), str(rng.randint(1, 100000)), "%.1f" % (rng.random() * 100), rng.choice(WORDS)]
            for _ in range(rng.randint(2, 5))]
    md = ["| " + " | ".join(header) + " |", "|---|---:|---:|---|"] + ["| " + " | ".join(r) + " |" for r in rows]
    out = "<table><tr>%s</tr>%s</table>" % ("".join("<th>%s</th>" % h for h in header),
                                           "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % c for c in r) for r in rows))
    return "\n".join(md), out


def _quote_lines(rng):
    """The CJK line and the emoji line."""
    cjk, emoji = rng.choice(CJK), rng.choice(EMOJI)
    return cjk + "\n\n" + emoji, "<p>%s</p><p>%s</p>" % (cjk, emoji)


def _internal_link(name):
    """A paragraph linking to another post of the blog by its file name; (markdown, html)."""
    return ("Read next: [the %s post](%s)." % (LINK_WORD, name),
            '<p>Read next: <a href="%s">the %s post</a>.</p>' % (html.escape(name), LINK_WORD))


LINK_WORD = "zyzzyva"  # in no other post: a search for it finds post 0 alone
assert LINK_WORD not in WORDS


def _tags(rng):
    chosen = []
    want = rng.choices((1, 2, 3, 4), weights=(30, 35, 25, 10))[0]
    while len(chosen) < want:
        tag = rng.choices(TAGS, cum_weights=CUM_TAG_WEIGHTS)[0]
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def post(i):
    """(file name, front matter dict, markdown body, html body) of post i; depends on i only."""
    rng = random.Random(SEED * 1_000_003 + i)
    title = _title(rng)
    days = rng.randint(0, 21 * 365)
    year, day_of_year = 2005 + days // 365, days % 365
    month, day = 1 + day_of_year // 31 % 12, 1 + day_of_year % 28
    meta = {"title": title, "date": "%04d-%02d-%02d" % (year, month, day), "tags": _tags(rng),
            "summary": _sentence(rng)}
    front = '---\ntitle: "%s"\ndate: %s\ntags: [%s]\nsummary: "%s"\n---\n\n' % (
        meta["title"], meta["date"], ", ".join(meta["tags"]), meta["summary"])
    target = rng.randint(MIN_BYTES, MAX_BYTES - LONGEST_BLOCK)

    blocks = [_paragraph(rng), _heading(rng, 2), _list(rng), _paragraph(rng), _code(rng), _table(rng),
              _quote_lines(rng)]
    if i == 0:
        blocks.insert(0, _internal_link(post(1)[0]))
    size = len(front.encode()) + sum(len(md.encode()) + 2 for md, _ in blocks)
    while size < target:
        roll = rng.random()
        if roll < 0.12:
            block = _heading(rng, rng.choice((2, 3)))
        elif roll < 0.22:
            block = _list(rng)
        elif roll < 0.27:
            block = _code(rng)
        elif roll < 0.30:
            block = _table(rng)
        elif roll < 0.33:
            block = _quote_lines(rng)
        else:
            block = _paragraph(rng)
        blocks.append(block)
        size += len(block[0].encode()) + 2
    slug = "-".join(title.lower().split()[:5])
    name = "%s-%d.md" % (slug, i)
    markdown = front + "\n\n".join(md for md, _ in blocks) + "\n"
    return name, meta, markdown, "\n".join(h for _, h in blocks)


def _write_range(folder, first, end):
    for i in range(first, end):
        name, _, markdown, _ = post(i)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.write(markdown)


def write(count, folder):
    """Writes posts 0..count-1 into folder, on every core (each post depends on its number only)."""
    os.makedirs(folder, exist_ok=True)
    workers = max(1, min(os.cpu_count() or 1, count // 5000))
    children = []
    for w in range(1, workers):
        pid = os.fork()
        if pid == 0:
            try:
                _write_range(folder, count * w // workers, count * (w + 1) // workers)
            finally:
                os._exit(0)
        children.append(pid)
    _write_range(folder, 0, count // workers)
    for pid in children:
        _, status = os.waitpid(pid, 0)
        if status != 0:
            sys.exit("corpus.py: a writer failed")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: corpus.py N OUTDIR")
    count, folder = int(sys.argv[1]), sys.argv[2]
    if os.path.realpath(folder) == os.path.realpath(os.path.join(os.path.dirname(__file__), "..", "posts")):
        sys.exit("corpus.py: never into posts/")
    write(count, folder)


if __name__ == "__main__":
    main()
