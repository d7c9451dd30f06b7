#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets: fuzz/corpus/TARGET/ (replayed by `make fuzz-smoke`)
and fuzz/pending/TARGET/ (inputs that reproduce a bug still open; not replayed until it is fixed).

The seeds are the shapes of issue 15 and of the bad input byline already handles, each under 64 KB.
Run it again after changing it; the files are committed, so a run of the fuzzers needs no Python.
Usage: fuzz/make-seeds.py [--check]   (--check: exit 1 when a committed seed differs from this script)
"""
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
LIMIT = 64 * 1024
seeds = {}  # relative path -> bytes


def seed(where, target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < LIMIT, (name, len(data))
    seeds[os.path.join(where, target, name)] = data


# ---------------------------------------------------------------- front matter (whole post files)
def post(front, body="Body text.\n", fence="---"):
    return f"{fence}\n{front}\n{fence}\n{body}"


def fm(name, data, where="corpus"):
    seed(where, "frontmatter", name, data)


fm("yaml-plain", post("title: Hello\ndate: 2024-04-09\ntags: [go, rust]\nsummary: One line.\ndraft: false"))
fm("yaml-block-scalars", post("title: >\n  folded\n  title\nsummary: |\n  kept\n  lines\ntags:\n  - a\n  - b"))
fm("yaml-anchors-merge", post("base: &b {title: T, tags: [x]}\npost:\n  <<: *b\n  slug: s\ntitle: *b"))
fm("yaml-tags-types", post("title: !!binary aGVsbG8=\ndate: !!timestamp 2024-04-09T10:00:00Z\nx: !ruby/object:Foo {a: 1}\ntags: !!set {a, b}"))
fm("yaml-bad-indent", post("title: a\n  b: c\n d: [\n"))
fm("yaml-duplicate-keys", post("title: a\ntitle: b\ntags: [a]\ntags: [b]"))
fm("yaml-dates", post("date: 2024-13-45\nupdated: 99999-01-01\npublished: 0000-00-00T25:61:61+99:99\nlastmod: 2024-02-30"))
fm("yaml-null-and-types", post("title: ~\ntags: null\nsummary: 12\ndraft: yes\nslug: [1, 2]"))
fm("yaml-document-markers", "---\ntitle: a\n...\nbody\n---\nmore\n")
fm("yaml-dots-close", "---\ntitle: dotted\n...\n# Heading\n")
fm("yaml-flow-nested", post("tags: [[a, [b, [c, [d]]]], {k: [v]}]\ntitle: {a: {b: {c: d}}}"))
fm("yaml-deep-flow-nesting", post("x: " + "[" * 2000 + "]" * 2000))
fm("yaml-deep-block-nesting", post("".join("  " * i + "k:\n" for i in range(200)) + "  " * 200 + "k: v"))
fm("yaml-long-scalar", post("title: " + "word " * 8000))
fm("yaml-huge-tag", post("tags: [" + "x" * 50000 + "]"))
fm("yaml-combining-tag", post("title: e" + "\u0301" * 2000 + "\ntags: [e" + "\u0301" * 20000 + "]"))
fm("yaml-cjk-emoji", post("title: 日本語のタイトル 🎉👩‍👩‍👧‍👦\ntags: [日本, 🎉, \"ZWJ\u200dtag\", \u05d0\u05d1]\nsummary: 한국어 요약 ❤️"))
fm("yaml-control-chars", post("title: \"a\\x1b[31mred\\x07\\u009b\"\ntags: [\"\\e]0;title\\a\"]\nsummary: \"\\0nul\""))
fm("yaml-many-tags-flow", post("tags: [" + ", ".join(f"t{i}" for i in range(2000)) + "]"))
fm("yaml-many-tags-block", post("tags:\n" + "".join(f"  - t{i}\n" for i in range(2000))))
fm("yaml-billion-laughs-3", post("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntags: *c"))
fm("bom-crlf", b"\xef\xbb\xbf---\r\ntitle: Windows\r\ntags: [a]\r\n---\r\nBody\r\n")
fm("invalid-utf8", b"---\ntitle: bad \xff\xfe bytes \xc3\x28 \xe2\x82\ntags: [\xf0\x28\x8c\x28]\n---\nbody \xed\xa0\x80 surrogate\n")
fm("nul-byte", b"---\ntitle: nul\n---\nbody \x00 here\n")
fm("unclosed-yaml", "---\ntitle: never closed\ntags: [a]\n\nbody\n")
fm("unclosed-toml", "+++\ntitle = \"never closed\"\n\nbody\n")
fm("only-fence", "---\n")
fm("empty", "")
fm("no-front-matter", "# A heading title\n\nFirst paragraph is the summary.\n")
fm("liquid-shortcodes", post("title: Liquid", body="{% raw %}{{ page.title }}{% endraw %}\n{{< figure src=\"x\" >}}\n{{% note %}}x{{% /note %}}\n{% highlight go %}\nfunc(){}\n{% endhighlight %}\n"))
fm("raw-html-body", post("title: HTML", body="<div><script>alert(1)</script></div>\n<!-- comment\n\n# not a heading\n"))
fm("summary-from-body", post("date: 2024-04-09", body="# Title from heading\n\n" + "Long paragraph " * 600 + "\n"))
# TOML
fm("toml-plain", post('title = "Hello"\ndate = 2024-04-09\ntags = ["go", "rust"]\ndraft = false\n[extra]\nk = 1', fence="+++"))
fm("toml-9-byte-abort", "+++\n[\n+++\n")  # issue 15 row 2: SIGABRT in toml++'s assertions without NDEBUG
fm("toml-bad-datetime-abort", post("a = 2024-04-09T:", fence="+++"))  # issue 15 row 2
fm("toml-datetimes", post("a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999999-07:00\nc = 07:32:00\nd = 1979-05-27\n"
                          "e = 9999-12-31T23:59:59+23:59\nf = 0000-01-01T00:00:00-23:59", fence="+++"))
fm("toml-bad-values", post("a = 2024-04-09T\nb = 1979-05-27T07:32\nc = 0x\nd = 1e\ne = inf\nf = nan\ng = \"\\u0000\"\nh = '''\n", fence="+++"))
fm("toml-tables", post('title = "t"\n[a.b.c]\nd = 1\n[[arr]]\nx = 1\n[[arr]]\nx = 2\n[a]\ne = 2', fence="+++"))
fm("toml-deep-arrays", post("x = " + "[" * 2000 + "]" * 2000, fence="+++"))
fm("toml-deep-inline-tables", post("x = " + "{a = " * 1000 + "1" + "}" * 1000, fence="+++"))
fm("toml-many-tags", post("tags = [" + ", ".join(f'"t{i}"' for i in range(2000)) + "]", fence="+++"))
fm("toml-huge-string", post('title = "' + "x" * 50000 + '"', fence="+++"))
fm("toml-unicode-keys", post('"日本" = "🎉"\n"e\u0301" = 1\ntitle = "\\u001b[31m"\n\'lit\' = \'\\n\'', fence="+++"))
fm("toml-duplicate-keys", post('title = "a"\ntitle = "b"\n[t]\n[t]', fence="+++"))
fm("toml-invalid-utf8", b"+++\ntitle = \"\xff\xfe\"\n+++\n")

def base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if number == 0:
            return text


# Open bugs of issue 15 (store helper): alias bombs and quadratic lists. Replayed once fixed.
laughs = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
for depth in range(1, 9):
    laughs.append(f"a{depth}: &a{depth} [" + ", ".join([f"*a{depth - 1}"] * 9) + "]")
fm("yaml-billion-laughs-7", post("\n".join(laughs[:7]) + "\ntags: *a6"))  # row 3: was 1.3 s, 373 MB
fm("yaml-billion-laughs-9", post("\n".join(laughs[:9]) + "\ntags: *a8"))  # row 3: was > 60 s, > 5.8 GB
fm("yaml-long-flow-list", post("tags: [" + ",".join(base36(i) for i in range(14000)) + "]"))  # row 4: was quadratic
fm("yaml-long-block-list", post("tags:\n" + "".join(f"- {base36(i)}\n" for i in range(10000))))  # row 4: was quadratic

# ---------------------------------------------------------------- markdown (2 bytes width, 1 byte options)
def md(name, width, text, options=0, where="corpus"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    seed(where, "markdown", name, bytes([(width - 1) >> 8, (width - 1) & 0xFF, options]) + data)


for shipped in ["worker-pools-in-go.md", "rate-limiting-in-go.md", "ten-things-i-learned-as-a-backend-engineer.md"]:
    with open(os.path.join(ROOT, "..", "posts", shipped), "rb") as f:
        text = f.read()
    body = text.split(b"\n---\n", 1)[1] if text.startswith(b"---\n") else text
    md("shipped-" + shipped[:-3] + "-80", 80, body[:60000])
md("shipped-narrow-10", 10, "# Heading\n\nSome *emphasis* and `code` and a [link](https://example.com/a/b).\n\n- one\n- two\n")
md("width-1", 1, "# 日本語\n\n> quote 🎉\n\n- [ ] task\n\n| a | b |\n|---|---|\n| 日 | 🎉 |\n")
md("width-1000", 1000, "word " * 3000)
md("table-wide", 40, "| " + " | ".join(f"col{i}" for i in range(60)) + " |\n|" + "---|" * 60 + "\n| " + " | ".join("日本🎉" for _ in range(60)) + " |\n")
md("table-aligned-cjk", 30, "| left | center | right |\n|:---|:---:|---:|\n| 日本語 | 🎉🎉 | e\u0301\u0301 |\n| `code` | **bold** | [l](u) |\n")
md("footnotes", 50, "Text[^1] and[^note].\n\n[^1]: First.\n[^note]: Second with [link](https://x.y/z).\n\n" + "".join(f"x[^{i}]\n\n[^{i}]: n{i}\n\n" for i in range(200)))
md("nested-quotes", 60, "> " * 3000 + "deep\n")
md("nested-lists", 60, "".join("  " * i + "- item\n" for i in range(200)))
md("nested-mixed", 80, "".join("   " * i + ("1. " if i % 2 else "> - ") + "x\n" for i in range(200)))
md("unclosed-fences", 80, "```go\nfunc main() {\n~~~\n````\nno end\n")
md("code-long-lines", 20, "```\n" + "x" * 5000 + "\n\t\ttabs\there\n" + "日本" * 500 + "\n```\n")
md("code-highlight", 60, "```go\npackage main\n// comment\nfunc f() string { return \"s\\\"\" + `raw` }\n```\n```python\ndef f(): return '''x'''\n```\n```rust\nfn main() { let r#a = b\"x\"; }\n```\n")
md("raw-html", 70, "<div>\n<script>alert(1)</script>\n</div>\n\nInline <span style=x>html</span> &#x1B;[31m &#0; &#xD800; &#x9B; &amp;\n\n<!-- unclosed comment\n")
md("entities-controls", 40, "&#27;[2J &#7; &#127; &#128; &#155; &#x202E;rtl &#xFEFF; &#x200B;\n\n\x1b[31mraw escape\x07\n")
md("liquid-shortcodes", 60, "{% raw %}{{ x }}{% endraw %}\n\n{{< youtube id >}}\n\n{{% notice %}}\n**x**\n{{% /notice %}}\n\n{% for p in site.posts %}{{ p.title }}{% endfor %}\n")
md("long-url-hyperlinks", 40, "[link](https://example.com/" + "a" * 2000 + ") and <https://example.com/" + "b" * 500 + ">\n", options=2)
# Issue 15 row 9: the URL was written again on every wrapped line (2.2 s); now at most 2048 bytes, once.
md("long-url-hyperlinks-20k", 40, "[link](https://example.com/" + "a" * 20000 + ") and <https://example.com/" + "b" * 2000 + ">\n",
   options=2)
md("combining-marks", 12, "e" + "\u0301" * 5000 + " word " + "a\u0308" * 100 + "\n")
md("cjk-emoji-wrap", 7, "日本語の文章は空白なしで続きます。" * 30 + " 👩‍👩‍👧‍👦🎉✅❤️ " * 20 + "\n")
md("zero-width-rtl", 15, "\u200b" * 500 + "\u05d0\u05d1\u05d2 " * 50 + "\u202e" * 10 + "\ufeff\n")
md("invalid-utf8", 30, b"text \xff\xfe \xc3\x28 \xed\xa0\x80 \xf4\x90\x80\x80 end\n")
md("crlf-bom", 30, b"\xef\xbb\xbf# Title\r\n\r\n- a\r\n- b\r\n")
md("emphasis-pathological", 80, "*a **a " * 2000 + "\n\n" + "[" * 3000 + "a" + "]" * 3000 + "\n\n" + "`" * 3000 + "\n")
md("link-references", 80, "".join(f"[r{i}]: https://x.y/{i} \"t\"\n" for i in range(500)) + " ".join(f"[r{i}]" for i in range(500)) + "\n")
md("task-lists-strike", 25, "- [ ] open\n- [x] done ~~gone~~\n  - [X] nested\n1. [ ] ordered\n")
md("headings-rules", 15, "# H1\n## H2 " + "long " * 50 + "\n###### H6\n---\n***\n___\nSetext\n===\n")
md("tabs-blanks", 9, "\tcode\n\n \t mixed\t\ttabs\n\n" + "word\t" * 100 + "\n")
md("ascii-glyphs", 40, "> q\n\n- a\n  - b\n- [x] t\n\n| a |\n|---|\n| b |\n\n---\n", options=1)
md("many-blocks", 60, "".join(f"p{i}\n\n" for i in range(3000)))

# ---------------------------------------------------------------- keys (see fuzz/targets/KeysFuzz.swift)
def resize(w, h):
    return bytes([0xC0, w >> 8, w & 0xFF, h >> 8, h & 0xFF])


def scalar(value):
    return bytes([0xA0, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF])


def fkey(code):
    return bytes([0x80, code - 0x100])


FRAME = b"\xF0"
KEY_DOWN, KEY_UP, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_BACKSPACE = 0x102, 0x103, 0x104, 0x105, 0x106, 0x107
KEY_NPAGE, KEY_PPAGE, KEY_ENTER, KEY_BTAB, KEY_END, KEY_DC = 0x152, 0x153, 0x157, 0x161, 0x168, 0x14A


def keys(name, data, where="corpus"):
    seed(where, "keys", name, data)


keys("browse", b"jjjk" + FRAME + b"\tj\tk" + FRAME + b"G" + FRAME + b"g" + FRAME)
keys("open-read-back", b"j\r" + FRAME + b"jjjj " + FRAME + b"G" + FRAME + b"np" + FRAME + b"\x1b" + FRAME)
keys("search", b"/go" + FRAME + b"\x7f\x7fworker\r" + FRAME + b"j\r" + FRAME + b"/\x1b" + FRAME)
keys("find-in-post", b"\r/pool\r" + FRAME + b"nnnN" + FRAME + b"/\x7f\x7f\x1b" + FRAME)
keys("tags", b"\x1b[" + b"t" + FRAME + b"jjj " + FRAME + b"x" + FRAME + b"m" + FRAME + b"s" + FRAME + b"c" + FRAME)
keys("help", b"?" + FRAME + b"jjjjG" + FRAME + b"?" + FRAME)
keys("function-keys", b"".join(fkey(c) for c in [KEY_DOWN, KEY_DOWN, KEY_NPAGE, KEY_PPAGE, KEY_END, KEY_HOME, KEY_RIGHT,
                                                   KEY_LEFT, KEY_BTAB, KEY_ENTER, KEY_DC, KEY_BACKSPACE, 0x109, 0x114, 0x1FF]) + FRAME)
keys("controls", bytes(range(0, 32)) + b"\x7f" + FRAME + b"\x0c\x04\x15\x06\x02" + FRAME)
keys("wide-and-invalid-scalars", b"/" + scalar(0x65E5) + scalar(0x1F389) + scalar(0x301) * 50 + scalar(0xD800) + scalar(0x110000)
     + scalar(0xFFFFFF) + scalar(0x85) + scalar(0x200D) + scalar(0x202E) + FRAME + b"\r" + FRAME)
keys("resize-storm", b"".join(resize(w, h) for w, h in [(0, 0), (1, 1), (2, 1), (1, 2), (10, 3), (1000, 500), (0, 500),
                                                       (1000, 0), (80, 24), (40, 12), (300, 100), (65535, 65535)]) + FRAME
     + b"".join(resize(w, 24) + b"j" + FRAME for w in range(1, 120, 7)))
keys("resize-while-reading", b"\r" + FRAME + resize(20, 5) + FRAME + resize(200, 60) + b"G" + FRAME + resize(3, 2) + b"k" + FRAME
     + resize(1000, 500) + FRAME)
keys("paste-ascii-search", b"/" + bytes([0xD0, 255, 0]) + FRAME + b"\r" + FRAME)
# Issue 15 row 8: combining marks join one Character, so a prompt bound in Characters never tripped and
# each key refiltered with a longer term (4,081 marks took 31 s); the bound now counts scalars.
keys("paste-combining-search", b"/" + bytes([0xD0, 255, 1]) + FRAME + b"\r" + FRAME)
keys("paste-cjk-find", b"\r/" + bytes([0xD0, 255, 2]) + FRAME + b"\r" + FRAME)
keys("paste-controls", b"/" + bytes([0xD0, 20, 8]) + bytes([0xD0, 20, 9]) + bytes([0xD0, 20, 10]) + bytes([0xD0, 20, 11]) + FRAME)
keys("hostile-post", b"G" + FRAME + b"\r" + FRAME + b"jjjjjjjjjj" + FRAME + resize(15, 8) + FRAME + b"\x1b\t" + FRAME
     + b"G" + FRAME + resize(1000, 500) + FRAME)
keys("runtime-actions", b"\xE0\xE4\xE8\xEC" + FRAME + b"j\xE0\xE8" + FRAME + b"\r\xE0\xE8" + FRAME)
keys("quit", b"jjq" + FRAME + b"jjj")

if __name__ == "__main__":
    check = "--check" in sys.argv
    stale = []
    for relative, data in sorted(seeds.items()):
        path = os.path.join(ROOT, relative)
        old = open(path, "rb").read() if os.path.exists(path) else None
        if old != data:
            stale.append(relative)
            if not check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(data)
    if check and stale:
        print("fuzz/make-seeds.py: seeds differ from the script: " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)
    print(f"fuzz/make-seeds.py: {len(seeds)} seeds, {len(stale)} written" if not check else "fuzz/make-seeds.py: seeds match")
