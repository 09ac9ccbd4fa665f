// SPDX-License-Identifier: MIT
/*
 * cfi_flash.c - CFI parallel NOR flash (JESD68.01 query; Intel/Sharp
 * extended command set 0x0001, as QEMU's pflash_cfi01): block erase, word
 * and buffered program, status polled with a bounded wait.
 *
 * Each "reg" entry of a "cfi-flash" node is a bank of bank-width bytes
 * (QEMU virt: two 64 MiB banks, two x16 chips side by side on a 32-bit
 * bus). A command goes to every chip at once (one copy per chip lane);
 * status is ready when every chip says so. The bank the loader runs from
 * is never sent a command: a chip in query or status mode stops giving
 * array data, and the code being executed would vanish.
 */
#define pr_fmt(fmt) "flash: " fmt
#include <driver.h>
#include <errno.h>
#include <flash.h>
#include <io.h>
#include <libfdt.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define CMD_READ_ARRAY	0xff
#define CMD_QUERY	0x98
#define CMD_READ_STATUS	0x70
#define CMD_CLEAR_STATUS 0x50
#define CMD_ERASE	0x20
#define CMD_CONFIRM	0xd0
#define CMD_PROGRAM	0x40
#define CMD_WRITE_BUF	0xe8

#define SR_READY	0x80
#define SR_ERASE_ERR	0x20
#define SR_PROG_ERR	0x10
#define SR_VPP_LOW	0x08
#define SR_LOCKED	0x02

#define QUERY_ADDR	0x55	/* in bus words */

#define ERASE_TIMEOUT_US	(10 * 1000000ULL)
#define PROGRAM_TIMEOUT_US	(1000000ULL)

#define FLASH_MAX_BANKS	4

static struct flash_bank banks[FLASH_MAX_BANKS];
static unsigned int nbanks;

const struct flash_bank *flash_bank(unsigned int i)
{
	return i < nbanks ? &banks[i] : NULL;
}

/* v copied into every chip's lane of a bus word. */
static uint64_t lanes(const struct flash_bank *b, uint64_t v)
{
	unsigned int lane = b->width / b->chips, i;
	uint64_t r = 0;

	for (i = 0; i < b->chips; i++)
		r |= v << (8 * lane * i);
	return r;
}

static void bus_write(const struct flash_bank *b, uint64_t off, uint64_t v)
{
	uintptr_t a = b->base + off;

	switch (b->width) {
	case 1: writeb(v, a); break;
	case 2: writew(v, a); break;
	case 4: writel(v, a); break;
	default: writeq(v, a); break;
	}
}

static uint64_t bus_read(const struct flash_bank *b, uint64_t off)
{
	uintptr_t a = b->base + off;

	switch (b->width) {
	case 1: return readb(a);
	case 2: return readw(a);
	case 4: return readl(a);
	default: return readq(a);
	}
}

static void cmd(const struct flash_bank *b, uint64_t off, uint8_t c)
{
	bus_write(b, off, lanes(b, c));
}

/* Wait until every chip is ready; then check the error bits. */
static int wait_ready(const struct flash_bank *b, uint64_t off,
		      uint64_t timeout_us, const char *what)
{
	uint64_t ready = lanes(b, SR_READY), start = timer_us(), sr;
	const char *why;
	int err;

	for (;;) {
		sr = bus_read(b, off);
		if ((sr & ready) == ready)
			break;
		if (timer_us() - start > timeout_us) {
			cmd(b, off, CMD_READ_ARRAY);
			pr_err("%s at 0x%llx timed out (status 0x%llx)\n", what,
			       (unsigned long long)(b->base + off),
			       (unsigned long long)sr);
			return -ETIMEDOUT;
		}
	}
	if (!(sr & lanes(b, SR_ERASE_ERR | SR_PROG_ERR | SR_VPP_LOW |
			 SR_LOCKED)))
		return 0;
	err = -EIO;
	if (sr & lanes(b, SR_LOCKED)) {
		why = "the block is locked";
		err = -EROFS;
	} else if (sr & lanes(b, SR_VPP_LOW)) {
		why = "program voltage low (write-protected)";
		err = -EROFS;
	} else if ((sr & lanes(b, SR_ERASE_ERR | SR_PROG_ERR)) ==
		   lanes(b, SR_ERASE_ERR | SR_PROG_ERR)) {
		why = "command sequence error";
	} else if (sr & lanes(b, SR_ERASE_ERR)) {
		why = "erase error (read-only drive?)";
	} else {
		why = "program error (read-only drive?)";
	}
	cmd(b, off, CMD_CLEAR_STATUS);
	cmd(b, off, CMD_READ_ARRAY);
	pr_err("%s at 0x%llx failed: %s (status 0x%llx)\n", what,
	       (unsigned long long)(b->base + off), why,
	       (unsigned long long)sr);
	return err;
}

static int check_writable(const struct flash_bank *b, uint64_t off,
			  uint64_t len)
{
	if (b->is_firmware) {
		pr_err("0x%llx: the loader runs from this bank; it is read-only\n",
		       (unsigned long long)(b->base + off));
		return -EROFS;
	}
	if (!b->is_cfi || b->cmdset != 1) {
		pr_err("0x%llx: no CFI Intel/Sharp flash to write\n",
		       (unsigned long long)(b->base + off));
		return -ENODEV;
	}
	if (off > b->size || len > b->size - off)
		return -ERANGE;
	return 0;
}

const void *flash_map(const struct flash_bank *b, uint64_t off, size_t len)
{
	if (off > b->size || len > b->size - off)
		return NULL;
	return (const void *)(uintptr_t)(b->base + off);
}

int flash_read(const struct flash_bank *b, uint64_t off, void *buf,
	       size_t len)
{
	uint8_t *p = buf;
	uintptr_t a = b->base + off;
	uint64_t v;
	size_t i;

	if (off > b->size || len > b->size - off)
		return -ERANGE;
	/* Device memory: aligned loads only, eight bytes when they can be. */
	if (!((a | len) & 7)) {
		for (i = 0; i < len; i += 8) {
			v = __raw_readq(a + i);
			__builtin_memcpy(p + i, &v, 8);
		}
	} else {
		for (i = 0; i < len; i++)
			p[i] = __raw_readb(a + i);
	}
	__io_br();
	return 0;
}

int flash_erase_block(const struct flash_bank *b, uint64_t off)
{
	int err = check_writable(b, off, b->erase_size);

	if (err)
		return err;
	if (off % b->erase_size)
		return -EINVAL;
	cmd(b, off, CMD_CLEAR_STATUS);
	cmd(b, off, CMD_ERASE);
	cmd(b, off, CMD_CONFIRM);
	err = wait_ready(b, off, ERASE_TIMEOUT_US, "erase");
	cmd(b, off, CMD_READ_ARRAY);
	return err;
}

static uint64_t word_at(const struct flash_bank *b, const uint8_t *p)
{
	uint64_t v = 0;

	memcpy(&v, p, b->width);	/* little-endian bus */
	return v;
}

static bool is_erased(const struct flash_bank *b, uint64_t v)
{
	return v == (b->width == 8 ? ~0ULL : (1ULL << 8 * b->width) - 1);
}

static int program_words(const struct flash_bank *b, uint64_t off,
			 const uint8_t *p, size_t len)
{
	int err;

	for (; len; len -= b->width, off += b->width, p += b->width) {
		if (is_erased(b, word_at(b, p)))
			continue;
		cmd(b, off, CMD_PROGRAM);
		bus_write(b, off, word_at(b, p));
		err = wait_ready(b, off, PROGRAM_TIMEOUT_US, "program");
		if (err)
			return err;
	}
	return 0;
}

/*
 * One write-buffer load, inside one buffer window. The write-to-buffer
 * command goes to the first word's own address (QEMU's pflash takes the
 * buffer only there, not at the block base); the count is the words less
 * one, per chip.
 */
static int program_buffer(const struct flash_bank *b, uint64_t off,
			  const uint8_t *p, size_t len)
{
	size_t words = len / b->width, i;
	int err;

	cmd(b, off, CMD_WRITE_BUF);
	err = wait_ready(b, off, PROGRAM_TIMEOUT_US, "write buffer");
	if (err)
		return err;
	bus_write(b, off, lanes(b, words - 1));
	for (i = 0; i < words; i++)
		bus_write(b, off + i * b->width, word_at(b, p + i * b->width));
	cmd(b, off, CMD_CONFIRM);
	return wait_ready(b, off, PROGRAM_TIMEOUT_US, "buffered program");
}

static bool all_erased(const struct flash_bank *b, const uint8_t *p,
		       size_t len)
{
	size_t i;

	for (i = 0; i < len; i += b->width)
		if (!is_erased(b, word_at(b, p + i)))
			return false;
	return true;
}

int flash_write(const struct flash_bank *b, uint64_t off, const void *buf,
		size_t len)
{
	const uint8_t *p = buf;
	uint64_t n, start = off;
	int err = check_writable(b, off, len);

	if (err)
		return err;
	if (off % b->width || len % b->width)
		return -EINVAL;
	cmd(b, off, CMD_CLEAR_STATUS);
	while (len && !err) {
		if (!b->buffer_size) {
			err = program_words(b, off, p, len);
			break;
		}
		n = b->buffer_size - off % b->buffer_size;
		if (n > len)
			n = len;
		if (!all_erased(b, p, n))
			err = program_buffer(b, off, p, n);
		off += n;
		p += n;
		len -= n;
	}
	cmd(b, start, CMD_READ_ARRAY);
	return err;
}

/* Query mode: the table, one byte per query offset (chip 0's lane). */
static int query(struct flash_bank *b)
{
	uint8_t q[CFI_QUERY_LEN];
	unsigned int i;

	b->chips = b->width;	/* until known: the command in every byte */
	cmd(b, 0, CMD_READ_ARRAY);
	cmd(b, QUERY_ADDR * b->width, CMD_QUERY);
	for (i = 0; i < CFI_QUERY_LEN; i++)
		q[i] = bus_read(b, i * b->width);
	cmd(b, 0, CMD_READ_ARRAY);
	return cfi_parse_query(q, b->size, b->width, b);
}

static bool holds_loader(uint64_t base, uint64_t size)
{
	uintptr_t self = (uintptr_t)&flash_bank;

	return self >= base && self - base < size;
}

static int cfi_flash_probe(struct device *dev)
{
	const fdt32_t *bw = fdt_getprop(dev->fdt, dev->node, "bank-width",
					NULL);
	struct flash_bank *b;
	uint64_t base, size;
	unsigned int width;
	int i;

	width = bw ? fdt32_to_cpu(*bw) : 0;
	if (width != 1 && width != 2 && width != 4 && width != 8) {
		pr_err("%s: bank-width %u not supported\n", dev->name, width);
		return -EINVAL;
	}
	for (i = 0; !dev_read_reg(dev, i, &base, &size); i++) {
		if (nbanks == FLASH_MAX_BANKS) {
			pr_err("%s: more than %d banks, the rest ignored\n",
			       dev->name, FLASH_MAX_BANKS);
			break;
		}
		b = &banks[nbanks++];
		*b = (struct flash_bank){ .base = base, .size = size,
					  .width = width, .chips = 1 };
		if (holds_loader(base, size)) {
			b->is_firmware = true;
			continue;
		}
		if (base % width || size % width || query(b))
			pr_err("no CFI flash answers at 0x%llx\n",
			       (unsigned long long)base);
	}
	return 0;
}

static const char *const cfi_flash_compatible[] = { "cfi-flash", NULL };

DRIVER(cfi_flash) = {
	.name = "cfi-flash",
	.compatible = cfi_flash_compatible,
	.probe = cfi_flash_probe,
};
