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

static int md_show(void)
{
	uint64_t addr = md.addr, left = md.count, v;
	unsigned int per_line = LINE_BYTES / md.size, i, b;
	uint8_t bytes[LINE_BYTES];
	char ascii[LINE_BYTES + 1];

	while (left) {
		unsigned int n = left < per_line ? left : per_line;

		printf("%08llx:", (unsigned long long)addr);
		for (i = 0; i < n; i++) {
			v = mem_read(addr + i * md.size, md.size);
			printf(" %0*llx", md.size * 2, (unsigned long long)v);
			for (b = 0; b < md.size; b++)
				bytes[i * md.size + b] = v >> (8 * b);
		}
		printf("%*s    ", (int)((per_line - n) * (md.size * 2 + 1)), "");
		for (b = 0; b < n * md.size; b++)
			ascii[b] = bytes[b] >= 0x20 && bytes[b] < 0x7f ?
				   bytes[b] : '.';
		ascii[b] = '\0';
		printf("%s\n", ascii);
		addr += n * md.size;
		left -= n;
		md.addr = addr;
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
	uint64_t addr, count = md.count;

	if (size < 0 || argc < 2 || argc > 3)
		return -EINVAL;
	if (parse_hex(argv[1], &addr))
		return cmd_bad_number(argv[0], argv[1]);
	if (argc == 3 && (parse_hex(argv[2], &count) || !count))
		return cmd_bad_number(argv[0], argv[2]);
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
