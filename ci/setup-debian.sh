#!/usr/bin/env bash
# Installs what the test suite needs on Debian 12: a JDK 17, Maven, Debian's postfix package, whose tools
# (postconf, postfix check, postalias, postmap) judge the generated files and whose private instances the tests run,
# the Cyrus SASL modules its smtp client logs in to a relay with, and the tools README.md's quick start names. The host's own Postfix is installed but never
# started: a policy-rc.d that exits 101 tells the package scripts not to start services.
set -euo pipefail
need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v postconf >/dev/null || need+=(postfix)
dpkg -s libsasl2-modules >/dev/null 2>&1 || need+=(libsasl2-modules)
command -v script >/dev/null || need+=(bsdutils)
command -v pre-commit >/dev/null || need+=(pre-commit)   # the test of .pre-commit-hooks.yaml
[ -x /usr/bin/time ] || need+=(time)   # ci/benchmark: peak memory of whole processes
command -v stress-ng >/dev/null || need+=(stress-ng)   # ci/stability: the load tests beside a busy CPU
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root to install: ${need[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${need[*]}" >&2
policy=/usr/sbin/policy-rc.d
created_policy=no
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 755 "$policy"
  created_policy=yes
fi
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
if [ "$created_policy" = yes ]; then
  "${sudo[@]}" rm -f "$policy"
fi
