"""Writing one benchmark's section of BENCHMARKS.md between its markers, leaving the others as they are."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = "# Benchmarks\n\nWritten by `make bench`; never asserted in `make test`.\n"


def write_section(name, section):
    """Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` (section includes them)."""
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else HEADER
    start, end = "<!-- %s:start -->" % name, "<!-- %s:end -->" % name
    if start in text and end in text:
        text = text.split(start)[0] + section + text.split(end)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
