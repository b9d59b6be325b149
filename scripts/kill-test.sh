#!/bin/sh
# Issue #31, item 6: a build killed at any moment, or two builds into one output at once, leave the old site or the
# new one, never a mix. Part of `make test`.
#
#   sh scripts/kill-test.sh            (KILL_TEST_PAGES=400 pages, KILL_TEST_ROUNDS=30 kills, 10 concurrent pairs)
#
# Two versions of a generated site (Benchmarks/gen_corpus.py): the new one changes every topic and drops a report. The
# output holds the old site; the new build is started and killed with SIGKILL after a random delay between 0 and
# 1.1 times a whole build's time (half the rounds in its last third, where the swap is). After each kill the output
# must equal the old site or the new one, file for file, byte for byte (diff -r, links not followed). Then pairs of
# builds, old and new, are started together into one output: each must succeed or say that another build is
# running, and the output must be one of the two sites. The last line is `N passed, M failed`.
set -eu
cd "$(dirname "$0")/.."
PAGES="${KILL_TEST_PAGES:-400}"
ROUNDS="${KILL_TEST_ROUNDS:-30}"
PAIRS="${KILL_TEST_PAIRS:-10}"
# GONGKAI_BIN: another binary to test (an older one, to see the failure this guards against).
if [ -n "${GONGKAI_BIN:-}" ]; then BIN="$GONGKAI_BIN"; else
  swift build --product gongkai >/dev/null
  BIN="$(swift build --show-bin-path)/gongkai"
fi
W="$(mktemp -d /tmp/gongkai-kill-test.XXXXXX)"
trap 'rm -rf "$W"' EXIT

python3 Benchmarks/gen_corpus.py "$PAGES" "$W/gen" >/dev/null
mkdir -p "$W/old" "$W/new"
cp -r "$W/gen/gongkai/content" "$W/old/content"
cp -r theme "$W/old/theme"
cp -r "$W/old/." "$W/new/"
# The new site: every topic says something more, and the last report is gone.
for f in $(find "$W/new/content" -name '*.md' ! -name '_index.md'); do printf '\n新版本的段落。\n' >> "$f"; done
rm -rf "$(find "$W/new/content" -mindepth 1 -maxdepth 1 -type d | sort | tail -1)"

"$BIN" build --root "$W/old" --output "$W/site-old" >/dev/null
"$BIN" build --root "$W/new" --output "$W/site-new" >/dev/null
if diff -rq "$W/site-old" "$W/site-new" >/dev/null; then echo "the two sites are the same: no test"; exit 1; fi

restore_old() {
  rm -rf "$W/out"
  cp -a "$W/site-old" "$W/out"
}

# Which site the output is: old, new, or mixed.
which_site() {
  if diff -r --no-dereference "$W/out" "$W/site-old" >/dev/null 2>&1; then echo old
  elif diff -r --no-dereference "$W/out" "$W/site-new" >/dev/null 2>&1; then echo new
  else echo mixed; fi
}

now_ms() { date +%s%3N; }

restore_old
start=$(now_ms)
"$BIN" build --root "$W/new" --output "$W/out" >/dev/null
T=$(( $(now_ms) - start ))
[ "$(which_site)" = new ] || { echo "an uninterrupted build did not give the new site"; exit 1; }
echo "a later build of $PAGES pages takes $T ms; killing $ROUNDS builds"

passed=0 failed=0 olds=0 news=0
r=0
while [ "$r" -lt "$ROUNDS" ]; do
  r=$((r + 1))
  restore_old
  if [ $((r % 2)) -eq 0 ]; then
    delay=$(awk -v s="$r" -v t="$T" 'BEGIN { srand(s); printf "%d", t * (0.67 + 0.43 * rand()) }')
  else
    delay=$(awk -v s="$r" -v t="$T" 'BEGIN { srand(s); printf "%d", t * 1.1 * rand() }')
  fi
  "$BIN" build --root "$W/new" --output "$W/out" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  got=$(which_site)
  case "$got" in
    old) olds=$((olds + 1)); passed=$((passed + 1)) ;;
    new) news=$((news + 1)); passed=$((passed + 1)) ;;
    *) failed=$((failed + 1)); echo "FAIL: kill after $delay ms left a mix of the old and the new site" ;;
  esac
  # The next build after a kill completes the new site (and clears what the killed one left beside it).
  if [ $((r % 5)) -eq 0 ]; then
    if "$BIN" build --root "$W/new" --output "$W/out" >/dev/null 2>&1 && [ "$(which_site)" = new ]; then passed=$((passed + 1))
    else failed=$((failed + 1)); echo "FAIL: the build after a kill did not give the new site"; fi
  fi
done
echo "kills: $olds left the old site, $news the new one"

p=0
while [ "$p" -lt "$PAIRS" ]; do
  p=$((p + 1))
  restore_old
  "$BIN" build --root "$W/new" --output "$W/out" >"$W/a.out" 2>"$W/a.err" & a=$!
  "$BIN" build --root "$W/old" --output "$W/out" >"$W/b.out" 2>"$W/b.err" & b=$!
  sa=0; sb=0
  wait "$a" || sa=$?
  wait "$b" || sb=$?
  ok=1
  for s in "$sa:a" "$sb:b"; do
    status=${s%%:*}; name=${s##*:}
    if [ "$status" -ne 0 ] && ! grep -q "another gongkai build is writing out/ now" "$W/$name.err"; then
      ok=0; echo "FAIL: a concurrent build failed otherwise: $(cat "$W/$name.err")"
    fi
  done
  got=$(which_site)
  if [ "$got" = mixed ]; then ok=0; echo "FAIL: two concurrent builds (exit $sa and $sb) left a mix"; fi
  if [ "$ok" -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
