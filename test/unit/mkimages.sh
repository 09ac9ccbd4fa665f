#!/bin/sh
# SPDX-License-Identifier: MIT
# mkimages.sh - build the disk images the partition and filesystem unit
# tests read, with the real tools (e2fsprogs, dosfstools, mtools, sfdisk,
# sgdisk), into the directory given (the build tree, never the source
# tree). The source files are kept there too, to compare what is read back.
#
#   test/unit/mkimages.sh OUTDIR
set -eu

OUT=$1
PATH=$PATH:/usr/sbin:/sbin
export MTOOLS_SKIP_CHECK=1 MTOOLS_NO_VFAT=0

for t in mkfs.ext4 mkfs.vfat mcopy mmd sfdisk sgdisk debugfs python3; do
	command -v $t >/dev/null || {
		echo "mkimages: $t is missing (scripts/deps.sh installs it)" >&2
		exit 1
	}
done

# Start afresh, but only over a directory this script made.
if [ -e "$OUT" ] && [ -n "$(ls -A "$OUT")" ] && [ ! -e "$OUT/.done" ] &&
   [ ! -e "$OUT/src" ]; then
	echo "mkimages: $OUT is not an image directory, not touching it" >&2
	exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT"

# Deterministic file contents: name, size, seed.
gen() {
	python3 -c 'import random, sys
n, seed = int(sys.argv[1]), int(sys.argv[2])
sys.stdout.buffer.write(random.Random(seed).randbytes(n))' "$2" "$3" > "$1"
}

# --- the files (common to FAT and ext4) -------------------------------------
mkdir -p src/dir/sub/deeper src/many
printf 'Hello, virtboot!\n' > src/hello.txt
gen src/big.bin 300000 1			# many clusters / blocks
gen "src/A long file name, with spaces.txt" 5000 2
printf 'deep\n' > src/dir/sub/deeper/file.txt
gen src/dir/sub/data.bin 70000 3
: > src/empty
i=0
while [ $i -lt 300 ]; do			# directory over many blocks
	printf 'entry %d\n' $i > "src/many/file_with_a_longer_name_$i.txt"
	i=$((i + 1))
done
d=src/deep
for l in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	d=$d/level$l
done
mkdir -p "$d"
printf 'bottom\n' > "$d/bottom.txt"
cp -r src fatsrc

# ext4 only: holes, symlinks.
python3 - <<'PY'
f = open("src/sparse.bin", "wb")
for off, seed in ((0, 10), (5 << 20, 11), (70 << 20, 12)):
    import random
    f.seek(off)
    f.write(random.Random(seed).randbytes(5000))
f.truncate((70 << 20) + 8192)
# 400 small pieces 8 KiB apart: as many extents, an extent tree of depth
# 1 (4 KiB blocks) or 2 (1 KiB blocks).
f = open("src/fragmented.bin", "wb")
for i in range(400):
    f.seek(i * 8192)
    f.write(random.Random(100 + i).randbytes(1000))
PY
ln -s /dir/sub/deeper/file.txt src/link_abs
ln -s dir/sub/deeper/file.txt src/link_rel
ln -s link_abs src/chain3
ln -s chain3 src/chain2
ln -s chain2 src/chain1
ln -s dir/sub src/dirlink
ln -s loop_b src/loop_a
ln -s loop_a src/loop_b
ln -s nowhere src/dangling
ln -s ./././././././././././././././././././././././././dir/sub/deeper/file.txt \
	src/slowlink
ln -s ../../hello.txt src/dir/sub/uplink

# --- ext2/3/4 ---------------------------------------------------------------
# "block offset" of an inode ("located at block B, offset 0xO").
imap() {
	debugfs -R "imap $1" "$img" 2>/dev/null |
		sed -n 's/.*at block \([0-9]*\), offset 0x\([0-9a-f]*\).*/\1 \2/p'
}

mke() {	# image size-KiB [-D] mkfs-options...
	img=$1 size=$2 index=
	shift 2
	[ "$1" = -D ] && { index=y; shift; }
	mkfs.ext4 -q -F -d src -L virtboot -E root_owner=0:0 "$@" \
		"$img" "${size}k" >/dev/null
	# -D: hash-indexed (htree) directories, as a kernel makes them; exit
	# status 1 only says e2fsck changed something.
	if [ -n "$index" ]; then
		e2fsck -fyD "$img" >/dev/null 2>&1 || [ $? -le 1 ]
	fi
	# Where two inodes and the root directory are, for damaging them.
	imap /big.bin > "$img.big.imap"
	imap / > "$img.root.imap"
	debugfs -R "blocks /" "$img" 2>/dev/null > "$img.root.blocks"
}
mke ext4.img 12288 -D -t ext4 -b 4096
mke ext4-1k.img 16384 -D -t ext4 -b 1024
mke ext4-noext.img 16384 -t ext4 -O ^extent,^64bit,^flex_bg -b 4096
mke ext4-metabg.img 16384 -t ext4 -O meta_bg,^resize_inode -b 1024
mke ext3.img 16384 -D -t ext3 -b 1024
mke ext2.img 16384 -t ext2 -b 1024
mke ext2-rev0.img 16384 -t ext2 -r 0 -b 1024	# no features at all

# --- FAT12/16/32 ------------------------------------------------------------
mkf() {	# image size-KiB mkfs.vfat-options...
	img=$1 size=$2
	shift 2
	mkfs.vfat -C -i 12345678 -n VIRTBOOT "$@" "$img" "$size" >/dev/null
	mmd -i "$img" ::/dir ::/dir/sub ::/dir/sub/deeper ::/many
	(cd fatsrc && mcopy -i "../$img" -s -p -Q * ::/)
}
mkf fat12.img 2048 -F 12
mkf fat16.img 16384 -F 16
mkf fat32.img 40960 -F 32 -s 1
mkf fat16-4k.img 24576 -F 16 -S 4096 -s 1	# 4 KiB sectors

# --- partitioned disks ------------------------------------------------------
# MBR: 1 FAT16 (bootable), 2 ext4, 3 extended with logical 5 (ext2) and
# 6 (FAT12). Sizes in 512-byte sectors.
truncate -s 64M mbr.img
sfdisk -q mbr.img <<SF
label: dos
label-id: 0x12345678
start=2048, size=32768, type=6, bootable
start=34816, size=24576, type=83
start=59392, type=5
start=61440, size=32768, type=83
start=96256, size=4096, type=1
SF
dd if=fat16.img of=mbr.img bs=512 seek=2048 conv=notrunc status=none
dd if=ext4.img of=mbr.img bs=512 seek=34816 conv=notrunc status=none
dd if=ext2.img of=mbr.img bs=512 seek=61440 conv=notrunc status=none
dd if=fat12.img of=mbr.img bs=512 seek=96256 conv=notrunc status=none

# GPT: 1 "EFI system" (FAT32), 2 "rootfs" (ext4, legacy BIOS bootable).
truncate -s 64M gpt.img
sgdisk -U 11111111-2222-3333-4444-555555555555 \
	-n 1:2048:+40M -t 1:ef00 -c 1:"EFI system" \
	-u 1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee \
	-n 2:0:+12M -t 2:8300 -c 2:"rootfs" -A 2:set:2 gpt.img >/dev/null
dd if=fat32.img of=gpt.img bs=512 seek=2048 conv=notrunc status=none
dd if=ext4.img of=gpt.img bs=512 seek=83968 conv=notrunc status=none

touch .done
