#!/bin/sh
# /usr/bin/credit-desk: the desktop app (no arguments) and the command line.
exec /opt/credit-desk/credit-desk "$@"
