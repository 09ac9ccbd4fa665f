// SPDX-License-Identifier: MIT
/* pl061.c - ARM PrimeCell PL061 GPIO controller (ARM DDI 0190), outputs
 * only: QEMU's secure one drives the machine's reset and power-off. */
#include <driver.h>
#include <errno.h>
#include <gpio.h>
#include <io.h>
#include <stdlib.h>

#define GPIODATA	0x000	/* address bits [9:2] mask the pins written */
#define GPIODIR		0x400	/* 1 = output */
#define PL061_NGPIO	8

static int pl061_set_output(struct gpio_chip *chip, unsigned int pin,
			    bool value)
{
	uintptr_t base = (uintptr_t)chip->priv;

	writel(value ? 1u << pin : 0, base + GPIODATA + (4u << pin));
	writel(readl(base + GPIODIR) | 1u << pin, base + GPIODIR);
	return 0;
}

static int pl061_probe(struct device *dev)
{
	struct gpio_chip *chip;
	uint64_t base;
	int err;

	err = dev_read_reg(dev, 0, &base, NULL);
	if (err)
		return err;
	chip = calloc(1, sizeof(*chip));
	if (!chip)
		return -ENOMEM;
	chip->dev = dev;
	chip->ngpio = PL061_NGPIO;
	chip->set_output = pl061_set_output;
	chip->priv = (void *)(uintptr_t)base;
	dev->priv = chip;
	return gpio_chip_register(chip);
}

static const char *const pl061_compatible[] = { "arm,pl061", NULL };

DRIVER(pl061) = {
	.name = "pl061",
	.compatible = pl061_compatible,
	.probe = pl061_probe,
};
