#!/bin/sh
# Benchmark prerequisites on Debian/Ubuntu: pandoc (the export comparison) and
# Xvfb (to measure under a real X server: xvfb-run -a env QT_QPA_PLATFORM=xcb python -m tests.bench.run).
set -e
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y pandoc xvfb
