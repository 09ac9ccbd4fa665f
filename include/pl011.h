/* SPDX-License-Identifier: MIT */
/* pl011.h - the PL011 UART as a console, for the driver and for the
 * board's fallback console when there is no usable device tree. */
#ifndef PL011_H
#define PL011_H

#include <console.h>
#include <stdint.h>

struct pl011 {
	uintptr_t base;
	struct console con;
};

/* Initialise the UART at base and register it as the "serial" console. */
int pl011_console_init(struct pl011 *uart, uintptr_t base);

#endif
