// SPDX-License-Identifier: MIT
/* cp - memory copy as U-Boot's: cp[.b|.w|.l|.q] source target count */
#include <command.h>
#include <memaccess.h>
#include <virtboot.h>

static int do_cp(int argc, char *argv[])
{
	int size = parse_size_suffix(argv[0], 4);
	uint64_t src, dst, count, len, i;

	if (size < 0 || argc != 4)
		return -EINVAL;
	if (parse_hex(argv[1], &src))
		return cmd_bad_number(argv[0], argv[1]);
	if (parse_hex(argv[2], &dst))
		return cmd_bad_number(argv[0], argv[2]);
	if (parse_hex(argv[3], &count))
		return cmd_bad_number(argv[0], argv[3]);
	if (cmd_range(argv[0], src, count, size, &len) ||
	    cmd_range(argv[0], dst, count, size, &len) ||
	    cmd_check_write(argv[0], dst, len, false))
		return -EFAULT;
	if (dst > src && dst < src + len) {	/* overlap: backwards */
		for (i = count; i-- > 0;)
			mem_write(dst + i * size, size,
				  mem_read(src + i * size, size));
	} else {
		for (i = 0; i < count; i++)
			mem_write(dst + i * size, size,
				  mem_read(src + i * size, size));
	}
	return 0;
}

COMMAND(cp, .run = do_cp,
	.usage = "cp[.b, .w, .l, .q] source target count",
	.summary = "memory copy");
