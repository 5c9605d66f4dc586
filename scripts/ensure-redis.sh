#!/usr/bin/env bash
# Runs before `npm test`: the fair-use test starts its own Debian redis-server on a free loopback
# port, so a fresh machine gets it from apt when we may install packages.
set -u
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing Debian's redis-server for the fair-use test (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq redis-server >/dev/null && exit 0
fi
echo "pretest: the fair-use test needs redis-server; install Debian's 'redis-server' package" >&2
exit 1
