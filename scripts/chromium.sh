#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own here). Installs it
# from Debian's packages when it is missing and we are root, as services.sh does for PostgreSQL.
set -euo pipefail
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
say() { printf '[chromium] %s\n' "$*" >&2; }
if [[ ! -x "$CHROMIUM_PATH" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium from Debian packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    say "no Chromium at $CHROMIUM_PATH: install it (apt-get install chromium) or set CHROMIUM_PATH"
    exit 1
  fi
fi
# Latin text needs one font on the machine; every other script comes from the app's web fonts.
if command -v fc-list >/dev/null 2>&1 && [[ -z "$(fc-list 2>/dev/null | head -1)" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    say "installing fonts-noto-core (the machine has no fonts)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-core >/dev/null
  fi
fi
