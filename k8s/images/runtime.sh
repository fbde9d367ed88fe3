#!/usr/bin/env bash
# Gathers what the Rapport images start from into .cache/image-runtime/ (Jib's base is the empty image "scratch",
# so no registry is needed): a JRE jlinked from this machine's JDK 17, the shared libraries it loads (this machine's
# Debian packages' files, found with ldd), /etc/passwd with user rapport (1000) and /tmp.
# Usage: k8s/images/runtime.sh        (k8s/images/build.sh runs it, then jib:buildTar for every module)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${RAPPORT_IMAGE_RUNTIME:-$REPO/.cache/image-runtime}"
JDK="${RAPPORT_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
# What Spring Boot, Netty, gRPC and the MongoDB driver load; jdk.localedata only for the platform's two languages.
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.management,jdk.net,jdk.jfr

die() { echo "runtime.sh: $*" >&2; exit 1; }

[[ -x "$JDK/bin/jlink" && -d "$JDK/jmods" ]] || die "no JDK with jlink and jmods at $JDK (set RAPPORT_IMAGE_JDK)"
version="$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
[[ "$version" == 17 ]] || die "the JDK at $JDK is $version; the images run Java 17 (set RAPPORT_IMAGE_JDK)"
command -v ldd >/dev/null || die "ldd is needed (Debian package libc-bin)"

tmp="$OUT.tmp.$$"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/opt" "$tmp/etc" "$tmp/tmp"
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en,zh --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$tmp/opt/java"

# Debian's JDK keeps its CA certificates outside the JDK; the runtime gets a copy of the same file.
cacerts="$JDK/lib/security/cacerts"
if [[ ! -s "$tmp/opt/java/lib/security/cacerts" || -L "$tmp/opt/java/lib/security/cacerts" ]]; then
  [[ -s "$(readlink -f "$cacerts")" ]] || die "no CA certificates at $cacerts (Debian package ca-certificates-java)"
  rm -f "$tmp/opt/java/lib/security/cacerts"
  cp "$(readlink -f "$cacerts")" "$tmp/opt/java/lib/security/cacerts"
fi

# Every shared library the JRE's programs and libraries need, with the dynamic loader, at the same paths; not those
# of AWT's windows, fonts and images (X11, FreeType, ...), which a headless server never loads.
libs="$(find "$tmp/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
  -not \( -name 'libawt_xawt.so' -o -name 'libjawt.so' -o -name 'libsplashscreen.so' -o -name 'libfontmanager.so' \
          -o -name 'liblcms.so' -o -name 'libjavajpeg.so' -o -name 'libjsound.so' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \// {print $3} /^\t\/lib/ {print $1}' | sort -u)"
for lib in $libs; do
  case "$lib" in "$tmp"/*) continue ;; esac
  mkdir -p "$tmp$(dirname "$lib")"
  cp -L "$lib" "$tmp$lib"
done
# The resolver reads these; Kubernetes mounts /etc/hosts and /etc/resolv.conf.
cat > "$tmp/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
rapport:x:1000:1000:rapport:/tmp:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$tmp/etc/group" <<'GROUP'
root:x:0:
rapport:x:1000:
nogroup:x:65534:
GROUP
echo 'hosts: files dns' > "$tmp/etc/nsswitch.conf"

# The runtime must start a JVM in an empty root (with /proc, as in any container), with nothing of this machine's
# but what was copied.
if command -v unshare >/dev/null && unshare --user --map-root-user --mount --pid --fork true 2>/dev/null; then
  mkdir "$tmp/proc"
  unshare --user --map-root-user --mount --pid --fork \
      sh -c "mount -t proc proc '$tmp/proc' && chroot '$tmp' /opt/java/bin/java -Xshare:off -XX:-UsePerfData -version" >/dev/null 2>&1 \
    || die "the gathered runtime does not start java in an empty root"
  rmdir "$tmp/proc"
else
  echo "runtime.sh: cannot make an empty root here (unshare); the runtime was not tried" >&2
fi

rm -rf "$OUT"
mv "$tmp" "$OUT"
trap - EXIT
echo "Image runtime in ${OUT#"$REPO"/}: $(du -sh "$OUT" | cut -f1) (Java $version from $JDK)"
