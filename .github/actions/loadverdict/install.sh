#!/usr/bin/env bash
# Installs loadverdict for the composite action: finds the runnable jar that run.sh runs, prints its path on stdout
# and writes jar=PATH and origin=release|local|cache|build (with a release, url=ITS URL) to $GITHUB_OUTPUT. Which jar:
#   1. loadverdict-version is set (INPUT_LOADVERDICT_VERSION, 1.2.0 or v1.2.0): the jar of release v1.2.0, or an
#      error when that release has none.
#   2. The action's own ref (LOADVERDICT_ACTION_REF, from github.action_ref) is a full version tag such as v1.2.0 or
#      v1.2.0-rc.1, and the release with exactly that tag has a loadverdict.jar: that jar.
#   3. Otherwise - a major tag such as v1, a branch, a commit SHA, a local action (empty ref), or a version tag with
#      no jar released - the jar built from the action's own source: one already built in the action's tree and
#      newer than its sources, else the one cached under the hash of those sources, else built now (Maven Wrapper).
# A downloaded jar is used only when its SHA-256 equals the one in the release's loadverdict.jar.sha256; a missing,
# malformed or different checksum is an error, never a fallback.
#
# Usage: install.sh [--no-build | --from-source]
#   (no option)    all of the above, building when needed
#   --no-build     stops where a build would start: writes need-build=true, cache-path, cache-key, maven-key and
#                  maven-restore-key to $GITHUB_OUTPUT, so that the action restores its caches first
#   --from-source  case 3 only (the action's second install step, after the caches were restored)
#
# Exit codes: 0 installed, or a build is needed (--no-build); 5 integrity: the release's checksum is missing, malformed
# or does not match the jar; 6 cannot install: a download failed (network, timeout, HTTP error), the pinned release
# has no jar, or the build failed.
#
# Environment: LOADVERDICT_ACTION_REPOSITORY (github.action_repository) names the repository whose releases are
# downloaded. LOADVERDICT_RELEASES_URL replaces https://github.com/OWNER/NAME/releases/download, the base of the
# download URLs (BASE/TAG/loadverdict.jar): for tests, which serve a fake release from 127.0.0.1.
set -uo pipefail

mode=${1:-}
case "$mode" in
  ""|--no-build|--from-source) ;;
  *) echo "usage: install.sh [--no-build | --from-source]" >&2; exit 2 ;;
esac

action_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}

note() { echo "loadverdict: $*" >&2; }
fail() { # exit-code message: one ::error line on stdout (nothing else is printed there on failure)
  echo "::error title=loadverdict install::$2"
  exit "$1"
}
output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi
}
installed() { # jar origin
  output "jar=$1"
  output "origin=$2"
  output "need-build=false"
  echo "$1"
  exit 0
}
if command -v sha256sum >/dev/null 2>&1; then sha_cmd=(sha256sum); else sha_cmd=(shasum -a 256); fi
sha256_of() { "${sha_cmd[@]}" "$1" | cut -d ' ' -f 1; }

# --- 1 and 2: a release ---------------------------------------------------------------------------------------

# Sets tag to the release to download, or to nothing.
pick_release() {
  local pinned=${INPUT_LOADVERDICT_VERSION:-} ref=${LOADVERDICT_ACTION_REF:-}
  local version='^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$'
  tag=""
  if [ -n "$pinned" ]; then
    [[ "$pinned" =~ $version ]] || fail 6 "loadverdict-version '$pinned' is not a version such as 1.2.0"
    tag="v${pinned#v}"
  elif [[ "$ref" =~ $version ]] && [ "${ref#v}" != "$ref" ]; then
    tag=$ref
  fi
}

fetch() { # url file max-seconds: prints the HTTP status (000 when no response); the file holds the body
  curl --silent --show-error --location --connect-timeout 10 --max-time "$3" \
    --retry 3 --retry-delay 2 --retry-max-time 120 --retry-connrefused \
    --output "$2" --write-out '%{http_code}' "$1" 2>>"$dir/curl.log"
}

download_release() { # tag: installs and exits, or returns 1 when the release has no loadverdict.jar
  local tag=$1 repo=${LOADVERDICT_ACTION_REPOSITORY:-}
  if [ -z "${LOADVERDICT_RELEASES_URL:-}" ] && [ -z "$repo" ]; then
    if [ -n "${INPUT_LOADVERDICT_VERSION:-}" ]; then
      fail 6 "loadverdict-version: the action's repository is unknown (github.action_repository is empty, as for a local action), so there is no release to download"
    fi
    note "the action's repository is unknown (github.action_repository is empty): no release to download"
    return 1
  fi
  local base=${LOADVERDICT_RELEASES_URL:-https://github.com/$repo/releases/download}
  dir="$temp/loadverdict-release/$tag"
  mkdir -p "$dir" || fail 6 "cannot create $dir"
  if [ -f "$dir/loadverdict.jar" ] && [ -f "$dir/loadverdict.jar.sha256" ] \
     && [ "$(sha256_of "$dir/loadverdict.jar")" = "$(cut -d ' ' -f 1 "$dir/loadverdict.jar.sha256")" ]; then
    note "using loadverdict $tag, downloaded and verified earlier in this job"
    output "url=$base/$tag/loadverdict.jar"
    installed "$dir/loadverdict.jar" release
  fi
  rm -f "$dir/loadverdict.jar" "$dir/loadverdict.jar.sha256" "$dir/curl.log"

  local url="$base/$tag/loadverdict.jar" status
  note "downloading $url"
  status=$(fetch "$url" "$dir/download.part" 300)
  if [ "$status" = 404 ]; then
    rm -f "$dir/download.part"
    return 1
  elif [ "$status" != 200 ]; then
    rm -f "$dir/download.part"
    fail 6 "cannot download $url (HTTP $status$(tail -n 1 "$dir/curl.log" 2>/dev/null | sed 's/^/; /'))"
  fi
  status=$(fetch "$url.sha256" "$dir/checksum.part" 30)
  if [ "$status" = 404 ]; then
    rm -f "$dir/download.part" "$dir/checksum.part"
    fail 5 "release $tag has loadverdict.jar but no loadverdict.jar.sha256: refusing a jar that cannot be verified"
  elif [ "$status" != 200 ]; then
    rm -f "$dir/download.part" "$dir/checksum.part"
    fail 6 "cannot download $url.sha256 (HTTP $status$(tail -n 1 "$dir/curl.log" 2>/dev/null | sed 's/^/; /'))"
  fi
  local expected actual
  expected=$(head -c 200 "$dir/checksum.part" | head -n 1 | tr -d '\r' | cut -d ' ' -f 1 | tr 'A-F' 'a-f')
  actual=$(sha256_of "$dir/download.part")
  if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]]; then
    rm -f "$dir/download.part" "$dir/checksum.part"
    fail 5 "the loadverdict.jar.sha256 of release $tag holds no SHA-256: refusing a jar that cannot be verified"
  fi
  if [ "$expected" != "$actual" ]; then
    rm -f "$dir/download.part" "$dir/checksum.part"
    fail 5 "loadverdict.jar of release $tag does not match its checksum (expected SHA-256 $expected, got $actual)"
  fi
  if ! { mv "$dir/checksum.part" "$dir/loadverdict.jar.sha256" && mv "$dir/download.part" "$dir/loadverdict.jar"; }; then
    fail 6 "cannot write $dir/loadverdict.jar"
  fi
  note "loadverdict $tag downloaded, SHA-256 verified"
  output "url=$url"
  installed "$dir/loadverdict.jar" release
}

if [ "$mode" != --from-source ]; then
  pick_release
  if [ -n "$tag" ]; then
    download_release "$tag"
    if [ -n "${INPUT_LOADVERDICT_VERSION:-}" ]; then
      fail 6 "loadverdict-version ${INPUT_LOADVERDICT_VERSION}: release $tag has no loadverdict.jar"
    fi
    echo "::notice title=loadverdict::release $tag has no loadverdict.jar: using loadverdict built from the action's source" >&2
  fi
fi

# --- 3: the action's own source -------------------------------------------------------------------------------

# Everything the jar is built from: the POMs, the Maven Wrapper and every module's src/main.
source_files() {
  (cd "$action_root" && find . \( -name target -o -name .git -o -name node_modules \) -prune -o -type f \
    \( -name pom.xml -o -path '*/src/main/*' -o -path './.mvn/*' -o -name mvnw \) -print0)
}
if [ ! -f "$action_root/pom.xml" ] || [ ! -f "$action_root/mvnw" ]; then
  fail 6 "no release to download, and $action_root holds no loadverdict source to build"
fi

local_jar="$action_root/cli/target/loadverdict.jar"
if [ -f "$local_jar" ] && [ -z "$(cd "$action_root" && find . \( -name target -o -name .git -o -name node_modules \) -prune \
      -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$local_jar" -print | head -n 1)" ]; then
  note "using $local_jar, built from the action's source and newer than it"
  installed "$local_jar" local
fi

source_hash=$(source_files | LC_ALL=C sort -z | (cd "$action_root" && xargs -0 "${sha_cmd[@]}") | "${sha_cmd[@]}" | cut -d ' ' -f 1)
maven_hash=$(cd "$action_root" && find . \( -name target -o -name .git -o -name node_modules \) -prune -o -type f \
  \( -name pom.xml -o -name maven-wrapper.properties \) -print0 | LC_ALL=C sort -z | xargs -0 "${sha_cmd[@]}" \
  | "${sha_cmd[@]}" | cut -d ' ' -f 1)
os=${RUNNER_OS:-$(uname -s)}
cache_key="loadverdict-jar-$os-$source_hash"
cache_dir="$temp/loadverdict-jar/$source_hash"
cached_jar="$cache_dir/loadverdict.jar"

if [ -f "$cached_jar" ] && [ -f "$cached_jar.sha256" ]; then
  if [ "$(sha256_of "$cached_jar")" = "$(cut -d ' ' -f 1 "$cached_jar.sha256")" ]; then
    note "using the cached build of the action's source ($cache_key)"
    installed "$cached_jar" cache
  fi
  note "the cached jar does not match its checksum: building again"
  rm -f "$cached_jar" "$cached_jar.sha256"
fi

if [ "$mode" = --no-build ]; then
  output "need-build=true"
  output "cache-path=$cache_dir"
  output "cache-key=$cache_key"
  output "maven-key=loadverdict-maven-$os-$maven_hash"
  output "maven-restore-key=loadverdict-maven-$os-"
  note "no jar yet for the action's source ($cache_key): the next steps restore the caches and build if needed"
  exit 0
fi

# The JDK the action chose (java.sh find, or actions/setup-java), not the job's JAVA_HOME, which may be older.
if [ -n "${LOADVERDICT_ACTION_JDK:-}" ]; then
  [ -x "$LOADVERDICT_ACTION_JDK/bin/java" ] || fail 6 "no java in $LOADVERDICT_ACTION_JDK to build loadverdict with"
  export JAVA_HOME="$LOADVERDICT_ACTION_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
fi
command -v java >/dev/null 2>&1 || fail 6 "no java on PATH to build loadverdict with"
mkdir -p "$cache_dir" || fail 6 "cannot create $cache_dir"
log="$temp/loadverdict-build.log"
note "building loadverdict from the action's source (once; log in $log)..."
# Bounded: Maven's own HTTP requests time out after 60 s of silence, the whole build after 20 minutes.
build=(./mvnw -B -q -DskipTests -Daether.connector.connectTimeout=20000 -Daether.connector.requestTimeout=60000
       package -pl cli -am)
if command -v timeout >/dev/null 2>&1; then build=(timeout 1200 "${build[@]}"); fi
if ! (cd "$action_root" && "${build[@]}") >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  fail 6 "cannot build loadverdict from the action's source (the last lines of $log are above)"
fi
if ! { cp "$local_jar" "$cached_jar.part" && mv "$cached_jar.part" "$cached_jar" \
        && (cd "$cache_dir" && "${sha_cmd[@]}" loadverdict.jar >loadverdict.jar.sha256); }; then
  fail 6 "cannot copy the built jar to $cache_dir"
fi
note "built loadverdict from the action's source (cached as $cache_key)"
installed "$cached_jar" build
