// SPDX-License-Identifier: MIT
/* gpio.c - GPIO lines by device-tree reference (phandle, pin, flags) to
 * whichever controller registered for that phandle. */
#include <driver.h>
#include <errno.h>
#include <gpio.h>
#include <libfdt.h>

static struct gpio_chip *chips;

int gpio_chip_register(struct gpio_chip *chip)
{
	chip->next = chips;
	chips = chip;
	return 0;
}

int gpio_get_by_prop(const struct device *dev, const char *prop, int index,
		     struct gpio_desc *desc)
{
	const fdt32_t *cells;
	struct gpio_chip *chip;
	uint32_t phandle;
	int len;

	/* QEMU's controllers all have #gpio-cells = <2>. */
	cells = fdt_getprop(dev->fdt, dev->node, prop, &len);
	if (!cells)
		return -ENOENT;
	if (len < (index + 1) * 12)
		return -EINVAL;
	cells += index * 3;
	phandle = fdt32_to_cpu(cells[0]);
	for (chip = chips; chip; chip = chip->next)
		if (fdt_get_phandle(chip->dev->fdt, chip->dev->node) == phandle)
			break;
	if (!chip)
		return -EAGAIN;
	desc->chip = chip;
	desc->pin = fdt32_to_cpu(cells[1]);
	desc->active_low = fdt32_to_cpu(cells[2]) & 1;
	return desc->pin < chip->ngpio ? 0 : -EINVAL;
}

int gpio_set(const struct gpio_desc *desc, bool active)
{
	return desc->chip->set_output(desc->chip, desc->pin,
				      active != desc->active_low);
}
