// SPDX-License-Identifier: MIT
/* unzip - inflate gzip data (RFC 1952) in memory, as U-Boot's: unzip
 * srcaddr dstaddr [dstsize]; sets filesize. The destination is checked
 * as for the memory commands, and the input stops where the output
 * starts (or the output where the input starts), so neither overruns
 * the other. */
#include <command.h>
#include <env.h>
#include <gunzip.h>
#include <dt.h>
#include <libfdt.h>
#include <mem.h>
#include <region.h>
#include <timer.h>
#include <virtboot.h>

/* From addr to the next reservation, the live tree or the end of its
 * RAM bank, whichever comes first. */
static uint64_t free_room(uint64_t addr)
{
	uint64_t room = mem_ram_left(addr);
	const void *fdt = dt_blob();
	const struct region *r;
	int i;

	for (i = 0; i < region_count(); i++) {
		r = region_at(i);
		if (r->base > addr)
			room = MIN(room, r->base - addr);
	}
	if (fdt && (uintptr_t)fdt > addr)
		room = MIN(room, (uintptr_t)fdt - addr);
	return room;
}

static int do_unzip(int argc, char *argv[])
{
	uint64_t src, dst, room, len, us;
	const char *why;
	size_t out;
	int err;

	if (argc < 3 || argc > 4)
		return -EINVAL;
	if (parse_hex(argv[1], &src))
		return cmd_bad_number("unzip", argv[1]);
	if (parse_hex(argv[2], &dst))
		return cmd_bad_number("unzip", argv[2]);
	len = mem_ram_left(src);
	if (len < 3) {
		printf("unzip: 0x%llx is not in RAM\n", (unsigned long long)src);
		return -EFAULT;
	}
	if (argc > 3) {
		if (parse_hex(argv[3], &room))
			return cmd_bad_number("unzip", argv[3]);
	} else {
		room = free_room(dst);
	}
	if (dst == src) {
		printf("unzip: source and destination are the same\n");
		return -EINVAL;
	}
	if (dst > src)
		len = MIN(len, dst - src);
	else
		room = MIN(room, src - dst);
	if (!room) {
		printf("unzip: no room at 0x%llx\n", (unsigned long long)dst);
		return -EFAULT;
	}
	err = cmd_check_write("unzip", dst, room, true);
	if (err)
		return err;
	us = timer_us();
	err = gunzip((void *)(uintptr_t)dst, room, (void *)(uintptr_t)src,
		     len, &out, &why);
	us = timer_us() - us;
	if (err) {
		printf("Error: cannot inflate the data at 0x%llx: %s\n",
		       (unsigned long long)src, why);
		return -EIO;
	}
	printf("Uncompressed size: %zu = 0x%zX\n", out, out);
	cmd_print_rate(out, us);
	env_set_hex("filesize", out);
	return 0;
}

COMMAND(unzip, .run = do_unzip, .usage = "unzip srcaddr dstaddr [dstsize]",
	.summary = "unzip a memory region",
	.help = "  inflate gzip data at srcaddr to dstaddr, at most dstsize bytes\n"
		"  (default: up to the next reserved range, the end of RAM or the\n"
		"  source); sets filesize");
