/* SPDX-License-Identifier: MIT */
/* virtboot.h - what every file may use: sizes, logging, panic, version. */
#ifndef VIRTBOOT_H
#define VIRTBOOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <generated/version.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))
#define __stringify_1(x) #x
#define __stringify(x)	__stringify_1(x)

/* 1 if the Kconfig option is y, else 0, usable in C expressions
 * (autoconf.h defines CONFIG_X as 1 for y and nothing for n). */
#define __is_enabled_1		0,
#define __second(ignored, val, ...) val
#define __is_enabled(junk)	__second(junk 1, 0, 0)
#define __is_enabled_x(val)	__is_enabled(__is_enabled_##val)
#define IS_ENABLED(option)	__is_enabled_x(option)

#define SZ_1K		0x400UL
#define SZ_1M		0x100000UL
#define SZ_2M		0x200000UL
#define SZ_1G		0x40000000UL

/* Each file may define pr_fmt() before including this header to give its
 * log lines a prefix, e.g. #define pr_fmt(fmt) "pl011: " fmt */
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_err(fmt, ...)	printf(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printf(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printf(pr_fmt(fmt), ##__VA_ARGS__)

/* The text of a (positive) errno value, as strerror() gives it, for the
 * errors the loader returns; "error N" for any other. */
const char *errno_str(int err);

/* "virtboot 2026.11 (Nov 21 2026 - 12:00:00)" */
extern const char version_string[];

/* Print why, then stop this CPU for good: only when nothing can go on. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
