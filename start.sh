#!/bin/sh
# Install Township Credit Desk into ./.venv and start it on the demo register.
# Usage: sh start.sh            (Debian/Ubuntu; see README for Windows)
set -e
cd "$(dirname "$0")"
. ./packaging/setup-env.sh
exec .venv/bin/credit-desk --demo "$@"
