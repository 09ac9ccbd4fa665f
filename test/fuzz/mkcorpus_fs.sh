#!/bin/sh
# SPDX-License-Identifier: MIT
# mkcorpus_fs.sh - make the seed inputs of the partition and filesystem
# fuzz targets with the real tools: tiny FAT12/16 and ext2/ext4 images
# (trailing zeros cut off: the targets read past the input as zeros), an
# MBR with logical partitions and a GPT disk. The seeds are committed;
# run this again only to change them.
#
#   test/fuzz/mkcorpus_fs.sh [CORPUS_DIR]     (default test/fuzz/corpus)
set -eu

CORPUS=$(cd "${1:-test/fuzz/corpus}" && pwd)
PATH=$PATH:/usr/sbin:/sbin
export MTOOLS_SKIP_CHECK=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# Cut trailing zero bytes, keeping whole 512-byte sectors.
trim() {
	python3 -c 'import sys
d = open(sys.argv[1], "rb").read().rstrip(b"\0")
d += b"\0" * (-len(d) % 512)
open(sys.argv[2], "wb").write(d)' "$1" "$2"
}

mkdir -p src/dir/sub
printf 'Hello, virtboot!\n' > src/hello.txt
printf 'deep\n' > src/dir/sub/file.txt
python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 12)' \
	> "src/A longer name.bin"
mkdir -p "$CORPUS/fat" "$CORPUS/ext4" "$CORPUS/part"

# FAT12 and FAT16 with a subdirectory, a long name, a multi-cluster file.
for t in 12 16; do
	size=100; [ $t = 16 ] && size=8400
	mkfs.vfat -C -F $t -i 1234abcd -n SEED -r 32 fat$t.img $size >/dev/null
	mmd -i fat$t.img ::/dir ::/dir/sub
	mcopy -i fat$t.img -s src/* ::/
	trim fat$t.img "$CORPUS/fat/fat$t.img"
done

# ext4 (extents) and ext2 (block maps), 1 KiB blocks, no journal.
cp -r src src2
ln -s dir/sub/file.txt src2/link
ln -s /hello.txt src2/abslink
mkfs.ext4 -q -F -t ext4 -b 1024 -N 32 -I 128 -O ^has_journal,^resize_inode \
	-E root_owner=0:0 -d src2 ext4.img 128k >/dev/null 2>&1
trim ext4.img "$CORPUS/ext4/ext4.img"
mkfs.ext4 -q -F -t ext2 -b 1024 -N 32 -I 128 -O ^resize_inode \
	-E root_owner=0:0 -d src2 ext2.img 128k >/dev/null 2>&1
trim ext2.img "$CORPUS/ext4/ext2.img"

# MBR: a bootable primary, an extended partition with two logical ones.
truncate -s 64k mbr.img
sfdisk -q --no-reread mbr.img >/dev/null 2>&1 <<SF
label: dos
label-id: 0xcafe0001
start=4, size=16, type=c, bootable
start=20, size=100, type=5
start=24, size=20, type=83
start=48, size=20, type=83
SF
cp mbr.img "$CORPUS/part/mbr.img"
# GPT on a 64 KiB disk (the backup header is its last sector).
truncate -s 64k gpt.img
sgdisk -a 1 -n 1:40:+16 -c 1:seed -A 1:set:2 -n 2:60:+8 -t 2:8300 \
	gpt.img >/dev/null
cp gpt.img "$CORPUS/part/gpt.img"
ls -l "$CORPUS"/*/
