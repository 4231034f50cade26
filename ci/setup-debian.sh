#!/usr/bin/env bash
# Installs what the test suite needs on Debian 12: a JDK 17, Maven, Debian's postfix package, whose tools
# (postconf, postfix check, postalias, postmap) judge the generated files and whose private instances the tests run,
# the Cyrus SASL modules its smtp client logs in to a relay with, and the tools README.md's quick start names. The host's own Postfix is installed but never
# started: a policy-rc.d that exits 101 tells the package scripts not to start services.
set -euo pipefail
need=()
# Debian's JDK 17 itself, whatever `java` is: the build needs javac, and the distribution's tests run its java.
dpkg -s openjdk-17-jdk-headless >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v postconf >/dev/null || need+=(postfix)
dpkg -s libsasl2-modules >/dev/null 2>&1 || need+=(libsasl2-modules)
command -v script >/dev/null || need+=(bsdutils)
command -v pre-commit >/dev/null || need+=(pre-commit)   # the test of .pre-commit-hooks.yaml
[ -x /usr/bin/time ] || need+=(time)   # ci/benchmark: peak memory of whole processes
command -v stress-ng >/dev/null || need+=(stress-ng)   # ci/stability: the load tests beside a busy CPU
# The launcher's tests on JDK 25 (FirstRunIT) need one under /usr/lib/jvm, which Debian 12 does not package.
jdk25=no
for release in /usr/lib/jvm/*/release; do
  if grep -qE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$release" 2>/dev/null; then jdk25=yes; fi
done
if [ "$jdk25" = no ]; then
  echo "setup: no JDK 25 or later under /usr/lib/jvm, which the launcher's tests need (Debian 12 has none: install one, e.g. Temurin 25)" >&2
fi
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
