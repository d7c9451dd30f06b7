#!/usr/bin/python3
"""Screenshots of the real program: byline runs in tmux, `capture-pane -e` keeps its colours, pyte turns
the escape sequences into a grid of cells, and headless Chromium photographs that grid as HTML with
fixed cells (so CJK and emoji line up). Writes screenshots/*.png. Run: make screenshots."""
import html
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyte

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BYLINE = os.path.join(ROOT, ".build", "debug", "byline")
OUT = os.path.join(ROOT, "screenshots")
SOCKET = "byline-shots-%d" % os.getpid()
CELL_W, CELL_H = 9, 19

# xterm's default 16 colours, then the 6x6x6 cube and the grey ramp.
BASE16 = ["000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
          "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"]
NAMED = {"black": 0, "red": 1, "green": 2, "brown": 3, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7}
FG, BG = "d0d0d0", "1c1c1c"


def palette(index):
    if index < 16:
        return BASE16[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "%02x%02x%02x" % (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    level = 8 + (index - 232) * 10
    return "%02x%02x%02x" % (level, level, level)


def color(value, default, bold=False):
    if value == "default":
        return default
    if value in NAMED:
        return BASE16[NAMED[value] + (8 if bold else 0)]
    if len(value) == 6:
        return value
    return default


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True).stdout


def wait_for(text, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if text in tmux("capture-pane", "-p", "-t", "shot"):
            return
        time.sleep(0.05)
    sys.exit("screenshots: timed out waiting for %r" % text)


def shoot(name, width, height, folder, keys):
    # A reading state of its own for each shot: every post unread, as on a first visit.
    state = tempfile.mkdtemp(prefix="byline-shot-state-")
    tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "shot",
         "env", "TERM=tmux-256color", "LANG=C.UTF-8", "XDG_STATE_HOME=" + state, BYLINE, folder)
    try:
        for step in keys:
            if step.startswith("wait:"):
                wait_for(step[5:])
            elif step.startswith("type:"):
                tmux("send-keys", "-t", "shot", "-l", step[5:])
            else:
                tmux("send-keys", "-t", "shot", step)
        time.sleep(0.3)
        ansi = tmux("capture-pane", "-e", "-N", "-p", "-t", "shot")
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
        shutil.rmtree(state, ignore_errors=True)
    screen = pyte.Screen(width, height)
    stream = pyte.Stream(screen)
    # The last newline would scroll the top row away.
    stream.feed(ansi.rstrip("\n").replace("\n", "\r\n"))
    render(name, screen, width, height)


def render(name, screen, width, height):
    rows = []
    for y in range(height):
        cells = []
        line = screen.buffer[y]
        x = 0
        while x < width:
            char = line[x]
            text = char.data
            wide = x + 1 < width and line[x + 1].data == ""
            fg = color(char.fg, FG, char.bold)
            bg = color(char.bg, BG)
            if char.reverse:
                fg, bg = bg, fg
            style = "color:#%s;background:#%s;width:%dpx;" % (fg, bg, CELL_W * (2 if wide else 1))
            if char.bold:
                style += "font-weight:bold;"
            if char.italics:
                style += "font-style:italic;"
            if char.underscore:
                style += "text-decoration:underline;"
            cells.append('<span style="%s">%s</span>' % (style, html.escape(text) if text.strip() else "&nbsp;"))
            x += 2 if wide else 1
        rows.append('<div class="row">%s</div>' % "".join(cells))
    page = """<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #%s; }
.row { height: %dpx; white-space: pre; display: flex; }
.row span { display: inline-block; height: %dpx; line-height: %dpx; overflow: hidden; text-align: center;
  font-family: 'DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono', 'Noto Color Emoji', monospace; font-size: 15px; }
</style>%s""" % (BG, CELL_H, CELL_H, CELL_H, "".join(rows))
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as handle:
        handle.write(page)
        source = handle.name
    target = os.path.join(OUT, name + ".png")
    browser = shutil.which("chromium") or shutil.which("chromium-headless-shell")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=%d,%d" % (width * CELL_W, height * CELL_H), "--screenshot=" + target,
                    "file://" + source], check=True, capture_output=True)
    os.unlink(source)
    print("screenshots/%s.png" % name)


def main():
    os.makedirs(OUT, exist_ok=True)
    posts = os.path.join(ROOT, "posts")
    unicode_blog = os.path.join(ROOT, "Tests", "BylineCoreTests", "Fixtures", "unicode-blog")
    shoot("three-panes", 120, 40, posts, ["wait:14 of 14 posts"])
    # The tag pane keeps its order while tags are toggled; `/` there finds a tag by name.
    shoot("tag-filter", 120, 40, posts, ["wait:14 of 14 posts", "t", "j", "Space", "wait:10 of 14", "/", "type:databases",
                                         "wait:tag: databases", "Enter", "x", "wait:NOT"])
    shoot("reader-code-and-table", 120, 40, posts, ["wait:14 of 14 posts", "j", "j", "Enter", "wait:% · line",
                                                     "/", "type:Picking", "Enter", "wait:/Picking"])
    shoot("help", 120, 40, posts, ["wait:14 of 14 posts", "?", "wait:Keys"])
    # A post's outline (`o`), and a link made current with Tab (its address on the status line).
    shoot("reader-outline", 120, 40, posts, ["wait:14 of 14 posts", "Enter", "wait:% · line", "o", "wait:Outline"])
    shoot("reader-link", 120, 40, posts, ["wait:14 of 14 posts", "Enter", "wait:% · line", "Tab", "wait:[1] "])
    shoot("layout-80x24", 80, 24, posts, ["wait:14 of 14 posts"])
    shoot("cjk-post", 120, 40, unicode_blog, ["wait:3 of 3 posts"])


if __name__ == "__main__":
    main()
