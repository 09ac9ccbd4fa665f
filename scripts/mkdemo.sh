#!/bin/sh
# SPDX-License-Identifier: MIT
# mkdemo.sh - the demo Linux for "make run": OUT/Image from Debian's arm64
# kernel package (gunzipped when it is gzip data) and OUT/initramfs.cpio.gz
# from Debian's busybox-static (arm64) with an /init that gives an
# interactive busybox shell on the serial console (ttyAMA0).
#
#   scripts/mkdemo.sh OUT_DIR
set -eu

out=${1:?usage: mkdemo.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
sysroot=$("$here/deps.sh" --print)
mkdir -p "$out"

kernel=$(ls "$sysroot"/boot/vmlinuz-*-arm64 2>/dev/null | sort -V | tail -n1)
[ -n "$kernel" ] || { echo "mkdemo: no vmlinuz-*-arm64 in $sysroot/boot: run scripts/deps.sh" >&2; exit 1; }
if [ "$(head -c2 "$kernel" | od -An -tx1 | tr -d ' ')" = 1f8b ]; then
	gzip -dc "$kernel" > "$out/Image.tmp"
else
	cp "$kernel" "$out/Image.tmp"
fi
mv "$out/Image.tmp" "$out/Image"

cat > "$out/init" <<'INIT'
#!/bin/sh
# The demo's /init: a busybox userland and a shell on the serial console.
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo
echo "virtboot demo: $(uname -sr) on $(grep -c ^processor /proc/cpuinfo) CPU(s), $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) MiB"
echo "Type 'poweroff -f' to leave QEMU."
while :; do
	setsid cttyhack /bin/sh -l
done
INIT
python3 "$here/mkinitramfs.py" "$out/initramfs.cpio.gz" \
	--busybox "$sysroot/bin/busybox" --init "$out/init"
echo "  DEMO    $out/Image $out/initramfs.cpio.gz"
