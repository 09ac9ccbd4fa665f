// SPDX-License-Identifier: MIT
/*
 * bootfw.c - boot what QEMU's command line hands over in fw_cfg (QEMU
 * docs/specs/fw_cfg.rst: -kernel, -initrd, -append): the kernel's header
 * first, then kernel and initrd read by DMA straight to the places
 * linux.c found, in chunks that move the progress bar.
 */
#define pr_fmt(fmt) "boot: " fmt
#include <boot.h>
#include <boot_hooks.h>
#include <bootstage.h>
#include <dt.h>
#include <env.h>
#include <errno.h>
#include <fw_cfg.h>
#include <image.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define LOAD_CHUNK	(8UL << 20)	/* per fw_cfg read: progress steps */

/* Read an item straight to addr in chunks, advancing the splash's
 * progress bar from done to done + size of total bytes; never more than
 * the room reserved there. */
static int load_item(uint16_t select, uint64_t addr, uint64_t size,
		     uint64_t room, const char *what, const char *stage,
		     uint64_t done, uint64_t total)
{
	uint64_t off, n, t0 = timer_ticks();
	int err;

	if (size > room) {
		pr_err("the %s (%llu bytes) is larger than the %llu reserved for it\n",
		       what, (unsigned long long)size,
		       (unsigned long long)room);
		return -EFBIG;
	}
	for (off = 0; off < size; off += n) {
		boot_progress(done + off, total);
		n = MIN(size - off, LOAD_CHUNK);
		err = fw_cfg_read(select, off, (void *)(uintptr_t)(addr + off),
				  n);
		if (err) {
			pr_err("reading the %s from fw_cfg failed: %d\n", what,
			       err);
			return err;
		}
	}
	boot_progress(done + size, total);
	bootstage_mark_load(stage, size, t0);
	return 0;
}

int boot_fw_cfg(bool dry_run)
{
	uint8_t hdr[IMAGE_HEADER_SIZE];
	struct boot_attempt a;
	uint64_t ksize, isize, kernel, initrd = 0;
	int err;

	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info()) {
		pr_err("no fw_cfg device: load a kernel and use booti\n");
		return -ENODEV;
	}
	if (fw_cfg_read_u32(FW_CFG_CMDLINE_SIZE) > 1 && !env_get("bootargs")) {
		pr_err("QEMU's -append did not reach bootargs (see above): not booting without it\n");
		return -E2BIG;
	}
	ksize = fw_cfg_read_u32(FW_CFG_KERNEL_SIZE);
	if (!ksize) {
		printf("No kernel in fw_cfg: start QEMU with -kernel Image [-initrd FILE] [-append ARGS], or load one and use booti\n");
		return -ENOENT;
	}
	memset(hdr, 0, sizeof(hdr));
	err = fw_cfg_read(FW_CFG_KERNEL_DATA, 0, hdr, MIN(ksize, sizeof(hdr)));
	if (err) {
		pr_err("reading the kernel header from fw_cfg failed: %d\n",
		       err);
		return err;
	}
	boot_attempt_init(&a, dt_blob());
	err = boot_check_kernel(&a, hdr, MIN(ksize, sizeof(hdr)), ksize,
				"the kernel in fw_cfg (-kernel)");
	if (!err)
		err = boot_place_kernel(&a, &kernel);
	isize = fw_cfg_read_u32(FW_CFG_INITRD_SIZE);
	if (!err && isize)
		err = boot_place_initrd(&a, kernel, isize, &initrd);
	if (!err && !dry_run)
		err = load_item(FW_CFG_KERNEL_DATA, kernel, ksize,
				a.img.image_size, "kernel", "kernel loaded", 0,
				ksize + isize);
	if (!err && !dry_run && isize)
		err = load_item(FW_CFG_INITRD_DATA, initrd, isize, isize,
				"initrd", "initrd loaded", ksize, ksize + isize);
	if (err) {
		boot_abort(&a);
		return err;
	}
	return boot_finish(&a, kernel, ksize, initrd, isize, dry_run);
}
