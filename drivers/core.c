// SPDX-License-Identifier: MIT
/*
 * core.c - driver model core: match device-tree nodes against the
 * registered drivers' compatible strings and probe them (Devicetree
 * Specification v0.4, 2.3.1 compatible, 2.3.4 status). A probe that
 * faults (a node whose reg points at nothing) costs that device only.
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

#define MAX_DEVICES 32
static struct device devices[MAX_DEVICES];
static int ndevices;

static const struct driver *find_driver(const void *fdt, int node)
{
	const struct driver *drv;
	const char *const *c;

	for (drv = __drivers_start; drv < __drivers_end; drv++)
		for (c = drv->compatible; *c; c++)
			if (fdt_node_check_compatible(fdt, node, *c) == 0)
				return drv;
	return NULL;
}

static int probe_dev(void *arg)
{
	struct device *dev = arg;

	return dev->driver->probe(dev);
}

/* Probe one node; -EAGAIN when its driver waits for another device. */
static int probe_node(const void *fdt, int node)
{
	const struct driver *drv;
	struct exception_info fault;
	struct device *dev;
	char why[96];
	int i, ret;

	if (!dt_node_is_enabled(fdt, node))
		return 0;
	drv = find_driver(fdt, node);
	if (!drv)
		return 0;
	for (i = 0; i < ndevices; i++)
		if (devices[i].node == node)
			return 0;	/* already probed (the console) */
	if (ndevices == MAX_DEVICES) {
		pr_err("too many devices, %s not probed\n",
		       fdt_get_name(fdt, node, NULL));
		return -ENOSPC;
	}
	dev = &devices[ndevices];
	*dev = (struct device){
		.driver = drv, .fdt = fdt, .node = node,
		.name = fdt_get_name(fdt, node, NULL),
	};
	ret = exception_try(probe_dev, dev, &fault);
	if (exception_faulted()) {
		exception_describe(&fault, why, sizeof(why));
		pr_err("%s: %s probe faulted (%s): device disabled\n",
		       dev->name, drv->name, why);
		return ret;
	}
	if (ret == -ENODEV)
		return 0;	/* the driver has no use for this node */
	if (ret == -EAGAIN)
		return ret;	/* tried again once the others are up */
	if (ret) {
		pr_err("%s: %s probe failed: %s\n", dev->name, drv->name,
		       strerror(-ret));
		return ret;
	}
	ndevices++;
	return 0;
}

void drivers_probe(const void *fdt)
{
	int node, deferred[8], ndeferred = 0, i, progress;

	node = dt_stdout_node(fdt);
	if (node >= 0)
		probe_node(fdt, node);
	bootstage_mark("console");
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		if (probe_node(fdt, node) == -EAGAIN &&
		    ndeferred < (int)ARRAY_SIZE(deferred))
			deferred[ndeferred++] = node;
	/* A consumer (gpio-poweroff) may come before its provider (a GPIO
	 * controller) in the tree: retry while that helps. */
	do {
		progress = 0;
		for (i = 0; i < ndeferred; i++) {
			if (probe_node(fdt, deferred[i]) == -EAGAIN)
				continue;
			deferred[i--] = deferred[--ndeferred];
			progress = 1;
		}
	} while (progress && ndeferred);
	for (i = 0; i < ndeferred; i++)
		pr_err("%s: waits for a device that never came\n",
		       fdt_get_name(fdt, deferred[i], NULL));
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
		if (!strcmp(devices[i].driver->name, driver_name))
			return &devices[i];
	return NULL;
}

int dev_read_reg(const struct device *dev, int index, uint64_t *addr,
		 uint64_t *size)
{
	return dt_read_reg(dev->fdt, dev->node, index, addr, size);
}
