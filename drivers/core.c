// SPDX-License-Identifier: MIT
/*
 * core.c - driver model core: match device-tree nodes against the
 * registered drivers' compatible strings (Devicetree Specification v0.4,
 * 2.3.1 compatible, 2.3.4 status), and the devices buses find against
 * their drivers' ID tables; probe each match. A probe that faults (a
 * node whose reg points at nothing) costs that device only.
 */
#define pr_fmt(fmt) "dm: " fmt
#include <bootstage.h>
#include <driver.h>
#include <dt.h>
#include <errno.h>
#include <exception.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

extern const struct driver __drivers_start[], __drivers_end[];

#define MAX_DEVICES 96
static struct device devices[MAX_DEVICES];
static int ndevices;

static const struct driver *find_dt_driver(const void *fdt, int node)
{
	const struct driver *drv;
	const char *const *c;

	for (drv = __drivers_start; drv < __drivers_end; drv++)
		for (c = drv->compatible; !drv->bus && c && *c; c++)
			if (fdt_node_check_compatible(fdt, node, *c) == 0)
				return drv;
	return NULL;
}

static const struct driver *find_bus_driver(const struct device *dev)
{
	const struct driver *drv;

	for (drv = __drivers_start; drv < __drivers_end; drv++)
		if (drv->bus == dev->bus && dev->bus->match(dev, drv))
			return drv;
	return NULL;
}

static struct device *new_device(const char *name)
{
	struct device *dev;

	if (ndevices == MAX_DEVICES) {
		pr_err("more than %d devices, %s not probed\n", MAX_DEVICES,
		       name);
		return NULL;
	}
	dev = &devices[ndevices];
	*dev = (struct device){ .node = -1, .parent_node = -1 };
	snprintf(dev->name, sizeof(dev->name), "%s", name);
	return dev;
}

static int probe_dev(void *arg)
{
	struct device *dev = arg;

	return dev->driver->probe(dev);
}

/* Bind drv to dev: 0 when bound (or quietly declined), else the error. */
static int probe(struct device *dev, const struct driver *drv)
{
	struct exception_info fault;
	char why[96];
	int ret;

	dev->driver = drv;
	ret = exception_try(probe_dev, dev, &fault);
	if (exception_faulted()) {
		exception_describe(&fault, why, sizeof(why));
		pr_err("%s: %s probe faulted (%s): device disabled\n",
		       dev->name, drv->name, why);
		dev->driver = NULL;
		dev->priv = NULL;
		return ret;
	}
	if (ret) {
		dev->driver = NULL;
		dev->priv = NULL;
	}
	if (ret && ret != -ENODEV && ret != -EAGAIN)
		pr_err("%s: %s probe failed: %s\n", dev->name, drv->name,
		       errno_str(-ret));
	return ret == -ENODEV ? 0 : ret;
}

/* Probe one node (parent: its parent's offset, or -1 when not known);
 * -EAGAIN when its driver waits for another device. */
static int probe_node(const void *fdt, int node, int parent)
{
	const struct driver *drv;
	struct device *dev;
	int i, ret;

	if (!dt_node_is_enabled(fdt, node))
		return 0;
	drv = find_dt_driver(fdt, node);
	if (!drv)
		return 0;
	for (i = 0; i < ndevices; i++)
		if (devices[i].fdt == fdt && devices[i].node == node)
			return 0;	/* already probed (the console) */
	dev = new_device(fdt_get_name(fdt, node, NULL));
	if (!dev)
		return -ENOSPC;
	dev->fdt = fdt;
	dev->node = node;
	dev->parent_node = parent >= 0 ? parent : fdt_parent_offset(fdt, node);
	/* Counted before the probe: a bus driver adds its children from
	 * its probe. A device whose probe failed is dropped again, unless
	 * children came after it. */
	ndevices++;
	ret = probe(dev, drv);
	if (!dev->driver && dev == &devices[ndevices - 1])
		ndevices--;
	return ret;
}

struct device *device_add(struct device *parent, const struct bus_type *bus,
			  const char *name, void *bus_priv)
{
	const struct driver *drv;
	struct device *dev = new_device(name);

	if (!dev)
		return NULL;
	dev->parent = parent;
	dev->bus = bus;
	dev->fdt = parent ? parent->fdt : NULL;
	dev->bus_priv = bus_priv;
	ndevices++;
	drv = find_bus_driver(dev);
	if (drv)
		probe(dev, drv);
	return dev;
}

void drivers_probe(const void *fdt)
{
	struct { int node, parent; } deferred[8];
	int node, depth = 0, parents[DT_MAX_DEPTH], ndeferred = 0, i, progress;
	int console = dt_stdout_node(fdt);

	if (console >= 0)
		probe_node(fdt, console, -1);
	bootstage_mark("console");
	/* The console's node had its one try, whatever came of it: a
	 * failure is reported once. The walk keeps each depth's node, so
	 * that a node's parent (for its "reg") is known without a search
	 * from the root. */
	for (node = fdt_next_node(fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		if (depth < 0 || depth >= DT_MAX_DEPTH)
			continue;
		parents[depth] = node;
		if (node == console || !depth)
			continue;
		if (probe_node(fdt, node, parents[depth - 1]) == -EAGAIN &&
		    ndeferred < (int)ARRAY_SIZE(deferred)) {
			deferred[ndeferred].node = node;
			deferred[ndeferred++].parent = parents[depth - 1];
		}
	}
	/* A consumer (gpio-poweroff) may come before its provider (a GPIO
	 * controller) in the tree: retry while that helps. */
	do {
		progress = 0;
		for (i = 0; i < ndeferred; i++) {
			if (probe_node(fdt, deferred[i].node,
				       deferred[i].parent) == -EAGAIN)
				continue;
			deferred[i--] = deferred[--ndeferred];
			progress = 1;
		}
	} while (progress && ndeferred);
	for (i = 0; i < ndeferred; i++)
		pr_err("%s: waits for a device that never came\n",
		       fdt_get_name(fdt, deferred[i].node, NULL));
}

int drivers_count(void)
{
	return ndevices;
}

const struct device *drivers_device(int i)
{
	return i >= 0 && i < ndevices ? &devices[i] : NULL;
}

struct device *drivers_find(const char *driver_name)
{
	int i;

	for (i = 0; i < ndevices; i++)
		if (devices[i].driver &&
		    !strcmp(devices[i].driver->name, driver_name))
			return &devices[i];
	return NULL;
}

int dev_read_reg(const struct device *dev, int index, uint64_t *addr,
		 uint64_t *size)
{
	if (dev->node < 0)
		return -ENOENT;
	return dt_read_reg_in(dev->fdt, dev->parent_node, dev->node, index,
			      addr, size);
}
