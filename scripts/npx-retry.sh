#!/usr/bin/env bash
# npx-retry.sh PACKAGE@VERSION [ARGS...]: runs a tool that npx downloads (electron-builder, electronegativity),
# retrying the download when the registry fails (scripts/lib/retry.sh). The package is fetched first with
# `npm exec --yes -- true`-style warm-up so that only the download is retried, never the tool's own run.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib/retry.sh
source "$here/lib/retry.sh"
[ $# -ge 1 ] || { echo "usage: npx-retry.sh PACKAGE@VERSION [ARGS...]" >&2; exit 2; }
package=$1
shift
retry "npx download of $package" npm exec --yes --package="$package" -- node -e 0 || exit 1
exec npx --yes "$package" "$@"
