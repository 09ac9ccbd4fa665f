// SPDX-License-Identifier: MIT
/* gpio_power.c - reset or power off by driving a GPIO line active
 * (Linux's gpio-restart and gpio-poweroff bindings); QEMU's secure=on
 * machine has both, for the firmware at EL3, which has no PSCI below it. */
#define pr_fmt(fmt) "gpio-power: " fmt
#include <driver.h>
#include <errno.h>
#include <gpio.h>
#include <libfdt.h>
#include <stdlib.h>
#include <sysreset.h>
#include <timer.h>

static struct gpio_desc restart_line, poweroff_line;

/* Active for the bindings' default 3 s timeout; QEMU acts on the edge. */
static int pulse(const struct gpio_desc *line)
{
	gpio_set(line, true);
	mdelay(3000);
	gpio_set(line, false);
	return -ETIMEDOUT;
}

static int gpio_restart(void)
{
	return pulse(&restart_line);
}

static int gpio_poweroff(void)
{
	return pulse(&poweroff_line);
}

static int gpio_power_probe(struct device *dev)
{
	bool is_restart = !fdt_node_check_compatible(dev->fdt, dev->node,
						     "gpio-restart");
	struct gpio_desc *line = is_restart ? &restart_line : &poweroff_line;
	struct sysreset *sr;
	int err;

	err = gpio_get_by_prop(dev, "gpios", 0, line);
	if (err)
		return err;
	sr = calloc(1, sizeof(*sr));
	if (!sr)
		return -ENOMEM;
	sr->name = is_restart ? "gpio-restart" : "gpio-poweroff";
	if (is_restart)
		sr->reset = gpio_restart;
	else
		sr->poweroff = gpio_poweroff;
	gpio_set(line, false);
	return sysreset_register(sr);
}

static const char *const gpio_power_compatible[] = {
	"gpio-restart", "gpio-poweroff", NULL,
};

DRIVER(gpio_power) = {
	.name = "gpio-power",
	.compatible = gpio_power_compatible,
	.probe = gpio_power_probe,
};
