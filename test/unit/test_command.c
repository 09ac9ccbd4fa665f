// SPDX-License-Identifier: MIT
/* Unit tests for lib/command.c's number parsing. */
#include <command.h>
#include <stdint.h>

/* The linker-made command list, empty on the host. */
const struct command __commands_start[1], __commands_end[1];

UNIT_MAIN(
	uint64_t v;

	CHECK(parse_hex("40000000", &v) == 0 && v == 0x40000000);
	CHECK(parse_hex("0x1F", &v) == 0 && v == 0x1f);
	CHECK(parse_hex("0XaB", &v) == 0 && v == 0xab);
	CHECK(parse_hex("ffffffffffffffff", &v) == 0 && v == UINT64_MAX);
	CHECK(parse_hex("10000000000000000", &v) == -EINVAL);
	CHECK(parse_hex("", &v) == -EINVAL);
	CHECK(parse_hex("0x", &v) == -EINVAL);
	CHECK(parse_hex("12g", &v) == -EINVAL);
	CHECK(parse_hex("-1", &v) == -EINVAL);
	CHECK(parse_hex(" 1", &v) == -EINVAL);
	CHECK(parse_dec("1234", &v) == 0 && v == 1234);
	CHECK(parse_dec("12a", &v) == -EINVAL);
	CHECK(parse_dec("-5", &v) == -EINVAL);
	CHECK(parse_size_suffix("md", 4) == 4);
	CHECK(parse_size_suffix("md.b", 4) == 1);
	CHECK(parse_size_suffix("md.w", 4) == 2);
	CHECK(parse_size_suffix("md.l", 4) == 4);
	CHECK(parse_size_suffix("md.q", 4) == 8);
	CHECK(parse_size_suffix("md.x", 4) == -EINVAL);
	CHECK(parse_size_suffix("md.bb", 4) == -EINVAL);
	CHECK(command_find("md") == NULL);
)
