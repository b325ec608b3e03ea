#!/usr/bin/env bash
# Runs before `npm test`: the e2e tests need PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379
# (rate limits shared between instances) and the explorer's browser
# test needs Debian's Chromium. On a machine where we may (root with apt/pg_ctlcluster), bring them up;
# elsewhere say what is missing and let the tests report it.
set -uo pipefail

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test prerequisites: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  else
    echo "test prerequisites: PostgreSQL is not answering on 127.0.0.1:5432 (user postgres, trust auth)" >&2
  fi
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "test prerequisites: starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 >/dev/null || true
    for _ in $(seq 1 10); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
  else
    echo "test prerequisites: Redis is not answering on 127.0.0.1:6379 (apt-get install -y redis-server)" >&2
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test prerequisites: installing Debian's chromium for the explorer's browser test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test prerequisites: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2
  fi
fi
exit 0
