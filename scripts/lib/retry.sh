#!/usr/bin/env bash
# retry NAME COMMAND [ARGS...]: runs a network step (apt-get, npm ci, npx) until it succeeds, pausing longer after
# each failure, because the package mirrors' name lookups fail now and then on the build machines and one such
# failure used to fail the whole CI run. Prints every failure; after the last try it names the step and returns
# the command's exit code.
#   UNMASK_RETRY_TRIES   how many tries (default 4)
#   UNMASK_RETRY_PAUSES  seconds to wait after failure 1, 2, 3… (default "10 30 60": about two minutes in all);
#                        the last value repeats when there are more tries than pauses
retry() {
  local name=$1
  shift
  local tries=${UNMASK_RETRY_TRIES:-4}
  local -a pauses
  read -r -a pauses <<<"${UNMASK_RETRY_PAUSES:-10 30 60}"
  local try=1 code=0 pause
  while :; do
    "$@"
    code=$?
    [ "$code" -eq 0 ] && return 0
    if [ "$try" -ge "$tries" ]; then
      echo "retry: '$name' failed after $tries tries (last exit code $code); giving up" >&2
      return "$code"
    fi
    pause=${pauses[$((try - 1))]:-${pauses[${#pauses[@]} - 1]:-0}}
    echo "retry: '$name' failed (try $try of $tries, exit code $code); trying again in ${pause}s" >&2
    sleep "$pause"
    try=$((try + 1))
  done
}
