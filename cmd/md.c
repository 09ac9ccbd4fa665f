// SPDX-License-Identifier: MIT
/* md - memory display in U-Boot's layout: "%08x:", the values, the bytes
 * as ASCII; Enter on an empty line goes on with the next block. */
#include <command.h>
#include <console.h>
#include <memaccess.h>
#include <virtboot.h>

#define LINE_BYTES 16

static struct {
	uint64_t addr;
	uint64_t count;		/* objects */
	unsigned int size;	/* bytes per object */
} md = { .count = 0x40, .size = 4 };

/* md.count objects from md.addr on; md.addr ends where the next block
 * (an empty line) starts. */
static int md_show(void)
{
	unsigned int per_line = LINE_BYTES / md.size, n, i, b;
	uint8_t bytes[LINE_BYTES];
	uint64_t left, v;

	for (left = md.count; left; left -= n) {
		n = MIN(left, per_line);
		for (i = 0; i < n; i++) {
			v = mem_read(md.addr + i * md.size, md.size);
			for (b = 0; b < md.size; b++)
				bytes[i * md.size + b] = v >> (8 * b);
		}
		cmd_print_line(md.addr, bytes, md.size, n, per_line);
		md.addr += n * md.size;
		if (console_ctrlc()) {
			printf("<INTERRUPT>\n");
			return -EINTR;
		}
	}
	return 0;
}

static int do_md(int argc, char *argv[])
{
	int size = parse_size_suffix(argv[0], 4);
	uint64_t addr, count = md.count, len;

	if (size < 0 || argc < 2 || argc > 3)
		return -EINVAL;
	if (parse_hex(argv[1], &addr))
		return cmd_bad_number(argv[0], argv[1]);
	if (argc == 3 && (parse_hex(argv[2], &count) || !count))
		return cmd_bad_number(argv[0], argv[2]);
	if (cmd_range(argv[0], addr, count, size, &len))
		return -EFAULT;
	md.addr = addr;
	md.size = size;
	md.count = count;
	return md_show();
}

static int md_repeat(void)
{
	return md_show();
}

COMMAND(md, .run = do_md, .repeat = md_repeat,
	.usage = "md[.b, .w, .l, .q] address [# of objects]",
	.summary = "memory display");
