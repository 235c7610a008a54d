#!/bin/bash
# manage.py with the application's environment, for the commands an administrator runs
# by hand (the systemd units read the same file themselves):
#
#   sudo -u proxima /srv/proxima/deploy/manage.sh migrate --noinput
#
# PROXIMA_ENV names the environment file (default /etc/proxima/proxima.env: KEY=value
# lines, as systemd's EnvironmentFile reads them).
set -euo pipefail
cd "$(dirname "$0")/.."
set -a
# shellcheck source=/dev/null
. "${PROXIMA_ENV:-/etc/proxima/proxima.env}"
set +a
exec .venv/bin/python manage.py "$@"
