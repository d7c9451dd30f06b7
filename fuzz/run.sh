#!/usr/bin/env bash
# Runs the fuzz targets built by fuzz/build.sh (see fuzz/README.md).
#
#   fuzz/run.sh replay [TARGET...]        every seed in fuzz/corpus/TARGET and every reproducer in
#                                         fuzz/crashes-found/TARGET, once each (leaks checked at the end)
#   fuzz/run.sh fuzz SECONDS [TARGET...]  fresh fuzzing for SECONDS per target, from the seeds; new
#                                         inputs go to .build-fuzz/work/TARGET, findings to
#                                         .build-fuzz/findings/TARGET (crash-*, timeout-*, oom-*, leak-*)
#   fuzz/run.sh smoke [TARGET...]         replay, then SMOKE_RUNS inputs of fresh fuzzing per target from
#                                         a fixed -seed (the same inputs every time): what `make test` runs
#
# A finding is a crash or trap, an input running past TIMEOUT seconds, memory past RSS_LIMIT_MB, or a
# leak: the run stops and exits non-zero, naming the file. fuzz/pending/ is never run here (open bugs).
set -euo pipefail

cd "$(dirname "$0")/.."
bin=.build-fuzz/bin
all_targets=(frontmatter markdown keys)
# An input taking longer than this is a hang; one holding more than this is a memory bomb.
TIMEOUT=${TIMEOUT:-10}
RSS_LIMIT_MB=${RSS_LIMIT_MB:-2048}
# Fresh inputs tried per target by `smoke` (about 10 to 20 s each on this kind of machine).
SMOKE_RUNS=${SMOKE_RUNS:-}
# Mutated inputs are kept this short, so that a run tries many (the seeds themselves run whole).
MAX_LEN=${MAX_LEN:-8192}

# The Swift runtime's own crash backtracer stays off: it reads the stack in ways AddressSanitizer
# reports as errors of their own, hiding the crash libFuzzer would name.
export SWIFT_BACKTRACE=enable=no
export BYLINE_FUZZ_POSTS=$PWD/posts
# The targets' scratch blogs: a crashed input never removes its own, so each run starts this afresh.
export TMPDIR=$PWD/.build-fuzz/tmp
rm -rf "$TMPDIR"
mkdir -p "$TMPDIR"
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
limits=(-timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" -malloc_limit_mb="$RSS_LIMIT_MB")

mode=${1:-}
shift || true
seconds=
if [[ $mode == fuzz ]]; then
  seconds=${1:?fuzz/run.sh fuzz SECONDS [TARGET...]}
  shift
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

for target in "${targets[@]}"; do
  [[ -x $bin/$target ]] || { echo "fuzz/run.sh: $bin/$target is not built (fuzz/build.sh)" >&2; exit 2; }
done

# Per target: inputs a fresh run tries in `smoke`, and whether fresh fuzzing checks every input for
# leaks. The front matter target's inputs go through TOMLKit, which leaks on every TOML value (see
# fuzz/lsan.supp): a leak check per input then costs 10x the run; `replay` still checks at the end.
smoke_runs() { case $1 in frontmatter) echo 3000 ;; markdown) echo 1500 ;; keys) echo 200 ;; esac; }
leaks_per_input() { case $1 in frontmatter) echo 0 ;; *) echo 1 ;; esac; }
# The fixed seed of each target's smoke run.
smoke_seed() { echo 1; }

replay() {
  local target=$1 files=()
  for folder in fuzz/corpus/$target fuzz/crashes-found/$target; do
    [[ -d $folder ]] || continue
    while IFS= read -r file; do files+=("$file"); done < <(find "$folder" -type f ! -name '*.md' | sort)
  done
  echo "fuzz/run.sh: $target: replaying ${#files[@]} inputs"
  local log=.build-fuzz/logs/$target-replay.log
  if ! "$bin/$target" "${limits[@]}" "${files[@]}" > "$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz/run.sh: $target: a replayed input failed (whole log: $log)" >&2
    return 1
  fi
}

fresh() {
  local target=$1 extra=("${@:2}")
  local work=.build-fuzz/work/$target findings=.build-fuzz/findings/$target
  mkdir -p "$work" "$findings"
  local seeds=(fuzz/corpus/"$target")
  [[ -d fuzz/crashes-found/$target ]] && seeds+=(fuzz/crashes-found/"$target")
  local log=.build-fuzz/logs/$target-fuzz.log
  echo "fuzz/run.sh: $target: fuzzing (${extra[*]})"
  if ! "$bin/$target" "${limits[@]}" -max_len="$MAX_LEN" -detect_leaks="$(leaks_per_input "$target")" \
       -artifact_prefix="$findings/" -print_final_stats=1 "${extra[@]}" "$work" "${seeds[@]}" > "$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz/run.sh: $target: a finding (input in $findings/, whole log: $log)" >&2
    return 1
  fi
  grep -E '^#[0-9]+.*DONE|stat::number_of_executed_units' "$log" | tail -n 2 | sed "s|^|fuzz/run.sh: $target: |"
}

mkdir -p .build-fuzz/logs
status=0
for target in "${targets[@]}"; do
  case $mode in
    replay) replay "$target" || status=1 ;;
    fuzz) fresh "$target" -max_total_time="$seconds" || status=1 ;;
    smoke)
      replay "$target" || { status=1; continue; }
      # A fresh working corpus each time, so that the same seed tries the same inputs.
      rm -rf ".build-fuzz/work/$target"
      fresh "$target" -seed="$(smoke_seed "$target")" -runs="${SMOKE_RUNS:-$(smoke_runs "$target")}" -max_total_time=120 || status=1
      ;;
    *) sed -n '2,13p' "$0" >&2; exit 2 ;;
  esac
done
exit $status
