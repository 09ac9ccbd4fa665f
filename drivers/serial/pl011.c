// SPDX-License-Identifier: MIT
/* pl011.c - ARM PrimeCell PL011 UART (ARM DDI 0183), polled. The UART
 * that /chosen/stdout-path names becomes the serial console, once its
 * identification registers say a PL011 is really there. */
#define pr_fmt(fmt) "pl011: " fmt
#include <driver.h>
#include <dt.h>
#include <errno.h>
#include <io.h>
#include <pl011.h>
#include <stdlib.h>
#include <virtboot.h>

#define UART_DR		0x00
#define UART_FR		0x18
#define  FR_TXFF	(1 << 5)
#define  FR_RXFE	(1 << 4)
#define UART_LCR_H	0x2c
#define  LCR_H_FEN	(1 << 4)
#define  LCR_H_WLEN8	(3 << 5)
#define UART_CR		0x30
#define  CR_UARTEN	(1 << 0)
#define  CR_TXE		(1 << 8)
#define  CR_RXE		(1 << 9)
#define UART_IMSC	0x38
/* Identification (ARM DDI 0183 3.3.14-15): four registers each, one byte
 * in bits 7:0 of each, read as one little-endian word. */
#define UART_PERIPHID0	0xfe0
#define  PERIPH_PART(id)	((id) & 0xfff)
#define  PART_PL011	0x011
#define UART_PCELLID0	0xff0
#define  PRIMECELL_ID	0xb105f00dU

static void pl011_putc(struct console *con, char c)
{
	struct pl011 *uart = con->priv;

	while (readl(uart->base + UART_FR) & FR_TXFF)
		;
	writel((unsigned char)c, uart->base + UART_DR);
}

static int pl011_getc(struct console *con)
{
	struct pl011 *uart = con->priv;

	if (readl(uart->base + UART_FR) & FR_RXFE)
		return -1;
	return readl(uart->base + UART_DR) & 0xff;
}

static uint32_t id_word(uintptr_t reg)
{
	uint32_t id = 0;
	int i;

	for (i = 0; i < 4; i++)
		id |= (readl(reg + 4 * i) & 0xff) << (8 * i);
	return id;
}

bool pl011_is_present(uintptr_t base, uint32_t *periph_id,
		      uint32_t *cell_id)
{
	*periph_id = id_word(base + UART_PERIPHID0);
	*cell_id = id_word(base + UART_PCELLID0);
	return *cell_id == PRIMECELL_ID && PERIPH_PART(*periph_id) == PART_PL011;
}

int pl011_console_init(struct pl011 *uart, uintptr_t base)
{
	uart->base = base;
	/* The baud rate is left as the previous stage (or QEMU) set it:
	 * 8N1 with FIFOs, receive and transmit on, interrupts off. */
	writel(0, base + UART_IMSC);
	writel(LCR_H_WLEN8 | LCR_H_FEN, base + UART_LCR_H);
	writel(CR_UARTEN | CR_TXE | CR_RXE, base + UART_CR);
	uart->con = (struct console){
		.name = "serial", .put_char = pl011_putc, .get_char = pl011_getc,
		.priv = uart,
	};
	return console_register(&uart->con);
}

static int pl011_probe(struct device *dev)
{
	uint32_t periph_id, cell_id;
	struct pl011 *uart;
	uint64_t base;
	int err;

	err = dev_read_reg(dev, 0, &base, NULL);
	if (err)
		return err;
	/* Only the UART that stdout-path names is the console; another one
	 * has no user here. */
	if (dt_stdout_node(dev->fdt) != dev->node)
		return -ENODEV;
	if (console_find("serial"))
		return -EBUSY;	/* the board's fallback console has it */
	/* A tree may name an address where nothing is: writes there vanish
	 * without a fault on QEMU, and so would all output. The words read
	 * back from the identification registers tell. */
	if (!pl011_is_present(base, &periph_id, &cell_id)) {
		pr_err("%s: no PL011 at 0x%llx (PrimeCell ID 0x%08x, peripheral ID 0x%08x)\n",
		       dev->name, (unsigned long long)base, cell_id, periph_id);
		return -ENODEV;
	}
	uart = malloc(sizeof(*uart));
	if (!uart)
		return -ENOMEM;
	dev->priv = uart;
	return pl011_console_init(uart, base);
}

static const char *const pl011_compatible[] = { "arm,pl011", NULL };

DRIVER(pl011) = {
	.name = "pl011",
	.compatible = pl011_compatible,
	.probe = pl011_probe,
};
