// SPDX-License-Identifier: MIT
/*
 * booti - boot an arm64 Linux Image (or a gzip-compressed one) already
 * in memory, U-Boot's syntax: booti [-n] kernel_addr [initrd_addr:size |
 * -] [fdt_addr]; -n is a dry run that prints where everything would go
 * (Linux booting.rst).
 */
#include <boot.h>
#include <command.h>
#include <dt.h>
#include <libfdt.h>
#include <mem.h>
#include <string.h>
#include <virtboot.h>

static int do_booti(int argc, char *argv[])
{
	struct boot_spec s = { .kernel = 0 };
	uint64_t fdt;
	char *colon;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		s.dry_run = true;
		argc--;
		argv++;
	}
	if (argc < 2 || argc > 4)
		return -EINVAL;
	if (parse_hex(argv[1], &s.kernel))
		return cmd_bad_number("booti", argv[1]);
	if (argc > 2 && strcmp(argv[2], "-")) {
		colon = strchr(argv[2], ':');
		if (!colon) {
			printf("booti: give the initrd's size: %s:size (e.g. ${filesize})\n",
			       argv[2]);
			return -EINVAL;
		}
		*colon = '\0';
		if (parse_hex(argv[2], &s.initrd))
			return cmd_bad_number("booti", argv[2]);
		if (parse_hex(colon + 1, &s.initrd_size))
			return cmd_bad_number("booti", colon + 1);
	}
	if (argc > 3) {
		if (parse_hex(argv[3], &fdt))
			return cmd_bad_number("booti", argv[3]);
		if (!mem_is_ram(fdt, sizeof(struct fdt_header)) ||
		    fdt_check_header((void *)(uintptr_t)fdt)) {
			printf("booti: no device tree at 0x%llx\n",
			       (unsigned long long)fdt);
			return -ENOEXEC;
		}
		/* All of it, as the loader's own, before libfdt walks it. */
		if (!mem_is_ram(fdt, fdt_totalsize((void *)(uintptr_t)fdt))) {
			printf("booti: the device tree at 0x%llx runs past RAM\n",
			       (unsigned long long)fdt);
			return -ENOEXEC;
		}
		if (dt_check_tree((void *)(uintptr_t)fdt))
			return -ENOEXEC;
		s.fdt = (void *)(uintptr_t)fdt;
	}
	return boot_linux(&s);
}

COMMAND(booti, .run = do_booti,
	.usage = "booti [-n] kernel_addr [initrd_addr:size | -] [fdt_addr]",
	.summary = "boot an arm64 Linux Image from memory",
	.help = "  -n: dry run, print where kernel, initrd and DTB would go\n"
		"  an Image.gz is inflated straight to the kernel's place;\n"
		"  the DTB is fdt_addr's or the live tree, with /chosen fixed up;\n"
		"  kernel_addr_r, ramdisk_addr_r, fdt_addr_r and bootargs apply");
