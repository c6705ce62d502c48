#!/usr/bin/env bash
# Starts a 3-master Redis Cluster on loopback (ports 7101-7103 unless REDIS_CLUSTER_PORTS says otherwise),
# waits until `cluster info` reports ok, and prints the REDIS_CLUSTER_NODES value to use.
#   scripts/redis-cluster.sh         start it (exits 0 at once if it already answers)
#   scripts/redis-cluster.sh stop    shut every node down and remove its data folder
set -euo pipefail

read -r -a PORTS <<<"${REDIS_CLUSTER_PORTS:-7101 7102 7103}"
HOST=127.0.0.1
DIR="${TMPDIR:-/tmp}/sales-ops-redis-cluster-${PORTS[0]}"
NODES=$(printf "$HOST:%s," "${PORTS[@]}")
NODES=${NODES%,}

cluster_ok() {
  redis-cli -h "$HOST" -p "${PORTS[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'
}

stop_cluster() {
  for port in "${PORTS[@]}"; do
    redis-cli -h "$HOST" -p "$port" shutdown nosave >/dev/null 2>&1 || true
  done
  for port in "${PORTS[@]}"; do
    for _ in $(seq 1 50); do
      redis-cli -h "$HOST" -p "$port" ping >/dev/null 2>&1 || break
      sleep 0.1
    done
  done
  rm -rf "$DIR"
  echo "Redis Cluster on $NODES stopped"
}

if [[ "${1:-start}" == "stop" ]]; then
  stop_cluster
  exit 0
fi
if [[ "${1:-start}" != "start" ]]; then
  echo "usage: $0 [start|stop]" >&2
  exit 2
fi

if cluster_ok; then
  echo "Redis Cluster already answers on $NODES"
  echo "REDIS_CLUSTER_NODES=$NODES"
  exit 0
fi
for port in "${PORTS[@]}"; do
  if redis-cli -h "$HOST" -p "$port" ping >/dev/null 2>&1; then
    echo "Port $port already has a Redis that is not a healthy cluster; run '$0 stop' first" >&2
    exit 1
  fi
done

# A data folder left by an earlier run that was killed holds a nodes.conf naming old peers, which makes
# `--cluster create` refuse the node as "not empty": always start from nothing.
rm -rf "$DIR"
mkdir -p "$DIR"
for port in "${PORTS[@]}"; do
  mkdir -p "$DIR/$port"
  # Same persistence as production (AOF, fsync every second), noeviction as the app requires.
  redis-server --port "$port" --bind "$HOST" --dir "$DIR/$port" --daemonize yes \
    --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000 \
    --appendonly yes --appendfsync everysec --save '' --maxmemory-policy noeviction \
    --logfile "$DIR/$port/redis.log" --pidfile "$DIR/$port/redis.pid"
done
for port in "${PORTS[@]}"; do
  for _ in $(seq 1 50); do
    redis-cli -h "$HOST" -p "$port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
done

addresses=()
for port in "${PORTS[@]}"; do
  addresses+=("$HOST:$port")
  # Belt and braces: a fresh node is already empty; this makes it so if anything was loaded anyway.
  redis-cli -h "$HOST" -p "$port" flushall >/dev/null
  redis-cli -h "$HOST" -p "$port" cluster reset hard >/dev/null
done
if ! redis-cli --cluster create "${addresses[@]}" --cluster-replicas 0 --cluster-yes >"$DIR/create.log" 2>&1; then
  cat "$DIR/create.log" >&2
  echo "Could not create the cluster; run '$0 stop' and try again" >&2
  exit 1
fi

for _ in $(seq 1 100); do
  if cluster_ok; then
    echo "Redis Cluster ready on $NODES (data in $DIR)"
    echo "REDIS_CLUSTER_NODES=$NODES"
    exit 0
  fi
  sleep 0.1
done
echo "Redis Cluster on $NODES did not report cluster_state:ok within 10 s; see $DIR/*/redis.log" >&2
exit 1
