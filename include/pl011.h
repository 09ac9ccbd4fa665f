/* SPDX-License-Identifier: MIT */
/* pl011.h - the PL011 UART as a console, for the driver and for the
 * board's fallback console when there is no usable device tree. */
#ifndef PL011_H
#define PL011_H

#include <console.h>
#include <stdbool.h>
#include <stdint.h>

struct pl011 {
	uintptr_t base;
	struct console con;
};

/* True if the identification registers at base read as a PL011's
 * (PrimeCell ID 0xb105f00d, part number 0x011); the words read are
 * returned for messages. */
bool pl011_is_present(uintptr_t base, uint32_t *periph_id,
		      uint32_t *cell_id);
/* Initialise the UART at base and register it as the "serial" console. */
int pl011_console_init(struct pl011 *uart, uintptr_t base);

#endif
