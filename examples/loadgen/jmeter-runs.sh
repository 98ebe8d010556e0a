# shellcheck shell=bash
# Functions shared by the scripts that record real JMeter runs against shop_server.py (source it from the
# repository root; it sets no options of its own).
#
#   use_cleanup_traps              on exit (or INT/TERM, status 130) stop the shop and remove $scratch, the
#                                  caller's scratch directory while it records (empty when none)
#   find_jmeter                    JMETER_JAR: JMeter 5.6.3 assembled by bench/jmeter/pom.xml (offline first)
#   start_shop ARGS...             starts shop_server.py on a free 127.0.0.1 port with ARGS, waits for /health;
#                                  sets SHOP_PORT and SHOP_PID
#   stop_shop                      stops it (safe to call twice)
#   run_jmeter JTL THREADS SECONDS e2e/jmeter/plan.jmx against SHOP_PORT, CSV JTL (JMeter's default columns)
#                                  to JTL; bounded to SECONDS + 60 s; on failure prints the end of JMeter's log

SHOP_PID=""
SHOP_PORT=""
scratch=""

use_cleanup_traps() {
  trap 'stop_shop; [ -z "$scratch" ] || rm -rf "$scratch"' EXIT
  trap 'exit 130' INT TERM
}

find_jmeter() {
  JMETER_JAR=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1 || true)
  if [ -z "$JMETER_JAR" ]; then
    ./mvnw -o -B -q -f bench/jmeter/pom.xml com.lazerycode.jmeter:jmeter-maven-plugin:3.8.0:configure \
      || ./mvnw -B -q -f bench/jmeter/pom.xml com.lazerycode.jmeter:jmeter-maven-plugin:3.8.0:configure
    JMETER_JAR=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' | head -n 1)
  fi
  [ -n "$JMETER_JAR" ] || { echo "no JMeter jar under bench/jmeter/target" >&2; return 1; }
}

start_shop() {
  SHOP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 examples/loadgen/shop_server.py "$SHOP_PORT" "$@" >/dev/null &
  SHOP_PID=$!
  for _ in $(seq 50); do
    kill -0 "$SHOP_PID" 2>/dev/null || { echo "shop_server exited during start-up" >&2; return 1; }
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$SHOP_PORT/health', timeout=1)" \
      2>/dev/null && return 0
    sleep 0.1
  done
  echo "shop_server did not answer on 127.0.0.1:$SHOP_PORT" >&2
  return 1
}

stop_shop() {
  if [ -n "$SHOP_PID" ]; then
    kill "$SHOP_PID" 2>/dev/null || true
    wait "$SHOP_PID" 2>/dev/null || true   # ends by SIGTERM: status 143
    SHOP_PID=""
  fi
}

run_jmeter() { # JTL THREADS SECONDS
  local jtl=$1 threads=$2 seconds=$3
  # the plan's second listener writes an XML copy of the samples to -Jxmlout: kept beside the JTL, not wanted
  timeout $((seconds + 60)) java -Xmx512m -jar "$JMETER_JAR" -n -t e2e/jmeter/plan.jmx -l "$jtl" -j "$jtl.log" \
    -Jport="$SHOP_PORT" -Jduration="$seconds" -Jthreads="$threads" -Jxmlout="$jtl.xml" \
    -Jjmeter.save.saveservice.output_format=csv >"$jtl.console" 2>&1 \
    || { echo "!! JMeter failed; end of its log:" >&2; tail -n 20 "$jtl.log" >&2; return 1; }
  rm -f "$jtl.xml" "$jtl.log" "$jtl.console"
}
