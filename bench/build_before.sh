#!/bin/sh
# Builds the release binary of a git ref into .build/bench/before/byline, for `make bench
# BENCH_BEFORE=<ref>`: the benchmarks then measure it and this tree's binary side by side.
#
# The ref is checked out in a worktree of its own (.build/bench/before-src, kept between runs so that
# a second build is incremental) and built with the same flags as `make release` (passed in as the
# arguments after the ref), so that the two binaries differ only in their code. A binary already built
# from the same commit is reused.
set -eu
ref=$1
shift
root=$(git rev-parse --show-toplevel)
commit=$(git -C "$root" rev-parse --verify "$ref^{commit}")
out=$root/.build/bench/before
src=$root/.build/bench/before-src
if [ -x "$out/byline" ] && [ "$(cat "$out/commit" 2>/dev/null)" = "$commit" ]; then
    echo "before: $ref ($commit) already built in $out"
    exit 0
fi
mkdir -p "$out"
if [ -e "$src/.git" ]; then
    git -C "$src" checkout --quiet --detach "$commit"
else
    rm -rf "$src"
    git -C "$root" worktree add --detach "$src" "$commit"
fi
# The same dependency versions as this tree, without resolving them again from the network.
if [ -f "$root/Package.resolved" ]; then cp "$root/Package.resolved" "$src/Package.resolved"; fi
echo "before: building $ref ($commit) in $src"
(cd "$src" && ${SWIFT:-swift} "$@")
cp "$src/.build/release/byline" "$out/byline"
echo "$commit" > "$out/commit"
