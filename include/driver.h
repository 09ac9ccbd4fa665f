/* SPDX-License-Identifier: MIT */
/*
 * driver.h - the driver model. Drivers register themselves with DRIVER().
 * A driver for a device-tree node lists its compatible strings; a driver
 * for a device that a bus found (a PCI function, a virtio device) names
 * that bus and an ID table the bus's match() reads. drivers_probe() walks
 * the tree (enabled nodes only) and probes each match; a bus driver's
 * probe enumerates its bus and adds each child with device_add(), which
 * probes the child's driver in turn.
 */
#ifndef DRIVER_H
#define DRIVER_H

#include <stdbool.h>
#include <stdint.h>

struct driver;
struct device;

struct bus_type {
	const char *name;		/* "pci", "virtio" */
	/* Whether drv (one of this bus's drivers) handles dev. */
	bool (*match)(const struct device *dev, const struct driver *drv);
};

struct device {
	const struct driver *driver;	/* NULL: none bound */
	struct device *parent;		/* NULL: from the device tree */
	const struct bus_type *bus;	/* NULL: from the device tree */
	const void *fdt;
	int node;			/* the tree node, or -1 */
	int parent_node;		/* its parent node, or -1 */
	char name[32];			/* "pl011@9000000", "00.01.00" */
	void *priv;			/* the bound driver's state */
	void *bus_priv;			/* what the bus knows of it */
};

struct driver {
	const char *name;
	const struct bus_type *bus;	/* NULL: a device-tree driver */
	const char *const *compatible;	/* tree: NULL-terminated */
	const void *ids;		/* a bus's ID table (its match()) */
	/* 0 or a negative errno: -ENODEV quietly declines the device,
	 * -EAGAIN asks to be probed again after the other devices. */
	int (*probe)(struct device *dev);
};

#define DRIVER(n) \
	static const struct driver __driver_##n \
	__attribute__((used, section(".drivers." #n), aligned(8)))

/* Probe the node /chosen/stdout-path names first (the console), then every
 * enabled node (dt_node_is_enabled) with a driver. Errors are reported,
 * never fatal. */
void drivers_probe(const void *fdt);

/*
 * A bus driver adds a device it found: it is named, recorded (bound or
 * not) and, when one of the bus's drivers matches it, probed. Returns the
 * device, or NULL when the table is full (said). The device keeps
 * bus_priv (owned by the bus) for its whole life.
 */
struct device *device_add(struct device *parent, const struct bus_type *bus,
			  const char *name, void *bus_priv);

/* Every device, in the order they were found (for listings). */
int drivers_count(void);
const struct device *drivers_device(int i);

/* The first bound device of the named driver, or NULL. */
struct device *drivers_find(const char *driver_name);

/* Address and size of the index-th "reg" entry of a device. */
int dev_read_reg(const struct device *dev, int index, uint64_t *addr,
		 uint64_t *size);

#endif
