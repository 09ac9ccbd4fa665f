/* SPDX-License-Identifier: MIT */
/*
 * driver.h - the driver model: drivers register themselves with DRIVER()
 * and the compatible strings they handle; drivers_probe() walks the device
 * tree (status "okay" nodes only) and probes each match.
 */
#ifndef DRIVER_H
#define DRIVER_H

#include <stdbool.h>
#include <stdint.h>

struct device {
	const struct driver *driver;
	const void *fdt;
	int node;
	const char *name;	/* the node's name, e.g. "pl011@9000000" */
	void *priv;		/* the driver's state */
};

struct driver {
	const char *name;
	const char *const *compatible;	/* NULL-terminated */
	/* 0 or a negative errno: -ENODEV quietly declines the node, -EAGAIN
	 * asks to be probed again after the other devices. */
	int (*probe)(struct device *dev);
};

#define DRIVER(n) \
	static const struct driver __driver_##n \
	__attribute__((used, section(".drivers." #n), aligned(8)))

/* Probe the node /chosen/stdout-path names first (the console), then every
 * enabled node (dt_node_is_enabled) with a driver. Errors are reported,
 * never fatal. */
void drivers_probe(const void *fdt);

/* Probed devices, in probe order (for the "dm" listing). */
int drivers_count(void);
const struct device *drivers_device(int i);

/* The first probed device of the named driver, or NULL. */
struct device *drivers_find(const char *driver_name);

/* Address and size of the index-th "reg" entry of a device. */
int dev_read_reg(const struct device *dev, int index, uint64_t *addr,
		 uint64_t *size);

#endif
