#!/usr/bin/env bash
# Installs the Debian packages the tests talk to (Chromium for e2e and PDFs, poppler for PDF checks,
# socat for serial pty pairs, Postfix and OpenSSH as real servers, Netmiko and telnet as third-party clients,
# tcpdump for real pcap captures of the lab path).
# Idempotent: installs only what is missing. Services are never started system-wide: tests run their own.
#
# The mirror is flaky (name lookups fail now and then), so apt-get runs under retry (scripts/lib/retry.sh).
# When the packages still cannot be installed:
#   - with UNMASK_REQUIRE_TEST_DEPS=1 (set by .ci/run) it fails loudly: CI must not turn those tests into skips;
#   - otherwise (a developer's machine) it says which tests will be skipped and exits 0.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib/retry.sh
source "$here/lib/retry.sh"

PACKAGES=(chromium poppler-utils socat fonts-noto-cjk postfix openssh-server python3-netmiko telnet tcpdump)
POLICY_RC_D=${UNMASK_POLICY_RC_D:-/usr/sbin/policy-rc.d}
required=${UNMASK_REQUIRE_TEST_DEPS:-0}

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

give_up() {
  if [ "$required" = "1" ]; then
    echo "ERROR: test dependencies could not be installed: $*" >&2
    echo "ERROR: the tests that need Postfix, OpenSSH, Chromium, socat, poppler or Netmiko would be skipped; failing instead." >&2
    exit 1
  fi
  echo "test dependencies missing ($*): tests that need them will be skipped" >&2
  exit 0
}

mapfile -t missing < <(missing_packages)
if [ ${#missing[@]} -eq 0 ]; then
  echo "test dependencies: all present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else give_up "${missing[*]}; no root and no sudo"; fi
fi

echo "installing: ${missing[*]}"
# Keep package scripts from starting system services (Postfix, sshd) while installing.
created_policy=0
if [ ! -e "$POLICY_RC_D" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY_RC_D" >/dev/null
  $SUDO chmod +x "$POLICY_RC_D"
  created_policy=1
fi
trap '[ $created_policy -eq 1 ] && $SUDO rm -f "$POLICY_RC_D"' EXIT
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections

retry "apt-get update" $SUDO apt-get update -qq || give_up "${missing[*]}; 'apt-get update' kept failing"
retry "apt-get install ${missing[*]}" \
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || give_up "${missing[*]}; 'apt-get install' kept failing"

mapfile -t still < <(missing_packages)
[ ${#still[@]} -eq 0 ] || give_up "${still[*]}; still not installed after apt-get"
echo "test dependencies installed"
