// SPDX-License-Identifier: MIT
/* mw - memory write (fill) as U-Boot's: mw[.b|.w|.l|.q] addr value [count] */
#include <command.h>
#include <memaccess.h>
#include <virtboot.h>

static int do_mw(int argc, char *argv[])
{
	int size = parse_size_suffix(argv[0], 4);
	uint64_t addr, value, count = 1, len, i;

	if (size < 0 || argc < 3 || argc > 4)
		return -EINVAL;
	if (parse_hex(argv[1], &addr))
		return cmd_bad_number(argv[0], argv[1]);
	if (parse_hex(argv[2], &value))
		return cmd_bad_number(argv[0], argv[2]);
	if (argc == 4 && parse_hex(argv[3], &count))
		return cmd_bad_number(argv[0], argv[3]);
	if (cmd_range(argv[0], addr, count, size, &len) ||
	    cmd_check_write(argv[0], addr, len, false))
		return -EFAULT;
	for (i = 0; i < count; i++)
		mem_write(addr + i * size, size, value);
	return 0;
}

COMMAND(mw, .run = do_mw,
	.usage = "mw[.b, .w, .l, .q] address value [count]",
	.summary = "memory write (fill)");
