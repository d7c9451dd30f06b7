#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/targets/ into .build-fuzz/bin/ (see fuzz/README.md).
#
# A SwiftPM executable does not link with -sanitize=fuzzer here, so SwiftPM builds only the library
# targets, instrumented for libFuzzer (coverage) and AddressSanitizer, into .build-fuzz; then swiftc
# links each target's entry file with their objects and the toolchain's libFuzzer runtime.
# SWIFT_FLAGS comes from the Makefile (-Xcxx -DNDEBUG: toml++'s assertions off, as in every build).
set -euo pipefail

cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SWIFT_FLAGS=${SWIFT_FLAGS:--Xcxx -DNDEBUG}
scratch=.build-fuzz
# Coverage for libFuzzer and AddressSanitizer in every Swift, C and C++ object of the libraries.
instrument=(-Xswiftc -sanitize=fuzzer,address
            -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address)

started=$SECONDS
# BylineTerminal (for KeyDecoder) and BylineMarkdown between them need every library the targets use.
for target in BylineTerminal BylineMarkdown; do
  # shellcheck disable=SC2086 # SWIFT_FLAGS is a list of flags
  "$SWIFT" build $SWIFT_FLAGS --scratch-path "$scratch" -c release --target "$target" "${instrument[@]}"
done

built=$scratch/x86_64-unknown-linux-gnu/release
[[ -d $built ]] || built=$(cd "$scratch" && cd "$(readlink release)" && pwd)
checkouts=$scratch/checkouts
objects=()
# A Swift module's objects are the ones its output-file map names: the build folder keeps the objects
# of sources since deleted, which would be linked too (a removed file's symbols then go missing).
swift_objects() {
  python3 -c 'import json, sys
entries = json.load(open(sys.argv[1])).items()
print("\n".join(sorted(e["object"] for source, e in entries if source and "object" in e)))' "$built/$1.build/output-file-map.json"
}
for module in BylineCore BylineYAMLEvents BylineMarkdown BylineTerminal Yams TOMLKit; do
  while IFS= read -r object; do objects+=("$object"); done < <(swift_objects "$module")
done
# The C and C++ targets are the dependencies' own, whose sources do not change under us.
for module in CYaml CTOML; do
  while IFS= read -r object; do objects+=("$object"); done < <(find "$built/$module.build" -name '*.o' | sort)
done
# What an importer of the modules needs to find their C modules (as SwiftPM passes them).
imports=(-I "$built/Modules"
         -Xcc "-fmodule-map-file=$built/CTOML.build/module.modulemap" -Xcc -I -Xcc "$checkouts/TOMLKit/Sources/CTOML/include"
         -Xcc "-fmodule-map-file=$checkouts/Yams/Sources/CYaml/include/module.modulemap" -Xcc -I -Xcc "$checkouts/Yams/Sources/CYaml/include"
         -Xcc -fmodule-map-file=Sources/CCmarkGFM/module.modulemap
         -Xcc -fmodule-map-file=Sources/CNcursesw/module.modulemap
         -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap)
# libxml2's headers are under their own folder, which its pkg-config names (as the target's pkgConfig does).
for flag in $(pkg-config --cflags-only-I libxml-2.0); do imports+=(-Xcc "$flag"); done

# The modules' declarations are `package` (byline has no public API): the entry files are compiled as
# part of the same package, under the name SwiftPM gave it (the root folder's name, so read, not fixed).
package_name=$(python3 -c 'import re, sys
names = [re.search(r"\"-package-name\",\"([^\"]+)\"", line) for line in open(sys.argv[1]) if "\"-module-name\",\"BylineCore\"" in line]
print(next(n.group(1) for n in names if n))' "$scratch/release.yaml")

mkdir -p "$scratch/bin"
# Entry files by absolute path: the keys target finds posts/ from its #filePath.
for entry in fuzz/targets/*Fuzz.swift; do
  name=$(basename "$entry" Fuzz.swift | tr '[:upper:]' '[:lower:]')
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld -module-name "$(basename "$entry" .swift)" -package-name "$package_name" \
    "${imports[@]}" "$PWD/$entry" "$PWD"/fuzz/targets/Support/*.swift "${objects[@]}" -lstdc++ -o "$scratch/bin/$name"
  echo "fuzz/build.sh: built $scratch/bin/$name"
done
echo "fuzz/build.sh: done in $((SECONDS - started)) s"
