# The part of mailform's launchers that is the same in a checkout (ci/mailform) and in the distribution
# (bin/mailform): which JVM runs mailform, and the archives of classes that make it start faster. Sourced, never run;
# it defines functions only. Each launcher says where its jars are and where the archives may be written.
#
# Standard output carries mailform's output alone, and standard error mailform's messages: the JVM's own lines about
# its archives (recording, assembling, mapping, rejecting one) go to a log file that the launcher reads when an
# archive cannot be made, and it then says why in one line of its own, once.

# The JVM, for the compiler and the runtime alike: a JDK 25 or later under /usr/lib/jvm when there is one, for its
# ahead-of-time cache (below), else `java`; MAILFORM_JAVA names another. Every JVM gives the same output byte for byte.
# pick_java sets java_cmd to the JVM's path, aot=1 when that JVM is release 25 or later, and quiet to the options
# that keep the JVM's log lines out of mailform's output.
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
  else
    local release
    java_cmd=""
    for release in /usr/lib/jvm/*/release; do
      java_major "$release"
      if [ "$major" -ge 25 ] && [ -x "${release%/release}/bin/java" ]; then
        java_cmd="${release%/release}/bin/java"
        aot=1
        break
      fi
    done
    if [ -z "$java_cmd" ]; then
      java_cmd="$(command -v java)" \
        || { echo "mailform: java is missing; install a Java runtime 17 or later (apt-get install openjdk-17-jre-headless)" >&2; exit 2; }
    fi
  fi
  # Unified logging writes warnings to standard output unless told otherwise: here they go to standard error, and
  # those about the archives nowhere (a stale archive is ignored, and the launcher makes a new one).
  quiet=(-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr)
  archive_tags="cds*=error"   # what a log of the making of an archive keeps: errors, not the classes it skips
  if [ "$aot" -eq 1 ]; then
    quiet+=(-Xlog:aot*=off:stderr)
    archive_tags+=",aot*=error"
  fi
}

# archive_refused DIR WHAT: whether this JVM cannot make class-data archives at all; says why once for the archive
# WHAT (a note in DIR keeps it from being said again for this JVM; removing it tries again), and returns 0 then. A
# class-data sharing archive (the JVMs before 25) is made on top of the JVM's own archive of its classes,
# lib/server/classes.jsa, which some Java runtimes lack: then -XX:ArchiveClassesAtExit stops the JVM at its start, so
# it is tried on `-version` first, never on a user's run. An AOT cache (JDK 25 or later) holds the JVM's classes too
# and needs no such archive.
archive_refused() {
  local dir="$1" what="$2" jvm_id note
  [ "$aot" -eq 1 ] && return 1
  jvm_id="$(stat -Lc '%i.%s.%Y' "$java_cmd")"
  note="$dir/java-$jvm_id.refused"
  [ -f "$note" ] && return 0
  local probe said
  probe="$(mktemp "$dir/probe.XXXXXX" 2>/dev/null)" || return 0   # nowhere to write: no archive either, silently
  if said="$("$java_cmd" -XX:ArchiveClassesAtExit="$probe.jsa" -version 2>&1)"; then
    rm -f "$probe" "$probe.jsa"
    return 1
  fi
  rm -f "$probe" "$probe.jsa"
  local reason="${said##*$'\n'}"
  case "$said" in
    *"base CDS archive is not loaded"*|*"Unable to use shared archive"*)
      reason="$java_cmd has no class-data archive of its own to build on ($java_cmd -Xshare:dump, as the JDK's owner, makes it)" ;;
  esac
  echo "mailform: no $what with this Java runtime: $reason; mailform runs without it" >&2
  echo "$reason" >"$note" 2>/dev/null || true
  return 0
}

# last_words LOG: the JVM's last line in LOG, for a one-line reason.
last_words() {
  local line last=""
  while IFS= read -r line; do
    [ -n "$line" ] && last="$line"
  done <"$1" 2>/dev/null
  last="${last#mailform: }"
  echo "${last:-it said nothing}"
}

# run_with_class_cache CACHE-DIR CLASSPATH ARGUMENTS...: runs the JVM with the runtime's CLASSPATH and ARGUMENTS (system
# properties, the main class and its arguments) and a cache of the classes it loads, which halves its start (James
# loads about 8,000 classes). On JDK 25 or later it is an AOT cache (-XX:AOTCache), else a class-data sharing archive
# (-XX:SharedArchiveFile). The cache belongs to one JVM and one class path: its name is a hash of both, with the size
# and time of every file on the class path. The first run without one that starts James records it, which makes that
# run slower (docs/benchmarks.md, "Start-up"), and says so on standard error; the cache is written under a temporary
# name and renamed into place, so a cache is whole or absent. Where it cannot be written (a read-only directory,
# MAILFORM_CLASS_CACHE=off) the run goes on without it; where it could not be made, the launcher says why once and
# does not try again for that class path and JVM.
run_with_class_cache() {
  local cache_dir="$1" run_classpath="$2"
  shift 2
  local jvm="$java_cmd" options=("${quiet[@]}")
  if [ "$aot" -eq 1 ]; then
    # Guava and Netty use sun.misc.Unsafe, which JDK 25 warns about at every start.
    options+=(--sun-misc-unsafe-memory-access=allow)
  fi
  set -- -cp "$run_classpath" "$@"
  if [ "${MAILFORM_CLASS_CACHE:-on}" = off ] || [ -z "$cache_dir" ] || ! mkdir -p "$cache_dir" 2>/dev/null \
       || [ ! -w "$cache_dir" ]; then
    exec "$jvm" "${options[@]}" "$@"
  fi
  local key cache
  key="$( { readlink -f "$jvm"; stat -L -c '%s %Y' "$jvm"; tr ':' '\n' <<<"$run_classpath" | xargs -r stat -L -c '%n %s %Y' 2>/dev/null; } \
    | sha256sum | cut -c1-20)"
  if [ "$aot" -eq 1 ]; then cache="$cache_dir/$key.aot"; else cache="$cache_dir/$key.jsa"; fi
  if [ -f "$cache" ]; then
    if [ "$aot" -eq 1 ]; then
      exec "$jvm" "${options[@]}" -XX:AOTCache="$cache" "$@"
    fi
    exec "$jvm" "${options[@]}" -XX:SharedArchiveFile="$cache" -Xshare:auto "$@"
  fi
  if [ -f "$cache.failed" ] || archive_refused "$cache_dir" "class cache for the runtime"; then
    exec "$jvm" "${options[@]}" "$@"
  fi
  # Runs that cannot start James record nothing (the recording costs seconds at exit, kept or not): help, the
  # version, Postfix alone.
  local arg previous=""
  for arg in "$@"; do
    case "$arg" in
      -h|--help|-V|--version|--server=postfix) exec "$jvm" "${options[@]}" "$@" ;;
      postfix) if [ "$previous" = --server ]; then exec "$jvm" "${options[@]}" "$@"; fi ;;
    esac
    previous="$arg"
  done
  # No cache yet: this run records one, and keeps it only if it started James (the runtime then says so on standard
  # error, and marks FILE.trained): most of the classes are James's, so a run that stopped at a usage error or ran
  # Postfix alone would leave a cache of little use. The JVM runs as a child, so that the cache is renamed into place
  # after it.
  local partial="$cache.$$.partial" status=0 pid
  local log="$partial.log"
  trap 'rm -f "$partial" "$partial".*' EXIT
  # The JVM's messages about the recording go to a log, read when the cache cannot be made: those of its unified
  # logging there, and what it prints besides (JDK 25: "AOTConfiguration recorded") nowhere, with DisplayVMOutput off.
  local record=(-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput
    "-Xlog:$archive_tags:file=\"$log\":none:filecount=0" -Dmailform.classCache.recording="$partial.trained")
  # A command run in the background by a shell without job control ignores SIGINT, and a JVM that starts with
  # SIGINT ignored never takes it: the subshell restores it, so that Ctrl-C and the INT passed on below stop the run.
  if [ "$aot" -eq 1 ]; then
    # JDK 25 in two steps: this run records which classes it uses, then a second JVM assembles the cache from that
    # record. (Its one-step -XX:AOTCacheOutput starts that second JVM itself, which prints to standard output and
    # passes the whole class path on in JAVA_TOOL_OPTIONS, which the JVM echoes to standard error.)
    (trap - INT QUIT; exec "$jvm" "${options[@]}" "${record[@]}" -XX:AOTMode=record \
      -XX:AOTConfiguration="$partial.config" "$@") <&0 &
  else
    (trap - INT QUIT; exec "$jvm" "${options[@]}" "${record[@]}" -XX:ArchiveClassesAtExit="$partial" "$@") <&0 &
  fi
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null' TERM
  trap 'kill -INT "$pid" 2>/dev/null' INT
  while :; do
    wait "$pid" && status=0 || status=$?
    kill -0 "$pid" 2>/dev/null || break   # wait returns early when a trapped signal arrives
  done
  trap - TERM INT
  if [ ! -f "$partial.trained" ]; then
    exit "$status"
  fi
  if [ "$aot" -eq 1 ] && [ -s "$partial.config" ]; then
    "$jvm" "${options[@]}" "-Xlog:$archive_tags:stdout" -XX:AOTMode=create -XX:AOTConfiguration="$partial.config" \
      -XX:AOTCache="$partial" -cp "$run_classpath" >"$log.create" 2>&1 || { rm -f "$partial"; log="$log.create"; }
  fi
  if [ -s "$partial" ] && mv -f "$partial" "$cache" 2>/dev/null; then
    # The caches of earlier builds of the class path are dead weight (70 MB each): only the new one stays.
    find "$cache_dir" -maxdepth 1 -type f \( -name '*.aot' -o -name '*.jsa' -o -name '*.failed' \) \
      ! -name "${cache##*/}" -delete 2>/dev/null || true
  else
    echo "mailform: the class cache of the runtime could not be made: $(last_words "$log"); mailform runs without it" >&2
    last_words "$log" >"$cache.failed" 2>/dev/null || true
  fi
  exit "$status"
}

# run_compiler JAR ARCHIVE-DIR EXAMPLES-DIR ARGUMENTS...: runs the command line of JAR with an archive of the classes
# a validation loads, so that the JVM maps them instead of reading, verifying and linking them from the jar on every
# start: JDK 25's ahead-of-time cache (classes loaded and linked), else a class-data sharing archive. An archive holds
# only for the jar and the JVM it was made with, so its name carries both (and the JVM checks the jar again when it
# maps the archive, and ignores, silently here, one that does not match). It is made once, in ARCHIVE-DIR, at the
# first run after a build (or with another JVM), by a training run over the descriptions of EXAMPLES-DIR, into a
# temporary file renamed into place, and announced on standard error with the reason it is made. When it cannot be
# made (read-only directory, full disk, a JVM without an archive of its own) mailform runs without it, says why once
# where it can, and does not try again for that jar and JVM.
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
    use_option=-XX:AOTCache
  else
    archive="$archive_dir/mailform-${key//$'\n'/-}.jsa"
    make_option=-XX:ArchiveClassesAtExit
    use_option=-XX:SharedArchiveFile
  fi
  if [ -n "$archive_dir" ] && [ ! -f "$archive" ] && [ ! -f "${archive%.*}.failed" ] \
       && { [ -d "$archive_dir" ] || mkdir -p "$archive_dir" 2>/dev/null; } && [ -w "$archive_dir" ] \
       && ! archive_refused "$archive_dir" "start-up archive for the compiler"; then
    prepare_archive
  fi
  flags+=("${quiet[@]}")
  if [ -f "$archive" ]; then
    flags+=("$use_option=$archive")
  fi
  # MAILFORM_JAVA_OPTIONS: further JVM options, split at spaces, such as a heap bound for very large descriptions.
  local extra
  read -r -a extra <<<"${MAILFORM_JAVA_OPTIONS:-}"
  exec "$java_cmd" "${flags[@]}" "${extra[@]}" -jar "$jar" "$@"
}
# prepare_archive: the training run of run_compiler, whose variables it reads. Says why an archive is made: none
# yet, a rebuilt jar (the archive of the old one is removed), or another JVM. When it fails it leaves no archive
# behind, says why, and marks the jar and JVM so that it is not tried again.
prepare_archive() {
  local old reason="first run" jar_id="${key%%$'\n'*}"
  for old in "$archive_dir"/mailform-*.{jsa,aot}; do
    [ -f "$old" ] || continue
    if [[ "$old" == "$archive_dir/mailform-$jar_id-"* ]]; then
      reason="another Java runtime"
    else
      [ "$reason" = "first run" ] && reason="${jar##*/} changed"
    fi
  done
  echo "mailform: preparing a start-up archive ($reason; a few seconds, once)..." >&2
  for old in "$archive_dir"/mailform-*.{jsa,aot,failed}; do   # those of earlier jars
    [[ "$old" == "$archive_dir/mailform-$jar_id-"* ]] || rm -f "$old" 2>/dev/null || true
  done
  local partial log
  partial="$(mktemp "$archive.XXXXXX" 2>/dev/null)" || return 0
  log="$partial.log"
  # What the training run says goes to the log, read only when it fails; with JDK 25, in the two steps of
  # run_with_class_cache, without what it prints besides its log (DisplayVMOutput off).
  local logging=(-Xlog:disable "-Xlog:$archive_tags:stdout")
  if [ "$aot" -eq 1 ]; then
    "$java_cmd" "${flags[@]}" "${logging[@]}" -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput \
        -XX:AOTMode=record -XX:AOTConfiguration="$partial.config" -jar "$jar" validate "$examples"/*.yaml >"$log" 2>&1 \
      && [ -s "$partial.config" ] \
      && { "$java_cmd" "${flags[@]}" "${logging[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$partial.config" \
             -XX:AOTCache="$partial" -cp "$jar" >"$log" 2>&1 || rm -f "$partial"; }
  else
    "$java_cmd" "${flags[@]}" "${logging[@]}" "$make_option=$partial" -jar "$jar" validate "$examples"/*.yaml \
      >"$log" 2>&1 || rm -f "$partial"
  fi
  if [ -s "$partial" ] && mv -f "$partial" "$archive" 2>/dev/null; then
    rm -f "$log" "$partial.config"
    return 0
  fi
  echo "mailform: the start-up archive could not be made: $(last_words "$log"); mailform runs without it" >&2
  last_words "$log" >"${archive%.*}.failed" 2>/dev/null || true   # not again for this jar and JVM
  rm -f "$partial" "$partial".* 2>/dev/null
  return 0
}
