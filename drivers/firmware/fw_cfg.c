// SPDX-License-Identifier: MIT
/*
 * fw_cfg.c - QEMU fw_cfg, MMIO flavour (QEMU docs/specs/fw_cfg.rst):
 * data register at +0, big-endian 16-bit selector at +8, big-endian
 * 64-bit DMA address at +16. DMA descriptors are big-endian, each field
 * swapped exactly once; the device clears the control word when done.
 */
#define pr_fmt(fmt) "fw_cfg: " fmt
#include <arch.h>
#include <driver.h>
#include <errno.h>
#include <fw_cfg.h>
#include <io.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define REG_DATA	0x00
#define REG_SELECTOR	0x08
#define REG_DMA		0x10
#define DMA_REG_END	0x18

#define DMA_CTL_ERROR	0x01
#define DMA_CTL_READ	0x02
#define DMA_CTL_SKIP	0x04
#define DMA_CTL_SELECT	0x08
#define DMA_CTL_WRITE	0x10

#define DMA_CHUNK	(256UL << 20)	/* one descriptor's most */
/* At least the cache line (writeback granule) of any core QEMU virt
 * offers (A64FX: 256 bytes). */
#define DMA_LINE	256
#define DMA_TIMEOUT_US	(5 * 1000 * 1000)

struct fw_cfg_dma_access {
	uint32_t control;
	uint32_t length;
	uint64_t address;
} __attribute__((packed));

static struct fw_cfg {
	struct fw_cfg_info info;
	struct fw_cfg_file *files;
	int nfiles;		/* -1 until the directory is read */
} *fwc;

/* Without "dma-coherent", the cache lines the device writes must hold
 * nothing else: invalidating them after the transfer would throw away
 * the CPU's writes to the rest of the line (a stack frame, say). So the
 * descriptor has a line to itself, and the parts of a read buffer that
 * share a line with other data go through the bounce line. */
static union {
	struct fw_cfg_dma_access acc;
	uint8_t line[DMA_LINE];
} dma_desc __attribute__((aligned(DMA_LINE)));
static uint8_t dma_bounce[DMA_LINE] __attribute__((aligned(DMA_LINE)));

const struct fw_cfg_info *fw_cfg_get_info(void)
{
	return fwc ? &fwc->info : NULL;
}

int fw_cfg_use_dma(bool on)
{
	if (!fwc)
		return -ENODEV;
	if (on && !fwc->info.has_dma)
		return -ENODEV;
	fwc->info.dma = on;
	return 0;
}

static void select_item(uint16_t select)
{
	writew(cpu_to_be16(select), fwc->info.base + REG_SELECTOR);
}

/* One DMA operation; buf may be NULL for select and skip. */
static int dma_op(uint32_t control, void *buf, uint32_t len)
{
	volatile struct fw_cfg_dma_access *acc = &dma_desc.acc;
	uint64_t deadline;
	uint32_t ctl;

	acc->control = cpu_to_be32(control);
	acc->length = cpu_to_be32(len);
	acc->address = cpu_to_be64((uintptr_t)buf);
	if (!fwc->info.coherent) {
		dcache_flush_range((uintptr_t)acc, sizeof(*acc));
		if (buf && len)
			dcache_flush_range((uintptr_t)buf, len);
	}
	/* writeq's barrier orders the descriptor before the doorbell; one
	 * 64-bit big-endian write sets both halves at once. */
	writeq(cpu_to_be64((uintptr_t)acc), fwc->info.base + REG_DMA);

	deadline = timer_us() + DMA_TIMEOUT_US;
	for (;;) {
		if (!fwc->info.coherent)
			dcache_inval_range((uintptr_t)acc, sizeof(*acc));
		ctl = be32_to_cpu(acc->control);
		if (!(ctl & ~DMA_CTL_ERROR))
			break;
		if (timer_us() > deadline) {
			pr_err("DMA transfer did not complete\n");
			return -EIO;
		}
	}
	dmb(sy);
	if (!fwc->info.coherent && buf && len && (control & DMA_CTL_READ))
		dcache_inval_range((uintptr_t)buf, len);
	return ctl & DMA_CTL_ERROR ? -EIO : 0;
}

/* Read len bytes of the selected item by DMA, straight to buf. */
static int dma_read(void *buf, uint64_t len)
{
	uint8_t *p = buf;
	uint64_t n, head;
	int err = 0;

	for (; !err && len; p += n, len -= n) {
		head = (uintptr_t)p & (DMA_LINE - 1);
		if (!fwc->info.coherent && (head || len < DMA_LINE)) {
			n = MIN(len, DMA_LINE - head);
			err = dma_op(DMA_CTL_READ, dma_bounce, n);
			memcpy(p, dma_bounce, n);
		} else {
			n = MIN(len, DMA_CHUNK);
			if (!fwc->info.coherent)
				n = ALIGN_DOWN(n, DMA_LINE);
			err = dma_op(DMA_CTL_READ, p, n);
		}
	}
	return err;
}

static void pio_read(void *buf, uint64_t len)
{
	uintptr_t data = fwc->info.base + REG_DATA;
	uint8_t *p = buf;

	/* The data register returns the stream in address order for any
	 * access width; 8 bytes at a time where the buffer allows it. */
	for (; len && ((uintptr_t)p & 7); len--)
		*p++ = readb(data);
	for (; len >= 8; len -= 8, p += 8)
		*(uint64_t *)p = __raw_readq(data);
	for (; len; len--)
		*p++ = readb(data);
	dmb(sy);
}

int fw_cfg_read(uint16_t select, uint64_t offset, void *buf, uint64_t len)
{
	uint32_t n;
	int err;

	if (!fwc)
		return -ENODEV;
	if (!fwc->info.dma) {
		select_item(select);
		for (; offset; offset -= n) {
			uint8_t scratch[256];

			n = MIN(offset, sizeof(scratch));
			pio_read(scratch, n);
		}
		pio_read(buf, len);
		return 0;
	}
	err = dma_op((uint32_t)select << 16 | DMA_CTL_SELECT, NULL, 0);
	for (; !err && offset; offset -= n) {
		n = MIN(offset, DMA_CHUNK);
		err = dma_op(DMA_CTL_SKIP, NULL, n);
	}
	return err ? err : dma_read(buf, len);
}

uint32_t fw_cfg_read_u32(uint16_t select)
{
	uint32_t v = 0;

	if (fw_cfg_read(select, 0, &v, sizeof(v)))
		return 0;
	return v;	/* little-endian, as the CPU */
}

static int read_directory(void)
{
	struct fw_cfg_file *files;
	uint32_t count;
	size_t len;
	void *raw;
	int n;

	if (fwc->nfiles >= 0)
		return 0;
	n = fw_cfg_read(FW_CFG_FILE_DIR, 0, &count, sizeof(count));
	if (n)
		return n;
	count = be32_to_cpu(count);
	if (count > FW_CFG_MAX_FILES) {
		pr_err("implausible directory of %u files\n", count);
		return -EINVAL;
	}
	/* The whole directory in one transfer, parsed by plain code. */
	len = sizeof(count) + (size_t)count * FW_CFG_DIR_ENTRY_SIZE;
	raw = malloc(len);
	files = calloc(count ? count : 1, sizeof(*files));
	n = raw && files ? fw_cfg_read(FW_CFG_FILE_DIR, 0, raw, len) : -ENOMEM;
	if (!n)
		n = fw_cfg_parse_dir(raw, len, files, count);
	free(raw);
	if (n < 0) {
		free(files);
		return n;
	}
	fwc->files = files;
	fwc->nfiles = n;
	return 0;
}

int fw_cfg_file_count(void)
{
	int err;

	if (!fwc)
		return -ENODEV;
	err = read_directory();
	return err ? err : fwc->nfiles;
}

const struct fw_cfg_file *fw_cfg_file_at(int index)
{
	if (fw_cfg_file_count() <= index || index < 0)
		return NULL;
	return &fwc->files[index];
}

const struct fw_cfg_file *fw_cfg_find(const char *name)
{
	int i, n = fw_cfg_file_count();

	for (i = 0; i < n; i++)
		if (!strcmp(fwc->files[i].name, name))
			return &fwc->files[i];
	return NULL;
}

int fw_cfg_read_file(const char *name, uint64_t offset, void *buf,
		     uint64_t len)
{
	const struct fw_cfg_file *f;

	if (!fwc)
		return -ENODEV;
	f = fw_cfg_find(name);
	if (!f)
		return -ENOENT;
	if (offset > f->size || len > f->size - offset)
		return -ERANGE;
	return fw_cfg_read(f->select, offset, buf, len);
}

int fw_cfg_write_file(const char *name, const void *buf, uint64_t len)
{
	const struct fw_cfg_file *f;
	int err;

	if (!fwc)
		return -ENODEV;
	if (!fwc->info.has_dma)
		return -ENOTSUP;
	f = fw_cfg_find(name);
	if (!f)
		return -ENOENT;
	if (len > f->size || len > DMA_CHUNK)
		return -ERANGE;
	err = dma_op((uint32_t)f->select << 16 | DMA_CTL_SELECT, NULL, 0);
	if (!err)
		err = dma_op(DMA_CTL_WRITE, (void *)buf, len);
	return err == -EIO ? -EACCES : err;
}

static int fw_cfg_probe(struct device *dev)
{
	struct fw_cfg *fc;
	uint64_t base, size;
	char sig[4];
	int err;

	if (fwc)
		return -EBUSY;	/* QEMU has one; a second would be a bug */
	err = dev_read_reg(dev, 0, &base, &size);
	if (err)
		return err;
	fc = calloc(1, sizeof(*fc));
	if (!fc)
		return -ENOMEM;
	fc->info.base = base;
	fc->info.size = size;
	fc->info.coherent = fdt_getprop(dev->fdt, dev->node, "dma-coherent",
					NULL) != NULL;
	fc->nfiles = -1;

	writew(cpu_to_be16(FW_CFG_SIGNATURE), base + REG_SELECTOR);
	for (unsigned int i = 0; i < sizeof(sig); i++)
		sig[i] = readb(base + REG_DATA);
	if (memcmp(sig, "QEMU", 4)) {
		pr_err("%s: no QEMU signature\n", dev->name);
		free(fc);
		return -ENODEV;
	}
	writew(cpu_to_be16(FW_CFG_ID), base + REG_SELECTOR);
	for (unsigned int i = 0; i < 4; i++)
		fc->info.features |= (uint32_t)readb(base + REG_DATA) << (8 * i);
	/* DMA needs the feature bit and a window that covers its register. */
	fc->info.has_dma = (fc->info.features & FW_CFG_FEATURE_DMA) &&
			    size >= DMA_REG_END &&
			    __raw_readq(base + REG_DMA) ==
			    cpu_to_be64(0x51454d5520434647ULL); /* "QEMU CFG" */
	fc->info.dma = fc->info.has_dma;
	dev->priv = fc;
	fwc = fc;
	return 0;
}

static const char *const fw_cfg_compatible[] = { "qemu,fw-cfg-mmio", NULL };

DRIVER(fw_cfg) = {
	.name = "fw_cfg",
	.compatible = fw_cfg_compatible,
	.probe = fw_cfg_probe,
};
