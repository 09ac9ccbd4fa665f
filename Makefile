# SPDX-License-Identifier: MIT
# virtboot - top-level build: Kconfig (python3-kconfiglib), Kbuild-style
# object lists (obj-$(CONFIG_X) += x.o in each directory's Makefile), one
# flat image for QEMU's -bios.

VERSION      := 2026.11
O            ?= build
PYTHON       ?= /usr/bin/python3
CROSS_COMPILE ?= aarch64-linux-gnu-
QEMU         ?= qemu-system-aarch64

CC      := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
SIZE    := $(CROSS_COMPILE)size
HOSTCC  ?= gcc

# What scripts/deps.sh fetches: the arm64 packages (libfdt, the demo
# kernel) and the source packages of lwIP, zlib and BearSSL.
CACHE   := $(shell scripts/deps.sh --print-cache)
SYSROOT := $(CACHE)/arm64
LIBFDT  := $(SYSROOT)/usr/lib/aarch64-linux-gnu/libfdt.a
LWIP    := $(CACHE)/lwip
ZLIB    := $(CACHE)/zlib
BEARSSL := $(CACHE)/bearssl
KCONFIG := KCONFIG_CONFIG=$(O)/.config $(PYTHON) -m
DEFCONFIG ?= qemu_virt_defconfig

# Targets that need no configuration.
NOCONFIG := %_defconfig menuconfig savedefconfig clean distclean deps help \
	fuzz test-fuzz
ifeq ($(filter-out $(NOCONFIG),$(or $(MAKECMDGOALS),all)),)
NEED_CONFIG :=
else
NEED_CONFIG := y
endif

.PHONY: all deps clean distclean menuconfig savedefconfig run test \
	test-unit test-fuzz test-py fuzz bench help FORCE
all: $(O)/virtboot.bin

ifeq ($(NEED_CONFIG),y)
-include $(O)/.config
endif

# --- configuration --------------------------------------------------------
# A missing .config comes from the default defconfig; an existing one is
# brought up to date with new Kconfig options (make then restarts).
$(O)/.config: Kconfig
	@mkdir -p $(O)
	@if [ -f $@ ]; then \
		$(KCONFIG) olddefconfig Kconfig >/dev/null; \
	else \
		echo "  CONFIG  no $@: using configs/$(DEFCONFIG)"; \
		$(KCONFIG) defconfig --kconfig Kconfig configs/$(DEFCONFIG) >/dev/null; \
	fi
	@touch $@

%_defconfig: configs/%_defconfig
	@mkdir -p $(O)
	$(KCONFIG) defconfig --kconfig Kconfig $<

menuconfig:
	@mkdir -p $(O)
	$(KCONFIG) menuconfig Kconfig

savedefconfig: $(O)/.config
	$(KCONFIG) savedefconfig --kconfig Kconfig --out $(O)/defconfig
	@echo "  wrote $(O)/defconfig"

$(O)/include/generated/autoconf.h: $(O)/.config
	@mkdir -p $(dir $@)
	@$(KCONFIG) genconfig --header-path $@ Kconfig

$(O)/include/generated/version.h: FORCE
	@mkdir -p $(dir $@)
	@date=$$(git log -1 --format=%cd --date=format:'%b %d %Y - %H:%M:%S' 2>/dev/null || date '+%b %d %Y - %H:%M:%S'); \
	 printf '#define VIRTBOOT_VERSION "%s"\n#define VIRTBOOT_BUILD_DATE "%s"\n' \
		'$(VERSION)' "$$date" > $@.tmp; \
	 cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

# --- object lists -----------------------------------------------------------
OBJS :=
DIRS := arch/arm64 board/qemu-virt drivers drivers/serial drivers/firmware \
	drivers/video drivers/gpio drivers/power drivers/pci drivers/virtio \
	drivers/block drivers/mtd drivers/net fs net boot lib cmd

define include_dir
obj-y :=
include $(1)/Makefile
OBJS += $$(addprefix $(O)/$(1)/,$$(obj-y))
endef
$(foreach d,$(DIRS),$(eval $(call include_dir,$(d))))

# --- flags ----------------------------------------------------------------
# -Os: the loader's own code is never its hot path (copies are picolibc's,
# inflation zlib's, transfers the devices'), and -Os is 13% smaller than
# -O2, the room the network stack and the crypto need in the 256 KiB budget.
# -flto: the link optimizes across files (inlining, dead code), about 2%
# smaller; files with flags of their own below are kept out of it.
# -fomit-frame-pointer: 7 KiB; nothing walks frame records (an exception
# report gives the registers and ELR, which the ELF's symbols place).
CFLAGS := --specs=picolibc.specs -std=gnu11 -Os -g -flto -ffreestanding \
	-fomit-frame-pointer -fno-common -ffunction-sections -fdata-sections \
	-fno-pie -fstack-protector-strong -march=armv8-a \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wshadow \
	-Iinclude -I$(O)/include -isystem $(ZLIB) -isystem $(BEARSSL)/inc \
	-isystem $(SYSROOT)/usr/include \
	-include $(O)/include/generated/autoconf.h
ASFLAGS := $(CFLAGS) -D__ASSEMBLY__
# No segment may be writable and executable: --fatal-warnings turns the
# linker's RWX warning (and any other) into an error.
# printf without floating point (the loader prints none: rates and times
# are formatted from integers), 4.9 KiB smaller than picolibc's default.
LDFLAGS := --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF \
	-Os -flto=auto -fomit-frame-pointer -nostartfiles -static -no-pie \
	-T arch/arm64/virtboot.lds -Wl,--gc-sections -Wl,--fatal-warnings \
	-Wl,-Map,$(O)/virtboot.map

# Code that runs before the MMU is on (all accesses are Device memory there)
# must never make an unaligned access or call a library routine.
CFLAGS_mmu.o := -mstrict-align -fno-builtin -fno-stack-protector -fno-lto
# The ARMv8 CRC32 instructions (used when the CPU says it has them).
CFLAGS_crc32.o := -march=armv8-a+crc -fno-lto
# The SHA-256 block function on the ARMv8 SHA-2 instructions (called only
# when the CPU has them), at -O2: it is the hot loop of FIT verification.
CFLAGS_sha256_ce.o := -march=armv8-a+crypto -O2 -fno-lto
# The pixel loops are the start-up's hot path (the splash): -O2 halves it.
CFLAGS_fb_draw.o := -O2
# The guard value the compiler's stack checks read by name.
CFLAGS_stack_protector.o := -fno-lto

# The stack canary: -fstack-protector-strong (every function with a local
# array or an address-taken local) where bytes from outside are parsed
# (filesystems, packets, images, scripts, env files, BMPs: fs/, net/,
# boot/, lib/, the NIC and BMP drivers, and lwIP, zlib and BearSSL);
# -fstack-protector (functions with character arrays) in the commands, the
# other drivers, arch and board, which parse only what the user types and
# what the devices say. 12 KiB less than strong everywhere.
SSP_STRONG := $(O)/drivers/net/% $(O)/drivers/video/bmp.o
$(filter-out $(SSP_STRONG),$(filter $(O)/cmd/% $(O)/drivers/% $(O)/arch/% \
	$(O)/board/%,$(OBJS))): CFLAGS += -fstack-protector
# Every object depends on this Makefile, which holds the flags: a change of
# flags rebuilds what it changes.
$(O)/%.o: %.c $(O)/include/generated/autoconf.h $(O)/include/generated/version.h \
		Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(CFLAGS_$(notdir $@)) -MMD -MP -c -o $@ $<

$(O)/%.o: %.S $(O)/include/generated/autoconf.h Makefile
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(ASFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# FIT public keys built in: make KEYS=keys.dtb (from mkimage -K) puts the
# file in .rodata between fit_builtin_keys and fit_builtin_keys_end;
# without KEYS the two are equal (no keys built in).
ifeq ($(CONFIG_FIT),y)
OBJS += $(O)/boot/fit_keys.o
$(O)/boot/fit_keys.S: FORCE
	@mkdir -p $(dir $@)
	@{ echo '.section .rodata.fit_keys,"a"'; echo '.balign 8'; \
	   echo '.global fit_builtin_keys, fit_builtin_keys_end'; \
	   echo 'fit_builtin_keys:'; \
	   $(if $(KEYS),echo '.incbin "$(abspath $(KEYS))"';) \
	   echo 'fit_builtin_keys_end:'; } > $@.tmp; \
	 cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@
$(O)/boot/fit_keys.o: $(O)/boot/fit_keys.S $(KEYS)
	@echo "  AS      $<$(if $(KEYS), (keys: $(KEYS)))"
	@$(CC) $(ASFLAGS) -c -o $@ $<
endif

# A source file of a library built here ($(1): its name in the log) with
# that library's flags ($(2)).
define lib_cc
	@mkdir -p $(dir $@)
	@echo "  CC      $(1)/$*.c"
	@$(CC) $(2) -MMD -MP -c -o $@ $<
endef

# --- lwIP -------------------------------------------------------------------
# From Debian's source package (scripts/deps.sh unpacks it outside the
# tree), built with our net/lwip/lwipopts.h: only what DHCP, ARP, IPv4,
# UDP and ICMP need. Its own flags: its warnings are not ours to -Werror.
LWIP_OBJS :=
ifeq ($(CONFIG_NET),y)
LWIP_SRCS := core/init.c core/def.c core/inet_chksum.c core/ip.c core/mem.c \
	core/memp.c core/netif.c core/pbuf.c core/timeouts.c \
	core/udp.c core/ipv4/dhcp.c core/ipv4/etharp.c \
	core/ipv4/ip4.c core/ipv4/ip4_addr.c netif/ethernet.c
LWIP_OBJS := $(addprefix $(O)/lwip/,$(LWIP_SRCS:.c=.o))
LWIP_INC := -isystem net/lwip -isystem $(LWIP)/src/include
LWIP_CFLAGS := --specs=picolibc.specs -std=gnu11 -Os -g -flto -ffreestanding \
	-fomit-frame-pointer -fno-common -ffunction-sections -fdata-sections \
	-fno-pie -fstack-protector-strong -march=armv8-a -w \
	-isystem $(SYSROOT)/usr/include $(LWIP_INC) \
	-Dmem_init=lwip_mem_init
$(O)/net/%.o: CFLAGS += $(LWIP_INC)
$(addprefix $(LWIP)/src/,$(LWIP_SRCS)): | $(LWIP)/.complete
$(O)/lwip/%.o: $(LWIP)/src/%.c net/lwip/lwipopts.h net/lwip/arch/cc.h Makefile
	$(call lib_cc,lwip,$(LWIP_CFLAGS))
-include $(LWIP_OBJS:.o=.d)
endif

# --- zlib -------------------------------------------------------------------
# Its inflate, from Debian's source package (scripts/deps.sh): at -Os with
# function sections, and the hot loop (inffast.c) at -O2, half the size of
# Debian's libz.a objects at the same rate; outside the link-time
# optimization, which makes it 3.5 KiB larger. BUILDFIXED: the fixed
# Huffman tables are built in .bss at the first fixed block (2 KiB less
# image). Its crc32() is renamed so that the gzip trailer is checked by
# ours (lib/crc32.c: the CRC instructions).
ZLIB_OBJS :=
ifeq ($(CONFIG_GZIP),y)
ZLIB_SRCS := inflate.c inftrees.c inffast.c zutil.c adler32.c
ZLIB_OBJS := $(addprefix $(O)/zlib/,$(ZLIB_SRCS:.c=.o))
ZLIB_CFLAGS := --specs=picolibc.specs -Os -g -fomit-frame-pointer \
	-fstack-protector-strong -ffunction-sections -fdata-sections -fno-pie \
	-march=armv8-a -w -DBUILDFIXED -Dcrc32=zlib_crc32
$(O)/zlib/inffast.o: ZLIB_CFLAGS += -O2
$(addprefix $(ZLIB)/,$(ZLIB_SRCS)): | $(ZLIB)/.complete
$(O)/zlib/%.o: $(ZLIB)/%.c Makefile
	$(call lib_cc,zlib,$(ZLIB_CFLAGS))
-include $(ZLIB_OBJS:.o=.d)
endif

# --- BearSSL ----------------------------------------------------------------
# What the hashes and FIT verification use of it (SHA-1, SHA-2, RSA
# PKCS#1 v1.5 verification on 31-bit limbs), from Debian's source package,
# in the link-time optimization with our code (which drops what a
# configuration does not call); a function used from a file not listed
# here fails the link by name.
BEARSSL_OBJS :=
ifeq ($(CONFIG_HASH),y)
BEARSSL_SRCS := codec/ccopy.c codec/dec32be.c codec/dec64be.c codec/enc32be.c \
	codec/enc64be.c hash/sha1.c hash/sha2big.c hash/sha2small.c \
	int/i31_add.c int/i31_bitlen.c int/i31_decmod.c int/i31_decode.c \
	int/i31_encode.c int/i31_fmont.c int/i31_modpow2.c int/i31_montmul.c \
	int/i31_muladd.c int/i31_ninv31.c int/i31_sub.c int/i31_tmont.c \
	int/i32_div32.c rsa/rsa_i31_pkcs1_vrfy.c rsa/rsa_i31_pub.c \
	rsa/rsa_pkcs1_sig_unpad.c
BEARSSL_OBJS := $(addprefix $(O)/bearssl/,$(BEARSSL_SRCS:.c=.o))
BEARSSL_CFLAGS := --specs=picolibc.specs -Os -g -flto -fomit-frame-pointer \
	-fstack-protector-strong -ffunction-sections -fdata-sections -fno-pie \
	-march=armv8-a -w -I$(BEARSSL)/inc -I$(BEARSSL)/src
$(addprefix $(BEARSSL)/src/,$(BEARSSL_SRCS)): | $(BEARSSL)/.complete
$(O)/bearssl/%.o: $(BEARSSL)/src/%.c Makefile
	$(call lib_cc,bearssl,$(BEARSSL_CFLAGS))
-include $(BEARSSL_OBJS:.o=.d)
endif

LIB_OBJS := $(LWIP_OBJS) $(ZLIB_OBJS) $(BEARSSL_OBJS)
# Cortex-A53 erratum 843419 (an ADRP at offset 0xff8/0xffc of a page
# followed by certain loads and stores): the linker rewrites each such
# ADRP as an ADR when its target is within ADR's 1 MiB (the flash), and
# else sends the sequence through a veneer (a RAM symbol). A veneer
# section is padded to 4 KiB, and in "full" mode ld makes one for every
# sequence before it knows which an ADR fixes: a page of the image lost
# by chance of layout. So the link takes the rewrite alone ("adr": ld
# stops when one cannot be rewritten), with the code after the vectors
# shifted by 0, 16, 32 or 48 bytes until no sequence needs a veneer, and
# ld's veneers ("full") only when none of those layouts does.
$(O)/virtboot.elf: $(OBJS) $(LIB_OBJS) arch/arm64/virtboot.lds $(LIBFDT)
	@echo "  LD      $@"
	@for shift in 0 16 32 48 full; do \
		if [ $$shift = full ]; then \
			echo "  LD      $@ (with erratum 843419 veneers)"; \
			fix="-Wl,--fix-cortex-a53-843419=full"; \
		else \
			fix="-Wl,--fix-cortex-a53-843419=adr -Wl,--defsym=__text_shift=$$shift"; \
		fi; \
		if $(CC) $(LDFLAGS) $$fix -o $@ $(OBJS) $(LIB_OBJS) $(LIBFDT) \
			2>$@.log; then rc=0; break; fi; \
		rc=1; grep -q "843419=full instead" $@.log || break; \
	done; cat $@.log >&2; rm -f $@.log; exit $$rc

# The budget (doc/performance.md): the whole image with every default
# feature fits in 256 KiB; growing past it fails the build. Keys built in
# (KEYS=) are the user's data, counted on top.
SIZE_LIMIT := 262144
$(O)/virtboot.bin: $(O)/virtboot.elf
	@$(OBJCOPY) -O binary $< $@
	@size=$$(stat -c %s $@); echo "  IMAGE   $@ ($$size bytes)"; \
	 limit=$$(( $(SIZE_LIMIT) $(if $(KEYS),+ $$(stat -c %s $(KEYS))) )); \
	 if [ $$size -gt $$limit ]; then \
		echo "error: $@ is $$size bytes, over the $$limit-byte budget" >&2; \
		rm -f $@; exit 1; \
	 fi

# What scripts/deps.sh leaves (the arm64 packages' libraries and headers,
# the unpacked source packages), made by one run of it: a build started
# with plain `make` fetches them first.
DEPS_DONE := $(SYSROOT)/.complete $(LIBFDT) $(LWIP)/.complete \
	$(ZLIB)/.complete $(BEARSSL)/.complete
$(DEPS_DONE) &:
	@scripts/deps.sh
$(OBJS) $(LIB_OBJS): | $(DEPS_DONE)

deps:
	@scripts/deps.sh

# --- run, test, bench -------------------------------------------------------
KERNEL ?= $(O)/demo/Image
INITRD ?= $(O)/demo/initramfs.cpio.gz
APPEND ?= console=tty0 console=ttyAMA0
QEMU_ARGS ?=

run: deps $(O)/virtboot.bin $(filter $(O)/demo/%,$(KERNEL) $(INITRD))
	@scripts/run.sh "$(O)" "$(KERNEL)" "$(INITRD)" "$(APPEND)" $(QEMU_ARGS)

# The demo Linux: Debian's arm64 kernel and a busybox initramfs.
$(O)/demo/Image $(O)/demo/initramfs.cpio.gz &: scripts/mkdemo.sh \
		scripts/mkinitramfs.py
	@scripts/mkdemo.sh $(O)/demo

test: deps
	@$(MAKE) --no-print-directory $(O)/virtboot.bin
	@$(MAKE) --no-print-directory test-unit
	@$(MAKE) --no-print-directory test-fuzz
	@$(MAKE) --no-print-directory test-py

test-unit:
	@$(MAKE) --no-print-directory -f test/unit/Makefile O=$(O) SYSROOT=$(SYSROOT)

# libFuzzer targets (test/fuzz): FUZZ_TIME seconds each for `make fuzz`, a
# few seconds each within `make test`; fails on a crash. New corpus entries
# and crash files go to $(O)/fuzz.
FUZZ_TIME ?= 60
TEST_FUZZ_TIME ?= 3
fuzz: deps
	@$(MAKE) --no-print-directory -f test/fuzz/Makefile O=$(O) FUZZ_TIME=$(FUZZ_TIME)

test-fuzz:
	@$(MAKE) --no-print-directory -f test/fuzz/Makefile O=$(O) FUZZ_TIME=$(TEST_FUZZ_TIME)

test-py: $(O)/virtboot.bin
	cd test/py && VIRTBOOT_BUILD=$(abspath $(O)) $(PYTHON) -m pytest -q $(PYTEST_ARGS)

bench: deps $(O)/virtboot.bin
	@$(PYTHON) scripts/bench.py --build $(O) $(foreach f,$(FW),--fw $(f)) $(BENCH_ARGS)

clean:
	rm -rf $(O)/*.o $(O)/*/ $(O)/virtboot.*

distclean:
	rm -rf $(O)

help:
	@echo "make [O=dir]        build $(O)/virtboot.bin (default config: $(DEFCONFIG))"
	@echo "make run            boot it in QEMU with the demo Linux"
	@echo "make test           host unit tests, short fuzz runs, test/py against QEMU"
	@echo "make fuzz           each libFuzzer target FUZZ_TIME (60) seconds"
	@echo "make bench          boot-time figures against QEMU's direct boot"
	@echo "make menuconfig | savedefconfig | <name>_defconfig | clean"
