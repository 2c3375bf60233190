#!/usr/bin/env bash
# Real-window smoke test: starts framediff under Xvfb (software OpenGL), takes a screenshot, and
# checks that the window is titled "framediff" and is not blank; then, with no XDG portal (no
# session bus) and no zenity, Ctrl+O must open framediff's own file chooser (the window changes
# and the app is still running).
# Usage: .ci/smoke-window.sh [BINARY] [SCREENSHOT.png] [WIDTHxHEIGHT]
set -euo pipefail
BIN=${1:-target/debug/framediff}
OUT=${2:-target/smoke/window.png}
SIZE=${3:-1400x860}
mkdir -p "$(dirname "$OUT")"

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
for lib in libegl1 libgl1-mesa-dri libxkbcommon-x11-0 libxcursor1 libxi6; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
if ((${#need[@]})); then
  echo "smoke: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

num=$((90 + RANDOM % 100))
Xvfb ":$num" -screen 0 "${SIZE}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
cleanup() { kill "${app:-0}" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$data" "${nozen:-}"; }
trap cleanup EXIT
# no portal, no zenity: the system file dialog is unavailable
unset DBUS_SESSION_BUS_ADDRESS
nozen=$(mktemp -d)
if command -v zenity >/dev/null; then
  printf '#!/bin/sh\nexit 127\n' >"$nozen/zenity"
  chmod +x "$nozen/zenity"
fi
export PATH="$nozen:$PATH"
export DISPLAY=":$num" LIBGL_ALWAYS_SOFTWARE=1 FRAMEDIFF_TIMING=1 XDG_DATA_HOME="$data" XDG_CONFIG_HOME="$data"
sleep 1
"$BIN" >"$data/app.log" 2>&1 &
app=$!

wid=""
for _ in $(seq 1 120); do
  wid=$(xdotool search --name '^framediff$' 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ] && break
  kill -0 "$app" 2>/dev/null || { echo "smoke: framediff exited early"; cat "$data/app.log"; exit 1; }
  sleep 0.5
done
[ -n "$wid" ] || { echo "smoke: no window titled framediff appeared"; cat "$data/app.log"; exit 1; }
xdotool windowsize "$wid" "${SIZE%x*}" "${SIZE#*x}" 2>/dev/null || true
sleep "${SMOKE_SETTLE:-6}"
title=$(xdotool getwindowname "$wid")
import -window root "$OUT"
colours=$(convert "$OUT" -format '%k' info:)
stddev=$(convert "$OUT" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "smoke: window '$title', screenshot $OUT, $colours colours, grey std-dev $stddev"
[ "$title" = "framediff" ] || { echo "smoke: wrong title"; exit 1; }
awk -v c="$colours" -v s="$stddev" 'BEGIN { exit !(c >= 64 && s >= 0.05) }' || { echo "smoke: the window looks blank"; exit 1; }
grep -h "first frame" "$data/app.log" | sed 's/^/smoke: /' || true
# Ctrl+O without a system dialog: framediff's own chooser opens over the window
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --window "$wid" ctrl+o
sleep "${SMOKE_DIALOG_SETTLE:-4}"
kill -0 "$app" 2>/dev/null || { echo "smoke: framediff died on Ctrl+O"; cat "$data/app.log"; exit 1; }
chooser="${OUT%.png}-chooser.png"
import -window root "$chooser"
# (compare exits 1 when the images differ, which is what is wanted here)
change=$( (compare -metric RMSE "$OUT" "$chooser" null: 2>&1 || true) | sed -E 's/.*\((.*)\).*/\1/')
echo "smoke: Ctrl+O with no portal and no zenity: screenshot $chooser, change $change"
awk -v d="$change" 'BEGIN { exit !(d >= 0.02) }' || { echo "smoke: Ctrl+O showed no chooser"; exit 1; }
xdotool key --window "$wid" Escape
echo "smoke: ok"
