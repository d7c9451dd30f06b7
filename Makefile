# byline: `make run` opens the reader on the shipped blog; `make test` runs every test.
# Both install the missing Debian packages first (as root, or through sudo).

SWIFT ?= swift
BYLINE := .build/debug/byline
# toml++ (inside TOMLKit) asserts on malformed TOML unless NDEBUG is defined: one 9-byte post then
# aborts byline. Its documented switch is NDEBUG, and a dependency's defines cannot be set from our
# manifest, so every build here passes it to the C++ compiler (debug, release, tests, bench, fuzz).
# A plain `swift build` without it still builds, but HostileTOMLTests then fail by aborting.
SWIFT_FLAGS := -Xcxx -DNDEBUG

.PHONY: run test build release deps bench screenshots display-widths clean

run: build
	$(BYLINE) posts

test: deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	$(SWIFT) test $(SWIFT_FLAGS) --disable-swift-testing
	$(MAKE) fuzz-smoke

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

# A self-contained binary (the Swift runtime linked in): starts in half the time, and is what to copy
# to a server (docs/ssh.md). Written to .build/release/byline. With no Swift library to find beside
# it, it has no $ORIGIN run path: the loader no longer tries 8 folders there for each C library first.
RELEASE := build $(SWIFT_FLAGS) -c release --static-swift-stdlib --disable-local-rpath --product byline
release: deps
	$(SWIFT) $(RELEASE)

deps:
	@scripts/install-deps.sh

# Benchmarks against the peers, written to BENCHMARKS.md. Timings are never asserted in `make test`.
# `make bench BENCH_BEFORE=<git ref>` also builds that ref's release binary (bench/build_before.sh, into
# .build/bench/before/) and measures it beside this tree's, run for run, with a before column and ratio.
BENCH_BEFORE ?=
BENCH_ENV := $(if $(BENCH_BEFORE),BYLINE_BEFORE=$(CURDIR)/.build/bench/before/byline)
bench:
	@scripts/install-deps.sh --bench
	$(SWIFT) $(RELEASE)
	$(if $(BENCH_BEFORE),SWIFT="$(SWIFT)" bench/build_before.sh "$(BENCH_BEFORE)" $(RELEASE))
	$(BENCH_ENV) python3 bench/render_bench.py
	$(BENCH_ENV) python3 bench/wire_bench.py
	$(BENCH_ENV) python3 bench/scale_bench.py
	$(BENCH_ENV) python3 bench/reload_bench.py
	$(BENCH_ENV) python3 bench/visitors_bench.py

# screenshots/*.png from the real program in tmux (pyte + headless Chromium).
screenshots: build
	@scripts/install-deps.sh --screenshots
	/usr/bin/python3 scripts/screenshots.py

# Regenerates the display-width tables from this machine's glibc (what ncurses draws with).
display-widths:
	cc -O2 -o .build/gen-display-widths scripts/gen-display-widths.c
	.build/gen-display-widths > Sources/BylineCore/Text/DisplayWidthTables.swift

clean:
	rm -rf .build

# libFuzzer targets (fuzz/README.md): front matter, markdown at random widths, the reader's keys.
# `make fuzz` runs each for FUZZ_SECONDS; findings are written to .build-fuzz/findings/TARGET/.
# `make fuzz-smoke` (part of `make test`) replays every seed and recorded crash, then fuzzes each
# target for a fixed number of inputs from a fixed seed.
# Its build lives in .build-fuzz (instrumented objects; about 4 minutes from clean on 2 cores).
.PHONY: fuzz fuzz-build fuzz-smoke
FUZZ_SECONDS ?= 60
fuzz-build: deps
	SWIFT="$(SWIFT)" SWIFT_FLAGS="$(SWIFT_FLAGS)" fuzz/build.sh

fuzz: fuzz-build
	fuzz/run.sh fuzz $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	fuzz/run.sh smoke
