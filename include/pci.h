/* SPDX-License-Identifier: MIT */
/*
 * pci.h - the PCI bus (PCI Local Bus 3.0, PCI-to-PCI Bridge 1.2, PCI
 * Express ECAM): functions found by enumeration, their configuration
 * space, their assigned BARs, and the IDs drivers bind by.
 */
#ifndef PCI_H
#define PCI_H

#include <driver.h>
#include <stdbool.h>
#include <stdint.h>

/* Type 0 and type 1 configuration header offsets */
#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define  PCI_COMMAND_IO		0x1
#define  PCI_COMMAND_MEMORY	0x2
#define  PCI_COMMAND_MASTER	0x4
#define PCI_STATUS		0x06
#define  PCI_STATUS_CAP_LIST	0x10
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* subclass, then class */
#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_MULTI	0x80
#define PCI_BIST		0x0f
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_CARDBUS_CIS		0x28
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_ROM_ADDRESS		0x30
#define PCI_CAPABILITY_LIST	0x34
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d
#define PCI_MIN_GNT		0x3e
#define PCI_MAX_LAT		0x3f
/* type 1 (bridge) */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_IO_BASE		0x1c
#define PCI_IO_LIMIT		0x1d
#define PCI_MEMORY_BASE		0x20
#define PCI_MEMORY_LIMIT	0x22
#define PCI_PREF_MEMORY_BASE	0x24
#define PCI_PREF_MEMORY_LIMIT	0x26
#define PCI_PREF_BASE_UPPER32	0x28
#define PCI_PREF_LIMIT_UPPER32	0x2c
#define PCI_IO_BASE_UPPER16	0x30
#define PCI_IO_LIMIT_UPPER16	0x32

#define PCI_CAP_ID_VNDR		0x09	/* vendor-specific (virtio) */

#define PCI_NUM_BARS		6
#define PCI_ANY_ID		0xffff

struct pci_host;

/* One function found by enumeration. */
struct pci_dev {
	struct pci_host *host;
	uint8_t bus, dev, fn;
	uint16_t vendor, device;
	uint32_t class;		/* class << 16 | subclass << 8 | prog-if */
	uint8_t header_type;	/* 0 device, 1 bridge */
	uint64_t bar[PCI_NUM_BARS];	/* CPU address; 0: none assigned */
	uint64_t bar_size[PCI_NUM_BARS];
	bool bar_io[PCI_NUM_BARS];	/* an I/O BAR (else memory) */
};

/* What a PCI driver binds to: vendor and device (or PCI_ANY_ID), and the
 * class bits that class_mask selects. A table ends with vendor 0. */
struct pci_id {
	uint16_t vendor, device;
	uint32_t class, class_mask;
};

extern const struct bus_type pci_bus;

static inline struct pci_dev *dev_to_pci(const struct device *dev)
{
	return dev->bus_priv;
}

/* Configuration space of a function (offsets below 4096). */
uint8_t pci_read8(const struct pci_dev *pd, unsigned int off);
uint16_t pci_read16(const struct pci_dev *pd, unsigned int off);
uint32_t pci_read32(const struct pci_dev *pd, unsigned int off);
void pci_write8(const struct pci_dev *pd, unsigned int off, uint8_t v);
void pci_write16(const struct pci_dev *pd, unsigned int off, uint16_t v);
void pci_write32(const struct pci_dev *pd, unsigned int off, uint32_t v);

/* The offset of the next capability with this ID after 'from' (0: the
 * first), or 0 when there is none. The list walk is bounded. */
unsigned int pci_find_capability(const struct pci_dev *pd, uint8_t id,
				 unsigned int from);

/* Every function on every host, in enumeration order. */
int pci_count(void);
struct pci_dev *pci_get(int i);
/* The function at bus.dev.fn (on the first host that has it), or NULL. */
struct pci_dev *pci_find(unsigned int bus, unsigned int dev, unsigned int fn);

/* "Mass storage controller" and the like, for listings. */
const char *pci_class_name(uint8_t class);

/* --- a host bridge driver (pci_ecam.c) hands its bus to the core ------ */

struct pci_window {
	uint64_t cpu;		/* where the CPU sees it */
	uint64_t pci;		/* its address on the bus */
	uint64_t size;
	uint64_t next;		/* next free bus address */
};

struct pci_host {
	struct device *dev;
	uintptr_t ecam;		/* configuration space of bus_start */
	unsigned int bus_start, bus_end;
	struct pci_window io, mem32, mem64;	/* size 0: absent */
};

/* Enumerate the host's buses: number the bridges, size and assign every
 * BAR from the windows, enable decoding and bus mastering, and add a
 * device for each function (so drivers bind). 0 or a negative errno. */
int pci_host_enumerate(struct pci_host *host);

#endif
