#!/bin/sh
# SPDX-License-Identifier: MIT
# deps.sh - install what building, running and testing virtboot needs, from
# Debian's packages only: the host tools through apt, and the arm64 packages
# (libfdt, the demo kernel, busybox) unpacked into a cache outside the tree,
# and the source packages of the libraries built here (lwIP, zlib, BearSSL).
#
#   scripts/deps.sh          install whatever is missing, say what it does
#   scripts/deps.sh --print  print the arm64 sysroot directory and exit
#   scripts/deps.sh --print-cache
#                            print the cache directory and exit: the arm64
#                            packages in arm64/, each source package in a
#                            directory of its name
set -eu

CACHE=${VIRTBOOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/virtboot}
SYSROOT=$CACHE/arm64
if [ "${1:-}" = "--print" ]; then
	echo "$SYSROOT"
	exit 0
fi
if [ "${1:-}" = "--print-cache" ]; then
	echo "$CACHE"
	exit 0
fi

# seabios only for vgabios-ramfb.bin: without it QEMU warns at every start
# with -device ramfb (the option ROM is for x86 guests; unused here);
# ipxe-qemu likewise for efi-virtio.rom, without which -device
# virtio-net-pci fails to start ("failed to find romfile").
# clang-14 and libclang-rt-14-dev (libFuzzer's runtime) for the fuzz targets.
# libubootenv-tool (fw_printenv) and u-boot-qemu (Debian's U-Boot for qemu_arm64)
# read and write the saved environment in the tests, as the other side.
HOST_PKGS="make gcc gcc-aarch64-linux-gnu picolibc-aarch64-linux-gnu \
libfdt-dev qemu-system-arm device-tree-compiler python3 python3-kconfiglib \
python3-pytest python3-pexpect cpio gzip seabios ipxe-qemu clang-14 \
libclang-rt-14-dev \
e2fsprogs dosfstools mtools fdisk gdisk zlib1g-dev u-boot-tools u-boot-menu \
libubootenv-tool u-boot-qemu openssl libbearssl-dev dpkg-dev"
ARM64_PKGS="libfdt-dev libfdt1 busybox-static linux-image-arm64"

say() { echo "deps: $*"; }

# apt fetches as the unprivileged _apt user, which cannot enter a cache
# under root's home: as root, fetch as root, without apt's warning about it.
SANDBOX=""
[ "$(id -u)" = 0 ] && SANDBOX="-oAPT::Sandbox::User=root"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing=""
for p in $HOST_PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	say "installing Debian packages:$missing"
	as_root apt-get update -q
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q \
		--no-install-recommends $missing
fi

# The arm64 packages, fetched without adding arm64 to the host's dpkg
# architectures: a private apt state directory keeps the host untouched.
# Each package unpacked leaves a stamp, so a package added to the list is
# fetched into an existing cache on the next run. A cache from before the
# stamps (one ".complete" file) holds the first four.
stamps=$SYSROOT/.pkgs
if [ -f "$SYSROOT/.complete" ] && [ ! -d "$stamps" ]; then
	mkdir -p "$stamps"
	for p in libfdt-dev libfdt1 busybox-static linux-image-arm64; do
		touch "$stamps/$p"
	done
fi
need=""
for p in $ARM64_PKGS; do
	[ -f "$stamps/$p" ] || need="$need $p"
done
if [ -n "$need" ]; then
	say "fetching arm64 packages into $CACHE:$need"
	lists=$CACHE/apt-lists
	debs=$CACHE/debs
	mkdir -p "$lists/partial" "$debs" "$SYSROOT" "$stamps"
	APT="-oAPT::Architecture=arm64 -oAPT::Architectures=arm64 \
-oDir::State::Lists=$lists -oDir::Cache=$CACHE/apt-cache \
-oDebug::NoLocking=1 $SANDBOX"
	mkdir -p "$CACHE/apt-cache/archives/partial"
	apt-get $APT update -q
	new=$(mktemp -d "$CACHE/new.XXXXXX")
	for p in $need; do
		pkg=$p
		# linux-image-arm64 is a metapackage: resolve it to the
		# versioned image.
		if [ "$p" = linux-image-arm64 ]; then
			pkg=$(apt-cache $APT depends linux-image-arm64 |
				sed -n 's/^ *Depends: \(linux-image-[0-9].*-arm64\)$/\1/p' |
				head -n1)
			[ -n "$pkg" ] ||
				{ say "cannot resolve linux-image-arm64"; exit 1; }
		fi
		(cd "$new" && apt-get $APT download "$pkg")
	done
	for d in "$new"/*.deb; do
		dpkg -x "$d" "$SYSROOT"
		mv "$d" "$debs/"
	done
	rmdir "$new"
	for p in $need; do
		touch "$stamps/$p"
	done
	touch "$SYSROOT/.complete"
	say "arm64 packages unpacked in $SYSROOT"
fi

# Libraries built from their Debian source packages, fetched with a
# temporary deb-src list and private apt state and unpacked into the cache
# (the Makefile builds the parts it needs, at -Os with function sections):
# lwIP, which Debian ships only as a Unix shared library; zlib and BearSSL,
# whose arm64 static libraries link whole objects, with frame pointers,
# zlib's at -O3 (together 14 KiB more than the same code built here).
srcs=""
for p in lwip zlib bearssl; do
	[ -f "$CACHE/$p/.complete" ] || srcs="$srcs $p"
done
if [ -n "$srcs" ]; then
	say "fetching source packages into $CACHE:$srcs"
	src=$CACHE/src
	rm -rf "$src"
	mkdir -p "$src/lists/partial" "$src/cache/archives/partial" "$src/dl"
	printf 'deb-src http://deb.debian.org/debian bookworm main\n' \
		> "$src/sources.list"
	SAPT="-oDir::Etc::SourceList=$src/sources.list \
-oDir::Etc::SourceParts=/nonexistent -oDir::State::Lists=$src/lists \
-oDir::Cache=$src/cache -oDebug::NoLocking=1 $SANDBOX"
	apt-get $SAPT update -q
	for p in $srcs; do
		dir=$CACHE/$p
		rm -rf "$dir"
		(cd "$src/dl" && apt-get $SAPT source --download-only "$p")
		(cd "$src/dl" && dpkg-source --no-check --no-copy -x ${p}_*.dsc "$dir")
		touch "$dir/.complete"
		say "$p sources in $dir"
	done
	rm -rf "$src"
fi
