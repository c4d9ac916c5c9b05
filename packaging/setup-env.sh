# Sourced by start.sh and test.sh: system libraries Qt needs, then ./.venv.
# Debian packages: Python's venv, the libraries PySide6 loads even offscreen,
# poppler-utils (pdftoppm) that the tests use to render PDFs, and PostgreSQL,
# which the county receiver's tests run against (a throwaway cluster each run);
# fuse3 for the power-cut file system of the durability tests;
# Chromium runs the offline report verifier page (WebCrypto Ed25519) in its test.
NEEDED="fuse3 postgresql python3-venv python3-pip libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 poppler-utils chromium"
if command -v dpkg >/dev/null 2>&1; then
  missing=""
  for pkg in $NEEDED; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    echo "Installing system packages:$missing"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq $missing
  fi
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
