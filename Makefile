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

SYSROOT := $(shell scripts/deps.sh --print)
LIBFDT  := $(SYSROOT)/usr/lib/aarch64-linux-gnu/libfdt.a
LIBZ    := $(SYSROOT)/usr/lib/aarch64-linux-gnu/libz.a
LIBBEARSSL := $(SYSROOT)/usr/lib/aarch64-linux-gnu/libbearssl.a
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
CFLAGS := --specs=picolibc.specs -std=gnu11 -Os -g -flto -ffreestanding \
	-fno-common -ffunction-sections -fdata-sections -fno-pie \
	-fstack-protector-strong -march=armv8-a \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wshadow \
	-Iinclude -I$(O)/include -isystem $(SYSROOT)/usr/include \
	-include $(O)/include/generated/autoconf.h
ASFLAGS := $(CFLAGS) -D__ASSEMBLY__
# Cortex-A53 erratum 843419: ADR's 1 MiB reach covers the flash but not
# the RAM at 1 GiB, so an affected ADRP of a RAM symbol (where one lands
# depends on the layout) cannot be rewritten as ADR and needs a veneer:
# "full" does both (the veneers' 4 KiB alignment costs up to a page).
# No segment may be writable and executable: --fatal-warnings turns the
# linker's RWX warning (and any other) into an error.
# printf without floating point (the loader prints none: rates and times
# are formatted from integers), 4.9 KiB smaller than picolibc's default.
LDFLAGS := --specs=picolibc.specs -DPICOLIBC_INTEGER_PRINTF_SCANF \
	-Os -flto=auto -nostartfiles -static -no-pie \
	-T arch/arm64/virtboot.lds -Wl,--gc-sections -Wl,--fatal-warnings \
	-Wl,--fix-cortex-a53-843419=full \
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
# boot/, lib/, the NIC and BMP drivers); -fstack-protector (functions with
# character arrays) in the commands, the other drivers, arch and board,
# which parse only what the user types and what the devices say. 12 KiB.
SSP_STRONG := $(O)/drivers/net/% $(O)/drivers/video/bmp.o
$(filter-out $(SSP_STRONG),$(filter $(O)/cmd/% $(O)/drivers/% $(O)/arch/% \
	$(O)/board/%,$(OBJS))): CFLAGS += -fstack-protector
$(O)/%.o: %.c $(O)/include/generated/autoconf.h $(O)/include/generated/version.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) $(CFLAGS_$(notdir $@)) -MMD -MP -c -o $@ $<

$(O)/%.o: %.S $(O)/include/generated/autoconf.h
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

# --- lwIP -------------------------------------------------------------------
# From Debian's source package (scripts/deps.sh unpacks it outside the
# tree), built with our net/lwip/lwipopts.h: only what DHCP, ARP, IPv4,
# UDP and ICMP need. Its own flags: its warnings are not ours to -Werror.
LWIP_OBJS :=
ifeq ($(CONFIG_NET),y)
LWIP := $(shell scripts/deps.sh --print-lwip)
LWIP_SRCS := core/init.c core/def.c core/inet_chksum.c core/ip.c core/mem.c \
	core/memp.c core/netif.c core/pbuf.c core/timeouts.c \
	core/udp.c core/ipv4/dhcp.c core/ipv4/etharp.c \
	core/ipv4/ip4.c core/ipv4/ip4_addr.c netif/ethernet.c
LWIP_OBJS := $(addprefix $(O)/lwip/,$(LWIP_SRCS:.c=.o))
LWIP_INC := -isystem net/lwip -isystem $(LWIP)/src/include
LWIP_CFLAGS := --specs=picolibc.specs -std=gnu11 -Os -g -flto -ffreestanding \
	-fno-common -ffunction-sections -fdata-sections -fno-pie \
	-march=armv8-a -w -isystem $(SYSROOT)/usr/include $(LWIP_INC) \
	-Dmem_init=lwip_mem_init
$(O)/net/%.o: CFLAGS += $(LWIP_INC)
$(filter $(O)/net/%,$(OBJS)): | $(LWIP)/.complete
$(addprefix $(LWIP)/src/,$(LWIP_SRCS)): | $(LWIP)/.complete
$(LWIP)/.complete:
	@scripts/deps.sh
$(O)/lwip/%.o: $(LWIP)/src/%.c net/lwip/lwipopts.h net/lwip/arch/cc.h
	@mkdir -p $(dir $@)
	@echo "  CC      lwip/$*.c"
	@$(CC) $(LWIP_CFLAGS) -MMD -MP -c -o $@ $<
-include $(LWIP_OBJS:.o=.d)
endif

# Only what is used comes out of the archives (zlib's inflate for gzip,
# BearSSL's SHA-2 and RSA verification for FIT images).
$(O)/virtboot.elf: $(OBJS) $(LWIP_OBJS) arch/arm64/virtboot.lds $(LIBFDT) \
		$(LIBZ) $(LIBBEARSSL)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LWIP_OBJS) $(LIBFDT) $(LIBZ) \
		$(LIBBEARSSL)

# The budget (doc/performance.md): the whole image with every default
# feature fits in SIZE_LIMIT; growing past it fails the build. It was
# 256 KiB until the network stack, FIT verification, the hush shell and
# the saved environment came together (275-278 KiB with all of them); the way
# back under 256 KiB is in doc/performance.md.
SIZE_LIMIT := 294912
$(O)/virtboot.bin: $(O)/virtboot.elf
	@$(OBJCOPY) -O binary $< $@
	@size=$$(stat -c %s $@); echo "  IMAGE   $@ ($$size bytes)"; \
	 if [ $$size -gt $(SIZE_LIMIT) ]; then \
		echo "error: $@ is $$size bytes, over the $(SIZE_LIMIT)-byte budget" >&2; \
		rm -f $@; exit 1; \
	 fi

$(LIBFDT) $(LIBZ) $(LIBBEARSSL):
	@scripts/deps.sh

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
