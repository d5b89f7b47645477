#!/usr/bin/env bash
# Some cases (check-*, rerun-unchanged, refuse-overwrite-edited-by-hand) need generated files in their input/.
# When a new output file is added, run this to give each such input the generated files it lacks, without
# touching the files that define the case (a stale or hand-edited convox.yml stays as it is). Then re-record
# with UPDATE_GOLDEN=1 and review.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
bin=$PWD/.build/debug/translate
for case in check-in-sync check-stale check-edited-by-hand check-not-generated rerun-unchanged \
    refuse-overwrite-edited-by-hand; do
    input=golden/$case/input
    [ -d "$input" ] || continue
    scratch=$(mktemp -d)
    cp -R "$input/." "$scratch/"
    (cd "$scratch" && "$bin" convert --force >/dev/null 2>&1) || true
    for file in $(cd "$scratch" && find . -type f | sed 's|^\./||'); do
        if [ ! -e "$input/$file" ]; then
            mkdir -p "$input/$(dirname "$file")"
            cp -p "$scratch/$file" "$input/$file"
            echo "added $input/$file"
        fi
    done
    rm -rf "$scratch"
done
