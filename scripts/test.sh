#!/usr/bin/env bash
# Install everything, then run every test (core, CLI, window) and the Qt-free contract.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/lint-imports
exec .venv/bin/python -m pytest "$@"
