// SPDX-License-Identifier: MIT
/* pci - list PCI functions and show their configuration headers, in
 * U-Boot's shapes: pci [bus] [long], pci header b.d.f. */
#include <command.h>
#include <pci.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

struct field {
	const char *name;
	uint8_t off, size;
};

static const struct field common[] = {
	{ "vendor ID", PCI_VENDOR_ID, 2 },
	{ "device ID", PCI_DEVICE_ID, 2 },
	{ "command register ID", PCI_COMMAND, 2 },
	{ "status register", PCI_STATUS, 2 },
	{ "revision ID", PCI_REVISION_ID, 1 },
	{ "class code", PCI_CLASS_DEVICE + 1, 1 },
	{ "sub class code", PCI_CLASS_DEVICE, 1 },
	{ "programming interface", PCI_CLASS_PROG, 1 },
	{ "cache line", PCI_CACHE_LINE_SIZE, 1 },
	{ "latency time", PCI_LATENCY_TIMER, 1 },
	{ "header type", PCI_HEADER_TYPE, 1 },
	{ "BIST", PCI_BIST, 1 },
	{ NULL, 0, 0 },
};

static const struct field type0[] = {
	{ "base address 0", 0x10, 4 }, { "base address 1", 0x14, 4 },
	{ "base address 2", 0x18, 4 }, { "base address 3", 0x1c, 4 },
	{ "base address 4", 0x20, 4 }, { "base address 5", 0x24, 4 },
	{ "cardBus CIS pointer", PCI_CARDBUS_CIS, 4 },
	{ "sub system vendor ID", PCI_SUBSYSTEM_VENDOR_ID, 2 },
	{ "sub system ID", PCI_SUBSYSTEM_ID, 2 },
	{ "expansion ROM base address", PCI_ROM_ADDRESS, 4 },
	{ "interrupt line", PCI_INTERRUPT_LINE, 1 },
	{ "interrupt pin", PCI_INTERRUPT_PIN, 1 },
	{ "min Grant", PCI_MIN_GNT, 1 },
	{ "max Latency", PCI_MAX_LAT, 1 },
	{ NULL, 0, 0 },
};

static const struct field type1[] = {
	{ "base address 0", 0x10, 4 }, { "base address 1", 0x14, 4 },
	{ "primary bus number", PCI_PRIMARY_BUS, 1 },
	{ "secondary bus number", PCI_SECONDARY_BUS, 1 },
	{ "subordinate bus number", PCI_SUBORDINATE_BUS, 1 },
	{ "secondary latency timer", 0x1b, 1 },
	{ "IO base", PCI_IO_BASE, 1 },
	{ "IO limit", PCI_IO_LIMIT, 1 },
	{ "secondary status", 0x1e, 2 },
	{ "memory base", PCI_MEMORY_BASE, 2 },
	{ "memory limit", PCI_MEMORY_LIMIT, 2 },
	{ "prefetch memory base", PCI_PREF_MEMORY_BASE, 2 },
	{ "prefetch memory limit", PCI_PREF_MEMORY_LIMIT, 2 },
	{ "prefetch memory base upper", PCI_PREF_BASE_UPPER32, 4 },
	{ "prefetch memory limit upper", PCI_PREF_LIMIT_UPPER32, 4 },
	{ "IO base upper 16 bits", PCI_IO_BASE_UPPER16, 2 },
	{ "IO limit upper 16 bits", PCI_IO_LIMIT_UPPER16, 2 },
	{ "expansion ROM base address", 0x38, 4 },
	{ "interrupt line", PCI_INTERRUPT_LINE, 1 },
	{ "interrupt pin", PCI_INTERRUPT_PIN, 1 },
	{ "bridge control", 0x3e, 2 },
	{ NULL, 0, 0 },
};

static void show_fields(const struct pci_dev *pd, const struct field *f)
{
	uint32_t v;

	for (; f->name; f++) {
		v = f->size == 1 ? pci_read8(pd, f->off) :
		    f->size == 2 ? pci_read16(pd, f->off) :
				   pci_read32(pd, f->off);
		printf("  %s =%*s0x%0*x", f->name, (int)(28 - strlen(f->name)),
		       "", f->size * 2, (unsigned int)v);
		if (f->off == PCI_CLASS_DEVICE + 1)
			printf(" (%s)", pci_class_name(v));
		printf("\n");
	}
}

static void show_header(const struct pci_dev *pd)
{
	show_fields(pd, common);
	show_fields(pd, pd->header_type == 1 ? type1 :
			pd->header_type == 0 ? type0 : common + 12);
}

/* "b.d.f", each part hexadecimal. */
static int parse_bdf(const char *s, unsigned int *bus, unsigned int *dev,
		     unsigned int *fn)
{
	char *end;

	*bus = strtoul(s, &end, 16);
	if (*end != '.' || end == s)
		return -EINVAL;
	s = end + 1;
	*dev = strtoul(s, &end, 16);
	if (*end != '.' || end == s)
		return -EINVAL;
	s = end + 1;
	*fn = strtoul(s, &end, 16);
	if (*end || end == s || *bus > 255 || *dev > 31 || *fn > 7)
		return -EINVAL;
	return 0;
}

static int do_pci(int argc, char *argv[])
{
	unsigned int bus = 0, dev, fn;
	bool full = false;
	struct pci_dev *pd;
	uint64_t n;
	int i;

	if (argc == 3 && !strcmp(argv[1], "header")) {
		if (parse_bdf(argv[2], &bus, &dev, &fn)) {
			printf("pci: '%s' is not bus.device.function\n",
			       argv[2]);
			return -ERANGE;
		}
		pd = pci_find(bus, dev, fn);
		if (!pd) {
			printf("pci: no device at %02x.%02x.%02x\n", bus, dev,
			       fn);
			return -ENOENT;
		}
		show_header(pd);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "long"))
			full = true;
		else if (!parse_hex(argv[i], &n) && n <= 255)
			bus = n;
		else
			return -EINVAL;
	}
	if (!full) {
		printf("BusDevFun  VendorId   DeviceId   Device Class       Sub-Class\n");
		printf("_____________________________________________________________\n");
	}
	for (i = 0; (pd = pci_get(i)); i++) {
		if (pd->bus != bus)
			continue;
		if (full) {
			printf("\nFound PCI device %02x.%02x.%02x:\n", pd->bus,
			       pd->dev, pd->fn);
			show_header(pd);
			continue;
		}
		printf("%02x.%02x.%02x   0x%04x     0x%04x     %-23s 0x%02x\n",
		       pd->bus, pd->dev, pd->fn, pd->vendor, pd->device,
		       pci_class_name(pd->class >> 16),
		       (unsigned int)(pd->class >> 8 & 0xff));
	}
	return 0;
}

COMMAND(pci, .run = do_pci, .usage = "pci [bus] [long] | header b.d.f",
	.summary = "list and access PCI configuration space",
	.help = "    - short or long list of the functions on 'bus' (0)\n"
		"pci header b.d.f\n    - show the header of a function\n");
