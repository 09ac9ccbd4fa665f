/* SPDX-License-Identifier: MIT */
/*
 * gpio.h - GPIO controllers and the lines consumers name in the device
 * tree ("gpios = <&controller pin flags>", Documentation/devicetree/
 * bindings/gpio/gpio.txt: flags bit 0 = active low).
 */
#ifndef GPIO_H
#define GPIO_H

#include <stdbool.h>
#include <stdint.h>

struct device;

struct gpio_chip {
	const struct device *dev;	/* its node's phandle is the key */
	unsigned int ngpio;
	/* Make the pin an output driving value (true = high). */
	int (*set_output)(struct gpio_chip *chip, unsigned int pin,
			  bool value);
	void *priv;
	struct gpio_chip *next;
};

struct gpio_desc {
	struct gpio_chip *chip;
	unsigned int pin;
	bool active_low;
};

int gpio_chip_register(struct gpio_chip *chip);
/* The index-th line of a consumer's property (e.g. "gpios"). -EAGAIN if
 * its controller is not probed yet, -ENOENT without the property. */
int gpio_get_by_prop(const struct device *dev, const char *prop, int index,
		     struct gpio_desc *desc);
/* Drive the line to its active (true) or inactive level. */
int gpio_set(const struct gpio_desc *desc, bool active);

#endif
