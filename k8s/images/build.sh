#!/usr/bin/env bash
# Builds the six runnable modules' images as tarballs with Jib, without Docker and without a registry:
# <module>/target/<module>-image.tar (Docker format: docker load -i, kind load image-archive, ctr images import).
# Usage: k8s/images/build.sh [maven options, such as -o]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
MODULES=(gateway portal-web customer-service ticket-service order-tracking-service feedback-service)

"$REPO/k8s/images/runtime.sh"
./mvnw -B -ntp "$@" -DskipTests -pl "$(IFS=,; echo "${MODULES[*]}")" -am package jib:buildTar
echo
printf '%-32s %s\n' IMAGE 'TARBALL (compressed layers)'
for m in "${MODULES[@]}"; do
  printf '%-32s %s\n' "rapport/$m" "$(du -h "$m/target/$m-image.tar" | cut -f1)"
done
