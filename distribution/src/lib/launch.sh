# The part of mailform's launchers that is the same in a checkout (ci/mailform) and in the distribution
# (bin/mailform): which JVM runs mailform, and the archives of classes that make it start faster. Sourced, never run;
# it defines functions only. Each launcher says where its jars are and where the archives may be written.

# The JVM, for the compiler and the runtime alike: a JDK 25 or later under /usr/lib/jvm when there is one, for its
# ahead-of-time cache (below), else `java`; MAILFORM_JAVA names another. Every JVM gives the same output byte for byte.
# pick_java sets java_cmd to the JVM's path, and aot=1 when that JVM is release 25 or later.
java_major() {   # sets major to the release a JDK's release file names, or 0; no subshell, this runs every start
  local name value version=""
  major=0
  [ -r "$1" ] || return 0
  while IFS='=' read -r name value; do
    if [ "$name" = JAVA_VERSION ]; then version="${value//\"/}"; fi
  done <"$1"
  version="${version%%.*}"
  if [[ "$version" =~ ^[0-9]+$ ]]; then major="$version"; fi
}
pick_java() {
  aot=0
  if [ -n "${MAILFORM_JAVA:-}" ]; then
    java_cmd="$(command -v "$MAILFORM_JAVA")" \
      || { echo "mailform: MAILFORM_JAVA=$MAILFORM_JAVA is no java command" >&2; exit 2; }
    local binary
    binary="$(readlink -f "$java_cmd")"
    java_major "${binary%/bin/java}/release"
    if [ "$major" -ge 25 ]; then aot=1; fi
    return 0
  fi
  local release
  for release in /usr/lib/jvm/*/release; do
    java_major "$release"
    if [ "$major" -ge 25 ] && [ -x "${release%/release}/bin/java" ]; then
      java_cmd="${release%/release}/bin/java"
      aot=1
      return 0
    fi
  done
  java_cmd="$(command -v java)" \
    || { echo "mailform: java is missing; install a Java runtime 17 or later (apt-get install openjdk-17-jre-headless)" >&2; exit 2; }
}

# run_with_class_cache CACHE-DIR CLASSPATH JAVA-ARGUMENTS...: runs the runtime with a cache of the classes it loads,
# which halves its start (James loads about 8,000 classes). On JDK 25 or later it is an AOT cache (-XX:AOTCache), else
# a class-data sharing archive (-XX:SharedArchiveFile). The cache belongs to one JVM and one class path: its name is a
# hash of both, with the size and time of every file on the class path. The first run without one records it at exit
# under a temporary name, renamed into place only when the run ended normally, so a cache is whole or absent; where
# it cannot be written (a read-only directory, MAILFORM_CLASS_CACHE=off) the run goes on without it.
run_with_class_cache() {
  local cache_dir="$1" run_classpath="$2"
  shift 2
  local jvm="$java_cmd"
  if [ "$aot" -eq 1 ]; then
    # Guava and Netty use sun.misc.Unsafe, which JDK 25 warns about at every start.
    set -- --sun-misc-unsafe-memory-access=allow "$@"
  fi
  if [ "${MAILFORM_CLASS_CACHE:-on}" = off ] || [ -z "$cache_dir" ] || ! mkdir -p "$cache_dir" 2>/dev/null \
       || [ ! -w "$cache_dir" ]; then
    exec "$jvm" "$@"
  fi
  local key cache
  key="$( { readlink -f "$jvm"; stat -L -c '%s %Y' "$jvm"; tr ':' '\n' <<<"$run_classpath" | xargs -r stat -L -c '%n %s %Y' 2>/dev/null; } \
    | sha256sum | cut -c1-20)"
  if [ "$aot" -eq 1 ]; then cache="$cache_dir/$key.aot"; else cache="$cache_dir/$key.jsa"; fi
  if [ -f "$cache" ]; then
    if [ "$aot" -eq 1 ]; then
      exec "$jvm" -XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off "$@"
    fi
    exec "$jvm" -XX:SharedArchiveFile="$cache" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
  fi
  # No cache yet: this run records one. The JVM runs as a child, so that the cache is renamed into place after it.
  local partial="$cache.$$.partial" status=0 pid
  if [ "$aot" -eq 1 ]; then
    "$jvm" -XX:AOTCacheOutput="$partial" -Xlog:aot=off -Xlog:cds=off "$@" <&0 &
  else
    "$jvm" -XX:ArchiveClassesAtExit="$partial" -Xlog:cds=off -Xlog:cds+dynamic=off "$@" <&0 &
  fi
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null' TERM
  trap 'kill -INT "$pid" 2>/dev/null' INT
  while :; do
    wait "$pid" && status=0 || status=$?
    kill -0 "$pid" 2>/dev/null || break   # wait returns early when a trapped signal arrives
  done
  trap - TERM INT
  # 0: a finished test or command, or run stopped by SIGTERM or SIGINT; 130 and 143: a run stopped by the signal
  # before it was ready, whose classes are as good a cache.
  if { [ "$status" -eq 0 ] || [ "$status" -eq 130 ] || [ "$status" -eq 143 ]; } && [ -s "$partial" ]; then
    # The caches of earlier builds of the class path are dead weight (70 MB each): only the new one stays.
    mv -f "$partial" "$cache" 2>/dev/null \
      && find "$cache_dir" -maxdepth 1 -type f -name "*.${cache##*.}" ! -name "${cache##*/}" ! -name '*.partial*' -delete \
      || rm -f "$partial"
  else
    rm -f "$partial"
  fi
  rm -f "$partial".*  # what the JVM may leave beside it (AOT configuration)
  exit "$status"
}

# run_compiler JAR ARCHIVE-DIR EXAMPLES-DIR ARGUMENTS...: runs the command line of JAR with an archive of the classes
# a validation loads, so that the JVM maps them instead of reading, verifying and linking them from the jar on every
# start: JDK 25's ahead-of-time cache (classes loaded and linked), else a class-data sharing archive. An archive holds
# only for the jar and the JVM it was made with, so its name carries both (and the JVM checks the jar again when it
# maps the archive, and ignores, silently here, one that does not match). It is made once, in ARCHIVE-DIR, at the
# first run after a build, by a training run over the descriptions of EXAMPLES-DIR, into a temporary file renamed into
# place; when it cannot be made (read-only directory, full disk) mailform runs without it, and does not try again.
run_compiler() {
  local jar="$1" archive_dir="$2" examples="$3"
  shift 3
  local key archive make_option use_option
  key="$(stat -Lc '%i.%s.%Y' "$jar" "$java_cmd")"   # inode, size and time of both
  # C1 alone, on one thread: a run lasts a fraction of a second, too short for C2's optimisations to pay. The serial
  # collector grows the heap only as far as the data needs: with the default G1 on a machine with much memory, a
  # description of 200,000 aliases took 2.1 GB of resident memory for about 0.4 GB of live data (0.55 GB with this
  # flag); for a batch run of a few seconds it is also no slower, and validating an example takes as long with it.
  local flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -XX:+UseSerialGC)
  if [ "$aot" -eq 1 ]; then
    archive="$archive_dir/mailform-${key//$'\n'/-}.aot"
    flags+=(-Xlog:aot*=off -Xlog:cds*=off)
    make_option=-XX:AOTCacheOutput
    use_option=-XX:AOTCache
  else
    archive="$archive_dir/mailform-${key//$'\n'/-}.jsa"
    flags+=(-Xlog:cds*=off)
    make_option=-XX:ArchiveClassesAtExit
    use_option=-XX:SharedArchiveFile
  fi
  if [ -n "$archive_dir" ] && [ ! -f "$archive" ] && [ ! -f "$archive.failed" ] \
       && { [ -d "$archive_dir" ] || mkdir -p "$archive_dir" 2>/dev/null; } && [ -w "$archive_dir" ]; then
    echo "mailform: preparing a start-up archive for this jar and JVM (once)..." >&2
    local old
    for old in "$archive_dir"/mailform-*.{jsa,aot,failed}; do   # those of earlier jars
      [[ "$old" == "$archive_dir/mailform-${key%%$'\n'*}-"* ]] || rm -f "$old" 2>/dev/null || true
    done
    make_archive || { : >"$archive.failed"; } 2>/dev/null || true   # not again for this jar and JVM
  fi
  if [ -f "$archive" ]; then
    flags+=("$use_option=$archive")
  fi
  # MAILFORM_JAVA_OPTIONS: further JVM options, split at spaces, such as a heap bound for very large descriptions.
  local extra
  read -r -a extra <<<"${MAILFORM_JAVA_OPTIONS:-}"
  exec "$java_cmd" "${flags[@]}" "${extra[@]}" -jar "$jar" "$@"
}
# make_archive: the training run of run_compiler, whose variables it reads; fails, leaving nothing behind, when
# anything goes wrong.
make_archive() {
  local partial
  partial="$(mktemp "$archive.XXXXXX" 2>/dev/null)" || return 1
  if "$java_cmd" "${flags[@]}" "$make_option=$partial" -jar "$jar" validate "$examples"/*.yaml \
       >/dev/null 2>&1 && [ -s "$partial" ] && mv -f "$partial" "$archive" 2>/dev/null; then
    return 0
  fi
  rm -f "$partial" "$partial.config" 2>/dev/null   # JDK 25 trains into FILE.config first
  return 1
}
