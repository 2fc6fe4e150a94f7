#!/usr/bin/env bash
# Install what the app and its tests need on a fresh Debian/Ubuntu machine, then the Python venv.
# Idempotent: packages already present are not fetched again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Simplified Chinese fonts (UI, PDF, map), the X/GL libraries Qt's wheels load,
# Xvfb for screenshots, poppler-utils (pdftoppm/pdftotext) to look at and test the handbook PDF.
DEBS=(fonts-noto-cjk fontconfig libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxshmfence1 libasound2 libxkbfile1
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
      libxcb-render-util0 libxcb-image0 libgbm1 libnspr4 libxrender1 libxi6 libx11-xcb1 libglib2.0-0
      libopengl0 libdrm2 libxext6 libxfixes3 libfreetype6 xvfb xauth poppler-utils)
missing=()
for pkg in "${DEBS[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
# Quiet when nothing changed; the stamp makes a second run take a second, not a minute.
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi

# The Chinese interface: compile the Qt translation from resources/translations/zh_CN.tsv.
.venv/bin/python -m ui.i18n_build >/dev/null
