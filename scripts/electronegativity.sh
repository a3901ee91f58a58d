#!/usr/bin/env bash
# Electronegativity (Doyensec's checker for Electron misconfigurations and anti-patterns) over the code that runs in
# Electron: the main process, the preload and the renderer, scanned together so that its global checks (CSP,
# navigation limits, permission handler) see the whole app. It runs through npx at an exact version, outside the
# project's dependencies; scripts/npx-retry.sh retries the download (4 tries, growing pauses: the npm registry fails
# now and then), never the check itself.
# Every finding must be fixed or silenced in place with an `eng-disable CHECK_NAME` comment saying why
# (https://github.com/doyensec/electronegativity, README "eng-disable"). Prints every finding and a summary; exits 1
# if any finding is left, 2 if the tool could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

VERSION=1.10.3
PACKAGE="@doyensec/electronegativity@$VERSION"
ELECTRON=$(node -p "require('./package.json').devDependencies.electron")
PARTS=(main preload renderer)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app"
for part in "${PARTS[@]}"; do cp -R "src/$part" "$work/app/$part"; done

# -e: judge against the Electron the app ships rather than a version looked up online.
if ! bash scripts/npx-retry.sh "$PACKAGE" -i "$work/app" -r -e "$ELECTRON" -v false -o "$work/result.csv" \
  >"$work/run.log" 2>&1 || [ ! -f "$work/result.csv" ]; then
  echo "electronegativity: the check could not run:" >&2
  cat "$work/run.log" >&2
  exit 2
fi

# A header line, then one line per finding.
findings=$(($(wc -l <"$work/result.csv") - 1))
[ "$findings" -lt 0 ] && findings=0
echo "electronegativity $VERSION, Electron $ELECTRON, src/{$(
  IFS=,
  echo "${PARTS[*]}"
)}: $findings finding(s)"
if [ "$findings" -gt 0 ]; then
  tail -n +2 "$work/result.csv" | while IFS= read -r line; do echo "  $line"; done
  echo "electronegativity: $findings finding(s) left: fix each, or silence it in place with an eng-disable comment saying why" >&2
  exit 1
fi
echo "electronegativity: no findings"
