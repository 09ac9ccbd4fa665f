#!/bin/sh
# SPDX-License-Identifier: MIT
# mkfit.sh - the FIT images test_fit reads, made by the real tools
# (Debian's mkimage, openssl, dtc) in DIR: a signed FIT and its keys, the
# same signed by a foreign key, an unsigned one, one with external data.
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
# A tiny arm64 Image ("b ." and the header's magic) and a ramdisk.
printf '\000\000\000\024' > k.img
head -c 52 /dev/zero >> k.img
printf 'ARM\144' >> k.img
head -c 4036 /dev/zero >> k.img
gzip -9nc k.img > k.img.gz
head -c 3000 /dev/urandom > rd.img
for k in dev foreign img; do
	mkdir -p "keys-$k"
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
		-out "keys-$k/$k.key" 2>/dev/null
	openssl req -batch -new -x509 -key "keys-$k/$k.key" \
		-out "keys-$k/$k.crt" -subj "/CN=$k" 2>/dev/null
done
its() {	# its NAME KEY|-
	sig=""
	[ "$2" = - ] || sig="signature-1 { algo = \"sha256,rsa2048\"; key-name-hint = \"$2\"; sign-images = \"kernel\", \"ramdisk\"; };"
	cat > "$1.its" <<ITS
/dts-v1/;
/ {
	description = "unit";
	#address-cells = <1>;
	images {
		kernel-1 {
			data = /incbin/("k.img.gz");
			type = "kernel"; arch = "arm64"; os = "linux";
			compression = "gzip"; load = <0x40400000>; entry = <0x40400000>;
			hash-1 { algo = "sha256"; };
			hash-2 { algo = "crc32"; };
		};
		kernel-2 {
			data = /incbin/("k.img");
			type = "kernel"; arch = "arm64"; os = "linux";
			compression = "none";
			hash-1 { algo = "sha512"; };
		};
		ramdisk-1 {
			data = /incbin/("rd.img");
			type = "ramdisk"; arch = "arm64"; os = "linux";
			compression = "none";
			hash-1 { algo = "sha1"; };
			hash-2 { algo = "sha384"; };
		};
	};
	configurations {
		default = "conf-1";
		conf-1 { kernel = "kernel-1"; ramdisk = "ramdisk-1"; $sig };
		conf-2 { kernel = "kernel-2"; $sig };
	};
};
ITS
}
printf '/dts-v1/;\n/ { };\n' > empty.dts
dtc -I dts -O dtb -o keys.dtb empty.dts
dtc -I dts -O dtb -o foreign-keys.dtb empty.dts
its signed dev
mkimage -f signed.its -k keys-dev -K keys.dtb -r signed.fit >/dev/null
its foreign foreign
mkimage -f foreign.its -k keys-foreign -K foreign-keys.dtb -r foreign.fit >/dev/null
its unsigned -
mkimage -f unsigned.its unsigned.fit >/dev/null
mkimage -E -f unsigned.its external.fit >/dev/null
# An image signed itself (its data), with its key required = "image".
sed 's|hash-1 { algo = "sha256"; };|hash-1 { algo = "sha256"; }; signature-1 { algo = "sha256,rsa2048"; key-name-hint = "img"; };|' \
	unsigned.its > imgsig.its
dtc -I dts -O dtb -o img-keys.dtb empty.dts
mkimage -f imgsig.its -k keys-img -K img-keys.dtb -r imgsig.fit >/dev/null
touch .done
