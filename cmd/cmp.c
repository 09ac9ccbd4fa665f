// SPDX-License-Identifier: MIT
/* cmp - memory compare with U-Boot's messages:
 * cmp[.b|.w|.l|.q] addr1 addr2 count */
#include <command.h>
#include <memaccess.h>
#include <virtboot.h>

static const char *unit_name(int size)
{
	switch (size) {
	case 1: return "byte";
	case 2: return "halfword";
	case 8: return "double word";
	default: return "word";
	}
}

static int do_cmp(int argc, char *argv[])
{
	int size = parse_size_suffix(argv[0], 4);
	uint64_t a, b, count, len, i, va, vb;
	const char *unit = unit_name(size);

	if (size < 0 || argc != 4)
		return -EINVAL;
	if (parse_hex(argv[1], &a))
		return cmd_bad_number(argv[0], argv[1]);
	if (parse_hex(argv[2], &b))
		return cmd_bad_number(argv[0], argv[2]);
	if (parse_hex(argv[3], &count))
		return cmd_bad_number(argv[0], argv[3]);
	if (cmd_range(argv[0], a, count, size, &len) ||
	    cmd_range(argv[0], b, count, size, &len))
		return -EFAULT;
	for (i = 0; i < count; i++) {
		va = mem_read(a + i * size, size);
		vb = mem_read(b + i * size, size);
		if (va != vb) {
			printf("%s at 0x%08llx (0x%0*llx) != %s at 0x%08llx (0x%0*llx)\n",
			       unit, (unsigned long long)(a + i * size),
			       size * 2, (unsigned long long)va, unit,
			       (unsigned long long)(b + i * size), size * 2,
			       (unsigned long long)vb);
			break;
		}
	}
	printf("Total of %llu %s(s) were the same\n", (unsigned long long)i,
	       unit);
	return i == count ? 0 : -EIO;
}

COMMAND(cmp, .run = do_cmp,
	.usage = "cmp[.b, .w, .l, .q] addr1 addr2 count",
	.summary = "memory compare");
