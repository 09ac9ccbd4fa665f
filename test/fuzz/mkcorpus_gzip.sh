#!/bin/sh
# SPDX-License-Identifier: MIT
# mkcorpus_gzip.sh - make the seed inputs of the gzip and legacy-image
# fuzz targets with the real tools: gzip streams (text, zeros, a stored
# block, a header with a name) and mkimage script images (one file, two
# files). Each seed starts with the byte the target reads as its option
# (step size, CRC fix-up). The seeds are committed; run this again only
# to change them.
#
#   test/fuzz/mkcorpus_gzip.sh [CORPUS_DIR]     (default test/fuzz/corpus)
set -eu

CORPUS=$(cd "${1:-test/fuzz/corpus}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir -p "$CORPUS/gunzip" "$CORPUS/legacy_image"

# seed OPTION-BYTE FILE OUT: the option byte, then the file.
seed() {
	printf "\\$(printf %o "$1")" > "$3"
	cat "$2" >> "$3"
}

printf 'setenv a 1\necho "${a} from a script"\n# comment\n' > script.txt
seq 1 400 > numbers.txt
head -c 3000 /dev/zero > zeros
python3 -c 'import os, sys; sys.stdout.buffer.write(os.urandom(300))' > random

gzip -9 -n -c numbers.txt > numbers.gz
gzip -c numbers.txt > named.gz			# with the file name
gzip -1 -n -c zeros > zeros.gz
gzip -n -c random > stored.gz			# a stored block
seed 0 numbers.gz "$CORPUS/gunzip/numbers"
seed 3 named.gz "$CORPUS/gunzip/named"
seed 200 zeros.gz "$CORPUS/gunzip/zeros"
seed 1 stored.gz "$CORPUS/gunzip/stored"

mkimage -A arm64 -T script -C none -n boot -d script.txt one.scr >/dev/null
mkimage -A arm64 -T script -C none -n two -d script.txt:numbers.txt \
	two.scr >/dev/null
seed 0 one.scr "$CORPUS/legacy_image/one"
seed 1 two.scr "$CORPUS/legacy_image/two"
