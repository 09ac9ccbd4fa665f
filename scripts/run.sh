#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh - "make run": virtboot as QEMU's firmware booting a Linux kernel,
# initrd and command line through fw_cfg, with the ramfb display shown in a
# window when there is a screen ($DISPLAY or $WAYLAND_DISPLAY), the serial
# console (and QEMU's monitor, Ctrl-A c) on this terminal either way.
#
#   scripts/run.sh O KERNEL INITRD APPEND [QEMU_ARGS...]
#   (an empty INITRD or APPEND is left out)
set -eu

if [ $# -lt 4 ]; then
	echo "usage: run.sh O KERNEL INITRD APPEND [QEMU_ARGS...]" >&2
	exit 2
fi
out=$1 kernel=$2 initrd=$3 append=$4
shift 4
qemu=${QEMU:-qemu-system-aarch64}

for f in "$out/virtboot.bin" "$kernel" ${initrd:+"$initrd"}; do
	[ -f "$f" ] || { echo "run: $f does not exist" >&2; exit 1; }
done

set -- -M virt -cpu cortex-a57 -smp 2 -m 1G -nic none \
	-bios "$out/virtboot.bin" -device ramfb -kernel "$kernel" \
	${initrd:+-initrd "$initrd"} ${append:+-append "$append"} "$@"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
	set -- "$@" -serial mon:stdio	# QEMU's default display: a window
else
	set -- "$@" -nographic		# no screen: serial on stdio only
fi
echo "run: $qemu $*"
exec "$qemu" "$@"
