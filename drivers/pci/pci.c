// SPDX-License-Identifier: MIT
/*
 * pci.c - the PCI bus core (PCI Local Bus 3.0, 6.2.5 base addresses;
 * PCI-to-PCI Bridge Architecture 1.2, 3.2.5 bus numbers and windows):
 * depth-first enumeration behind bridges, BAR sizing and assignment from
 * the host's windows, decoding and bus mastering on, one device per
 * function for the drivers to bind to.
 */
#define pr_fmt(fmt) "pci: " fmt
#include <arch.h>
#include <errno.h>
#include <io.h>
#include <pci.h>
#include <string.h>
#include <virtboot.h>

#define PCI_MAX_FUNCS	64
#define BRIDGE_ALIGN	(1UL << 20)	/* bridge memory windows */
#define BRIDGE_IO_ALIGN	(1UL << 12)

static struct pci_dev funcs[PCI_MAX_FUNCS];
static int nfuncs;

/* --- configuration space ------------------------------------------------ */

static uintptr_t cfg(const struct pci_dev *pd, unsigned int off)
{
	return pd->host->ecam +
	       ((uintptr_t)(pd->bus - pd->host->bus_start) << 20 |
		pd->dev << 15 | pd->fn << 12 | (off & 0xfff));
}

uint8_t pci_read8(const struct pci_dev *pd, unsigned int off)
{
	return readb(cfg(pd, off));
}

uint16_t pci_read16(const struct pci_dev *pd, unsigned int off)
{
	return readw(cfg(pd, off & ~1u));
}

uint32_t pci_read32(const struct pci_dev *pd, unsigned int off)
{
	return readl(cfg(pd, off & ~3u));
}

void pci_write8(const struct pci_dev *pd, unsigned int off, uint8_t v)
{
	writeb(v, cfg(pd, off));
}

void pci_write16(const struct pci_dev *pd, unsigned int off, uint16_t v)
{
	writew(v, cfg(pd, off & ~1u));
}

void pci_write32(const struct pci_dev *pd, unsigned int off, uint32_t v)
{
	writel(v, cfg(pd, off & ~3u));
}

unsigned int pci_find_capability(const struct pci_dev *pd, uint8_t id,
				 unsigned int from)
{
	unsigned int pos, i;

	if (!(pci_read16(pd, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return 0;
	pos = from ? pci_read8(pd, from + 1) : pci_read8(pd, PCI_CAPABILITY_LIST);
	/* 48 capabilities fill the 192 bytes after the header: a longer
	 * chain is a loop. */
	for (i = 0; i < 48 && pos >= 0x40; i++) {
		pos &= ~3u;
		if (pci_read8(pd, pos) == id)
			return pos;
		pos = pci_read8(pd, pos + 1);
	}
	return 0;
}

/* --- the bus for drivers ------------------------------------------------- */

static bool pci_match(const struct device *dev, const struct driver *drv)
{
	const struct pci_dev *pd = dev_to_pci(dev);
	const struct pci_id *id;

	for (id = drv->ids; id && id->vendor; id++)
		if ((id->vendor == PCI_ANY_ID || id->vendor == pd->vendor) &&
		    (id->device == PCI_ANY_ID || id->device == pd->device) &&
		    (pd->class & id->class_mask) == id->class)
			return true;
	return false;
}

const struct bus_type pci_bus = { .name = "pci", .match = pci_match };

int pci_count(void)
{
	return nfuncs;
}

struct pci_dev *pci_get(int i)
{
	return i >= 0 && i < nfuncs ? &funcs[i] : NULL;
}

struct pci_dev *pci_find(unsigned int bus, unsigned int dev, unsigned int fn)
{
	int i;

	for (i = 0; i < nfuncs; i++)
		if (funcs[i].bus == bus && funcs[i].dev == dev &&
		    funcs[i].fn == fn)
			return &funcs[i];
	return NULL;
}

const char *pci_class_name(uint8_t class)
{
	static const char *const names[] = {
		"Build before PCI Rev2.0", "Mass storage controller",
		"Network controller", "Display controller",
		"Multimedia device", "Memory controller", "Bridge device",
		"Simple comm. controller", "Base system peripheral",
		"Input device", "Docking station", "Processor",
		"Serial bus controller", "Wireless controller",
		"Intelligent I/O controller", "Satellite comm. controller",
		"Cryptographic device", "DSP",
	};

	if (class < ARRAY_SIZE(names))
		return names[class];
	return class == 0xff ? "Does not fit any class" : "???";
}

/* --- enumeration ---------------------------------------------------------- */

/* Take size bytes (a power of two, aligned to it) from a window. */
static int window_take(struct pci_window *w, uint64_t size, uint64_t *pci)
{
	uint64_t a = ALIGN_UP(w->next, size);

	if (!w->size || a < w->next || a - w->pci > w->size ||
	    size > w->size - (a - w->pci))
		return -ENOSPC;
	*pci = a;
	w->next = a + size;
	return 0;
}

static bool is_mapped(const struct pci_window *w)
{
	return w->size && mmu_is_mapped(w->cpu) &&
	       mmu_is_mapped(w->cpu + w->size - 1);
}

/* Size BAR n (and its upper half) with decoding off; 0: not there. Returns
 * how many BAR slots it takes (2 for 64-bit). */
static int size_bar(struct pci_dev *pd, int n, uint64_t *size, bool *io,
		    bool *is64, bool *pref)
{
	unsigned int off = PCI_BASE_ADDRESS_0 + 4 * n;
	uint32_t orig = pci_read32(pd, off), lo, hi = 0xffffffff;
	uint64_t mask;

	pci_write32(pd, off, 0xffffffff);
	lo = pci_read32(pd, off);
	pci_write32(pd, off, orig);
	*io = lo & 1;
	*is64 = !*io && (lo & 6) == 4;
	*pref = !*io && (lo & 8);
	if (*is64 && n + 1 < PCI_NUM_BARS) {
		uint32_t orig_hi = pci_read32(pd, off + 4);

		pci_write32(pd, off + 4, 0xffffffff);
		hi = pci_read32(pd, off + 4);
		pci_write32(pd, off + 4, orig_hi);
	}
	if (*io)
		mask = (lo & ~3u) | 0xffff0000u | 0xffffffff00000000ull;
	else
		mask = (uint64_t)(*is64 ? hi : 0xffffffff) << 32 | (lo & ~0xfu);
	*size = mask ? ~mask + 1 : 0;
	if (!*io && !*is64)
		*size &= 0xffffffff;
	return *is64 ? 2 : 1;
}

/* Assign every BAR of a function (a bridge has two). */
static void assign_bars(struct pci_dev *pd, int nbars, uint16_t *cmd)
{
	struct pci_host *h = pd->host;
	struct pci_window *w;
	uint64_t size, pci;
	bool io, is64, pref;
	int n, slots;

	for (n = 0; n < nbars; n += slots) {
		slots = size_bar(pd, n, &size, &io, &is64, &pref);
		if (!size)
			continue;
		if (io)
			w = &h->io;
		else if (is64 && pref && is_mapped(&h->mem64))
			w = &h->mem64;
		else
			w = &h->mem32;
		if (window_take(w, size, &pci)) {
			pr_err("%02x.%02x.%02x: no room for BAR %d (%llu bytes)\n",
			       pd->bus, pd->dev, pd->fn, n,
			       (unsigned long long)size);
			continue;
		}
		pci_write32(pd, PCI_BASE_ADDRESS_0 + 4 * n,
			    (uint32_t)pci | (is64 ? 4 : 0) | (pref ? 8 : 0));
		if (is64)
			pci_write32(pd, PCI_BASE_ADDRESS_0 + 4 * n + 4,
				    pci >> 32);
		pd->bar[n] = pci - w->pci + w->cpu;
		pd->bar_size[n] = size;
		pd->bar_io[n] = io;
		*cmd |= io ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY;
	}
}

static int scan_bus(struct pci_host *h, unsigned int bus, unsigned int *last);

/* A bridge: give it the next bus number, scan behind it, and open its
 * windows over what its children took. */
static void setup_bridge(struct pci_dev *pd, unsigned int *last)
{
	struct pci_host *h = pd->host;
	uint64_t mem, io;
	unsigned int sec;

	if (*last >= h->bus_end) {
		pr_err("%02x.%02x.%02x: no bus number left for the bridge\n",
		       pd->bus, pd->dev, pd->fn);
		return;
	}
	sec = ++*last;
	pci_write8(pd, PCI_PRIMARY_BUS, pd->bus);
	pci_write8(pd, PCI_SECONDARY_BUS, sec);
	pci_write8(pd, PCI_SUBORDINATE_BUS, h->bus_end);
	h->mem32.next = ALIGN_UP(h->mem32.next, BRIDGE_ALIGN);
	h->io.next = ALIGN_UP(h->io.next, BRIDGE_IO_ALIGN);
	mem = h->mem32.next;
	io = h->io.next;
	scan_bus(h, sec, last);
	pci_write8(pd, PCI_SUBORDINATE_BUS, *last);
	/* Windows closed (base above limit) unless a child took room. */
	h->mem32.next = ALIGN_UP(h->mem32.next, BRIDGE_ALIGN);
	if (h->mem32.next > mem) {
		pci_write16(pd, PCI_MEMORY_BASE, (mem >> 16) & 0xfff0);
		pci_write16(pd, PCI_MEMORY_LIMIT,
			    ((h->mem32.next - 1) >> 16) & 0xfff0);
	} else {
		pci_write16(pd, PCI_MEMORY_BASE, 0xfff0);
		pci_write16(pd, PCI_MEMORY_LIMIT, 0);
	}
	pci_write16(pd, PCI_PREF_MEMORY_BASE, 0xfff0);	/* unused */
	pci_write16(pd, PCI_PREF_MEMORY_LIMIT, 0);
	pci_write32(pd, PCI_PREF_BASE_UPPER32, 0);
	pci_write32(pd, PCI_PREF_LIMIT_UPPER32, 0);
	h->io.next = ALIGN_UP(h->io.next, BRIDGE_IO_ALIGN);
	if (h->io.next > io) {
		pci_write8(pd, PCI_IO_BASE, (io >> 8) & 0xf0);
		pci_write8(pd, PCI_IO_LIMIT, ((h->io.next - 1) >> 8) & 0xf0);
	} else {
		pci_write8(pd, PCI_IO_BASE, 0xf0);
		pci_write8(pd, PCI_IO_LIMIT, 0);
	}
	pci_write16(pd, PCI_IO_BASE_UPPER16, 0);
	pci_write16(pd, PCI_IO_LIMIT_UPPER16, 0);
}

static void scan_function(struct pci_host *h, unsigned int bus,
			  unsigned int dev, unsigned int fn, uint16_t vendor,
			  unsigned int *last)
{
	struct pci_dev *pd;
	uint16_t cmd;

	if (nfuncs == PCI_MAX_FUNCS) {
		pr_err("more than %d functions: %02x.%02x.%02x ignored\n",
		       PCI_MAX_FUNCS, bus, dev, fn);
		return;
	}
	pd = &funcs[nfuncs++];
	*pd = (struct pci_dev){ .host = h, .bus = bus, .dev = dev, .fn = fn,
				.vendor = vendor };
	pd->device = pci_read16(pd, PCI_DEVICE_ID);
	pd->class = pci_read32(pd, PCI_REVISION_ID) >> 8;
	pd->header_type = pci_read8(pd, PCI_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;
	cmd = pci_read16(pd, PCI_COMMAND) &
	      ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
	pci_write16(pd, PCI_COMMAND, cmd);	/* decoding off while sizing */
	if (pd->header_type == 0) {
		assign_bars(pd, PCI_NUM_BARS, &cmd);
	} else if (pd->header_type == 1) {
		assign_bars(pd, 2, &cmd);
		setup_bridge(pd, last);
		cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_IO;
	}
	pci_write16(pd, PCI_COMMAND, cmd | PCI_COMMAND_MASTER);
}

static int scan_bus(struct pci_host *h, unsigned int bus, unsigned int *last)
{
	struct pci_dev probe = { .host = h, .bus = bus };
	unsigned int dev, fn, nfn;
	uint16_t vendor;

	for (dev = 0; dev < 32; dev++) {
		probe.dev = dev;
		for (fn = 0, nfn = 1; fn < nfn; fn++) {
			probe.fn = fn;
			vendor = pci_read16(&probe, PCI_VENDOR_ID);
			if (vendor == 0xffff || vendor == 0)
				continue;
			if (fn == 0 && pci_read8(&probe, PCI_HEADER_TYPE) &
			    PCI_HEADER_MULTI)
				nfn = 8;
			scan_function(h, bus, dev, fn, vendor, last);
		}
	}
	return 0;
}

int pci_host_enumerate(struct pci_host *h)
{
	char name[16];
	int first = nfuncs, i;
	unsigned int last = h->bus_start;

	h->io.next = h->io.pci ? h->io.pci : 0x1000;	/* 0: no I/O BAR */
	h->mem32.next = h->mem32.pci;
	h->mem64.next = h->mem64.pci;
	scan_bus(h, h->bus_start, &last);
	for (i = first; i < nfuncs; i++) {
		snprintf(name, sizeof(name), "%02x.%02x.%02x", funcs[i].bus,
			 funcs[i].dev, funcs[i].fn);
		device_add(h->dev, &pci_bus, name, &funcs[i]);
	}
	return 0;
}
