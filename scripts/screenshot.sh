#!/usr/bin/env bash
# Screenshots of the main window on the Hunan sample at 1366×768 and 1920×1080, on a virtual X screen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for size in 1366x768 1920x1080; do
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshot.py --size "$size" \
        -o "resources/screenshots/main-window-$size.png" "$@"
done
