// SPDX-License-Identifier: MIT
/* crc32 - checksum of a memory range, printed as U-Boot's
 * "crc32 for <start> ... <end> ==> <crc>"; optionally stored at addr. */
#include <command.h>
#include <crc32.h>
#include <memaccess.h>
#include <virtboot.h>

static int do_crc32(int argc, char *argv[])
{
	uint64_t addr, len, store;
	uint32_t crc;

	if (argc < 3 || argc > 4)
		return -EINVAL;
	if (parse_hex(argv[1], &addr))
		return cmd_bad_number(argv[0], argv[1]);
	if (parse_hex(argv[2], &len))
		return cmd_bad_number(argv[0], argv[2]);
	if (argc == 4 && parse_hex(argv[3], &store))
		return cmd_bad_number(argv[0], argv[3]);
	if (cmd_range(argv[0], addr, len, 1, &len) ||
	    cmd_readable(argv[0], addr, len) ||
	    (argc == 4 && cmd_check_write(argv[0], store, 4, false)))
		return -EFAULT;
	crc = crc32(0, (const void *)(uintptr_t)addr, len);
	printf("crc32 for %08llx ... %08llx ==> %08x\n",
	       (unsigned long long)addr,
	       (unsigned long long)(addr + len - (len ? 1 : 0)), crc);
	if (argc == 4)
		mem_write(store, 4, __builtin_bswap32(crc));	/* big-endian */
	return 0;
}

COMMAND(crc32, .run = do_crc32, .usage = "crc32 address count [addr]",
	.summary = "checksum calculation",
	.help = "    - compute CRC32 checksum [save at addr]\n");
