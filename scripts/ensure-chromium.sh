#!/usr/bin/env bash
# Runs before `npm test`: the playground e2e test drives Debian's chromium (browser downloads are
# blocked here), so a fresh machine gets it from apt when we may install packages.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing Debian's chromium for the playground e2e test (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "pretest: the playground e2e test needs /usr/bin/chromium; install Debian's 'chromium' package" >&2
exit 1
