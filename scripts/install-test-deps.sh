#!/usr/bin/env bash
# Installs the Debian packages the tests talk to (Chromium for e2e and PDFs, poppler for PDF checks,
# socat for serial pty pairs, Postfix and OpenSSH as real servers, Netmiko as a third-party client).
# Idempotent: installs only what is missing. Services are never started system-wide: tests run their own.
set -euo pipefail

PACKAGES=(chromium poppler-utils socat fonts-noto-cjk postfix openssh-server python3-netmiko)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test dependencies: all present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "test dependencies missing (${missing[*]}) and no root: tests that need them will be skipped" >&2
    exit 0
  fi
fi

echo "installing: ${missing[*]}"
# Keep package scripts from starting system services (Postfix, sshd) while installing.
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi
trap '[ $created_policy -eq 1 ] && $SUDO rm -f /usr/sbin/policy-rc.d' EXIT
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "test dependencies installed"
