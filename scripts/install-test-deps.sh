#!/usr/bin/env bash
# Installs the Debian packages drydock's tests drive as real peers: an OCI registry,
# image tools, debootstrap for real root filesystems. Safe to run again.
set -euo pipefail

packages=(skopeo umoci docker-registry apache2-utils debootstrap zstd openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q || true
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
