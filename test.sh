#!/bin/sh
# Install Township Credit Desk with its test tools into ./.venv and run every test.
# Usage: sh test.sh [pytest arguments]
set -e
cd "$(dirname "$0")"
. ./packaging/setup-env.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when it collected no tests: that is a broken suite, not a pass.
if [ "$status" -eq 5 ]; then
  echo "test.sh: pytest collected no tests" >&2
  exit 1
fi
exit "$status"
