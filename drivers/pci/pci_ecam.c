// SPDX-License-Identifier: MIT
/*
 * pci_ecam.c - the generic ECAM PCI host bridge (Linux's binding
 * Documentation/devicetree/bindings/pci/host-generic-pci.yaml, the PCI
 * bus binding of IEEE 1275 for "ranges"): QEMU virt's PCIe host. Reads
 * the ECAM window, the bus range and the I/O and memory windows, then
 * hands the bus to the PCI core.
 */
#define pr_fmt(fmt) "pci: " fmt
#include <arch.h>
#include <driver.h>
#include <dt.h>
#include <errno.h>
#include <libfdt.h>
#include <pci.h>
#include <stdlib.h>
#include <virtboot.h>

#define SPACE_IO	1
#define SPACE_MEM32	2
#define SPACE_MEM64	3

/* One "ranges" entry: (phys.hi phys.mid phys.lo) (parent address)
 * (size, two cells). */
static void read_windows(struct pci_host *h, const void *fdt, int node)
{
	int len, pac, i, n;
	const fdt32_t *r = fdt_getprop(fdt, node, "ranges", &len);
	struct pci_window *w;
	uint32_t hi;

	pac = fdt_address_cells(fdt, fdt_parent_offset(fdt, node));
	if (!r || pac < 1 || pac > 2)
		return;
	n = 3 + pac + 2;
	for (i = 0; (i + 1) * n * 4 <= len; i++, r += n) {
		hi = fdt32_to_cpu(r[0]);
		switch (hi >> 24 & 3) {
		case SPACE_IO:
			w = &h->io;
			break;
		case SPACE_MEM32:
			w = &h->mem32;
			break;
		case SPACE_MEM64:
			w = &h->mem64;
			break;
		default:
			continue;
		}
		w->pci = dt_read_cells(r + 1, 2);
		w->cpu = dt_read_cells(r + 3, pac);
		w->size = dt_read_cells(r + 3 + pac, 2);
	}
}

static int ecam_probe(struct device *dev)
{
	const fdt32_t *range;
	struct pci_host *h;
	uint64_t base, size;
	int err, len;

	err = dev_read_reg(dev, 0, &base, &size);
	if (err)
		return err;
	h = calloc(1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	h->dev = dev;
	h->ecam = base;
	range = fdt_getprop(dev->fdt, dev->node, "bus-range", &len);
	if (range && len == 8) {
		h->bus_start = fdt32_to_cpu(range[0]);
		h->bus_end = fdt32_to_cpu(range[1]);
	} else {
		h->bus_end = 255;
	}
	/* ECAM gives each bus 1 MiB: never look past the window. */
	if (h->bus_end > 255 || h->bus_start > h->bus_end ||
	    (uint64_t)(h->bus_end - h->bus_start + 1) << 20 > size)
		h->bus_end = h->bus_start + (size >> 20) - 1;
	if (!size || h->bus_end < h->bus_start || h->bus_end > 255) {
		pr_err("%s: bad ECAM window or bus range\n", dev->name);
		free(h);
		return -EINVAL;
	}
	if (!mmu_is_mapped(base)) {
		pr_err("%s: ECAM at 0x%llx is outside the map\n", dev->name,
		       (unsigned long long)base);
		free(h);
		return -ERANGE;
	}
	read_windows(h, dev->fdt, dev->node);
	dev->priv = h;
	return pci_host_enumerate(h);
}

static const char *const ecam_compatible[] = {
	"pci-host-ecam-generic", NULL,
};

DRIVER(pci_ecam) = {
	.name = "pci-host-ecam",
	.compatible = ecam_compatible,
	.probe = ecam_probe,
};
