/* SPDX-License-Identifier: MIT */
/*
 * boot.h - the boot flows (boot/): Linux placed and started from memory
 * (booti) or from what a flow loads straight to its place (fw_cfg now,
 * disks and the network next), through the region allocator and the
 * architecture's rules (arch_boot.h).
 */
#ifndef BOOT_H
#define BOOT_H

#include <image.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest command line arm64 Linux keeps: COMMAND_LINE_SIZE (2048)
 * with its NUL. Longer bootargs are refused rather than cut. */
#define BOOT_ARGS_MAX	2047

struct boot_spec {
	uint64_t kernel;	/* the Image in memory */
	uint64_t kernel_size;	/* bytes of the file (0: from the header) */
	uint64_t initrd;	/* in memory, left in place */
	uint64_t initrd_size;	/* 0: no initrd */
	const void *fdt;	/* the tree to fix up; NULL: the live tree */
	bool dry_run;		/* print where everything goes, boot nothing */
};

/*
 * Boot what is already in memory (booti): the kernel stays where it is
 * when that is a valid, free place, else it moves to the lowest one; the
 * initrd stays in place; the fixed-up tree goes to fdt_addr_r or the
 * lowest free 2 MiB. Does not return unless the boot failed (a message
 * said why, nothing stays reserved) or was a dry run (returns 0).
 */
int boot_linux(const struct boot_spec *spec);

/*
 * One attempt at booting, for flows that load straight to the final
 * place: init (the tree Linux gets is a fixed-up copy of fdt, kept safe
 * meanwhile), check the kernel's header, place the kernel and initrd
 * (kernel_addr_r / ramdisk_addr_r when set), load them, then finish:
 * the DTB is placed, fixed up and Linux entered, or the boot fails with
 * a message (or was a dry run: 0) and everything reserved is returned.
 * boot_abort() returns it on the flow's own failure.
 */
struct boot_attempt {
	uint64_t base[6];	/* what it reserved (at most 4) */
	int n;
	struct image_info img;
	const void *fdt_src;
};

void boot_attempt_init(struct boot_attempt *a, const void *fdt);
/* -ENOEXEC with "<where> is <what it is>, not an arm64 Image". */
int boot_check_kernel(struct boot_attempt *a, const void *hdr, size_t len,
		      uint64_t file_size, const char *where);
int boot_place_kernel(struct boot_attempt *a, uint64_t *load);
/* At want (the load address an image names) when that is a 2 MiB
 * boundary + text_offset and free RAM, else (said) as above. */
int boot_place_kernel_at(struct boot_attempt *a, uint64_t want,
			 uint64_t *load);
/* The same inside [min, max) (kernel_addr_r is taken as it is), saying
 * nothing: -ENOMEM when it does not fit there. */
int boot_place_kernel_in(struct boot_attempt *a, uint64_t min, uint64_t max,
			 uint64_t *load);
/* In the window the architecture allows for a kernel loaded at kernel. */
int boot_place_initrd(struct boot_attempt *a, uint64_t kernel, uint64_t size,
		      uint64_t *addr);
int boot_finish(struct boot_attempt *a, uint64_t kernel, uint64_t ksize,
		uint64_t initrd, uint64_t isize, bool dry_run);
void boot_abort(struct boot_attempt *a);

/* The pieces of the above, for flows with more to place (sysboot's
 * trees): reserve [base, base + size) for what (var: the variable that
 * named the place, for the message), or the lowest free place of size
 * bytes aligned so in [min, max). Said on failure; boot_abort() (or
 * boot_finish()) returns them. */
int boot_claim(struct boot_attempt *a, uint64_t base, uint64_t size,
	       const char *what, const char *var);
int boot_place(struct boot_attempt *a, uint64_t size, uint64_t align,
	       uint64_t min, uint64_t max, const char *what, uint64_t *base);
/* A placement variable (kernel_addr_r...): 0 when set, -ENOENT when not,
 * -EINVAL (said) when it is not a hexadecimal number. */
int boot_env_addr(const char *name, uint64_t *addr);

/*
 * A gzip-compressed Image (Image.gz) at src, at most src_len bytes:
 * its header is inflated first and checked, the kernel placed (at *want
 * when given, as boot_place_kernel_at(); else below the compressed data
 * when it fits, else above it, with the input then bounded by the
 * kernel's place), and the rest inflated straight there,
 * never past image_size. The rate is printed. *load and *size give the
 * kernel's address and inflated size. A dry run inflates only the
 * header. Bad data, a wrong CRC, a truncated stream or an Image larger
 * than its image_size is refused with one line.
 */
int boot_unzip_kernel(struct boot_attempt *a, uint64_t src, uint64_t src_len,
		      const uint64_t *want, bool dry_run, uint64_t *load,
		      uint64_t *size);

/*
 * Boot the kernel, initrd and command line QEMU passes in fw_cfg
 * (-kernel, -initrd, -append), read by DMA straight to their final
 * places (kernel_addr_r/ramdisk_addr_r when set). -ENOENT with a hint
 * when there is no kernel. A dry run reads only the kernel's header.
 */
int boot_fw_cfg(bool dry_run);

/*
 * Fix up the tree Linux gets (in a buffer with room to grow, e.g. after
 * fdt_open_into()): /chosen bootargs (removed when empty or NULL),
 * linux,initrd-start/-end (removed when initrd_end == initrd_start), and
 * "virtboot,version"; everything else, rng-seed and kaslr-seed included,
 * is kept. -ENOSPC when the buffer is too small.
 */
int boot_fdt_fixup(void *fdt, const char *bootargs, uint64_t initrd_start,
		   uint64_t initrd_end);

/* Set the default load addresses (boot/boot_addrs.c) from free RAM. */
int boot_addrs_init(void);
/* The distro boot scan over targets (boot/distro.c): returns when
 * nothing booted (-ENOENT, said) or on Ctrl-C (-EINTR). */
int distro_boot(const char *targets);

#endif
