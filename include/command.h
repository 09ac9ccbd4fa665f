/* SPDX-License-Identifier: MIT */
/*
 * command.h - shell commands. Each command is one const struct placed in
 * the .commands section by COMMAND(); the shell walks the section, which
 * the linker sorts by name, so help lists them alphabetically.
 */
#ifndef COMMAND_H
#define COMMAND_H

#include <errno.h>
#include <parse.h>
#include <stdbool.h>
#include <stdint.h>

struct command {
	const char *name;
	/* 0 on success; -EINVAL makes the shell print the usage; any other
	 * failure is a negative errno after the command said why. */
	int (*run)(int argc, char *argv[]);
	/* For an empty line after this command: go on where it stopped
	 * (only md does, as in U-Boot). */
	int (*repeat)(void);
	const char *usage;	/* "md[.b|.w|.l|.q] address [count]" */
	const char *summary;	/* one line for help */
	const char *help;	/* more lines for "help name", or NULL */
};

#define COMMAND_NAMED(id, cmdname, ...) \
	static const struct command __command_##id \
	__attribute__((used, section(".commands." cmdname), aligned(8))) = { \
		.name = cmdname, __VA_ARGS__ }
#define COMMAND(id, ...)	COMMAND_NAMED(id, #id, __VA_ARGS__)

/* The command argv[0] names: the part before a '.' (md.b is md). */
const struct command *command_find(const char *name);
const struct command *command_first(void);
const struct command *command_next(const struct command *cmd);
/* Run one command; prints U-Boot's message for an unknown one and the
 * usage for -EINVAL. Returns 0 or 1 (the value of $?). */
int command_run(int argc, char *argv[]);
/* The command that last ran, if it can be repeated by an empty line. */
const struct command *command_repeatable(void);
/* Repeat it (an empty line), guarded as command_run() is. Returns 0 or 1
 * (the value of $?); 0 if there is nothing to repeat. */
int command_repeat(void);

/* Parse helpers shared by the commands (parse_hex, parse_dec in parse.h).
 * All print nothing. */
/* The access size from a ".b/.w/.l/.q" suffix of argv[0] (default 4),
 * or -EINVAL for any other suffix. */
int parse_size_suffix(const char *cmd, unsigned int def);
/* One line of md's layout: "%08llx:", count values of size bytes each
 * (bytes holds them in memory order; little-endian), blanks up to
 * per_line values, four spaces, the bytes as ASCII ('.' if unprintable). */
void cmd_print_line(uint64_t addr, const uint8_t *bytes, unsigned int size,
		    unsigned int count, unsigned int per_line);
/* "N bytes read in T ms (R MiB/s)", as U-Boot's load commands (the time
 * to the microsecond). */
void cmd_print_rate(uint64_t bytes, uint64_t us);
/* "T.TTT ms (R.R MiB/s)" for bytes moved in us microseconds (the rate
 * left out for 0 us), as U-Boot's load and unzip lines have it. */
void print_time_rate(uint64_t bytes, uint64_t us);
/* Print "<cmd>: bad number 'x'" and return -EINVAL's sibling -ERANGE so
 * the shell does not print the usage on top. */
int cmd_bad_number(const char *cmd, const char *arg);
/* The bytes of count objects of size bytes at addr, in *len: -ERANGE
 * (said, as "<cmd>: ...") when that overflows or runs past the end of
 * the address space. */
/* 0 if every page of [addr, addr + len) is mapped, else -EFAULT, said
 * ("<cmd>: nothing is mapped at 0x..."): for commands that read a whole
 * range (crc32, hash) rather than fault in the middle of it. */
int cmd_readable(const char *cmd, uint64_t addr, uint64_t len);
int cmd_range(const char *cmd, uint64_t addr, uint64_t count,
	      unsigned int size, uint64_t *len);
/* Whether a command may write [addr, addr + len): 0, or -EFAULT (said)
 * when the range is partly RAM, or overlaps the loader's own memory,
 * reserved memory, anything else the allocator holds, or the live device
 * tree. Outside RAM (device registers) is the user's business. With
 * ram_only (DMA destinations), a range outside RAM is refused too. */
int cmd_check_write(const char *cmd, uint64_t addr, uint64_t len,
		    bool ram_only);

#endif
