#!/usr/bin/env bash
# Install everything, then open the window on the bundled Hunan 2025 sample tour.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/study-tour "${@:-seeds/hunan-2025.tour.json}"
