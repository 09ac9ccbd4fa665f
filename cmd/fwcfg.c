// SPDX-License-Identifier: MIT
/*
 * fwcfg - list, print, dump, load and write QEMU fw_cfg files and the
 * legacy kernel/initrd/cmdline items (QEMU docs/specs/fw_cfg.rst).
 */
#include <command.h>
#include <console.h>
#include <env.h>
#include <fw_cfg.h>
#include <mem.h>
#include <stdlib.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define SHOW_CHUNK	(64 * 1024)	/* cat and dump read this much at once */

struct item {
	uint16_t select;
	uint32_t size;
	const char *name;
};

static const struct {
	const char *name;
	uint16_t size_sel, data_sel;
} legacy[] = {
	{ "kernel", FW_CFG_KERNEL_SIZE, FW_CFG_KERNEL_DATA },
	{ "initrd", FW_CFG_INITRD_SIZE, FW_CFG_INITRD_DATA },
	{ "cmdline", FW_CFG_CMDLINE_SIZE, FW_CFG_CMDLINE_DATA },
};

/* A file by name, or a legacy item (kernel, initrd, cmdline) if present. */
static int find_item(const char *name, struct item *it)
{
	const struct fw_cfg_file *f = fw_cfg_find(name);
	unsigned int i;

	if (f) {
		*it = (struct item){ f->select, f->size, f->name };
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(legacy); i++) {
		if (strcmp(name, legacy[i].name))
			continue;
		*it = (struct item){ legacy[i].data_sel,
				     fw_cfg_read_u32(legacy[i].size_sel),
				     legacy[i].name };
		if (it->size)
			return 0;
		printf("fwcfg: QEMU has no %s (no -%s)\n", name,
		       strcmp(name, "cmdline") ? name : "append");
		return -ENOENT;
	}
	printf("fwcfg: no file '%s'\n", name);
	return -ENOENT;
}

static int do_ls(void)
{
	int i, n = fw_cfg_file_count();
	const struct fw_cfg_file *f;
	unsigned int j;
	uint32_t size;

	if (n < 0) {
		printf("fwcfg: cannot read the file directory (%d)\n", n);
		return n;
	}
	printf("sel        size  name\n");
	for (i = 0; (f = fw_cfg_file_at(i)); i++)
		printf("%04x %10u  %s\n", f->select, f->size, f->name);
	for (j = 0; j < ARRAY_SIZE(legacy); j++) {
		size = fw_cfg_read_u32(legacy[j].size_sel);
		if (size)
			printf("%04x %10u  (%s)\n", legacy[j].data_sel, size,
			       legacy[j].name);
	}
	printf("%d file%s\n", n, n == 1 ? "" : "s");
	return 0;
}

/* Print the first len bytes of an item, a chunk at a time (Ctrl-C
 * stops): show() gets each chunk, its offset and the item's size. */
static int show_item(const char *name, uint64_t len,
		     void (*show)(const uint8_t *buf, uint32_t n,
				  uint64_t offset, uint64_t total))
{
	struct item it;
	uint64_t off;
	uint32_t n;
	uint8_t *buf;
	int err = find_item(name, &it);

	if (err)
		return err;
	len = MIN(len, (uint64_t)it.size);
	buf = malloc(SHOW_CHUNK);
	if (!buf) {
		printf("fwcfg: out of memory\n");
		return -ENOMEM;
	}
	for (off = 0; off < len; off += n) {
		n = MIN(len - off, SHOW_CHUNK);
		err = fw_cfg_read(it.select, off, buf, n);
		if (err) {
			printf("fwcfg: reading %s failed (%d)\n", it.name, err);
			break;
		}
		show(buf, n, off, it.size);
		if (console_ctrlc()) {
			printf("<INTERRUPT>\n");
			err = -EINTR;
			break;
		}
	}
	free(buf);
	return err;
}

/* Text, other bytes as \xNN; a string's final NUL is dropped. */
static void show_text(const uint8_t *buf, uint32_t n, uint64_t offset,
		      uint64_t total)
{
	static uint8_t last;
	uint32_t i;

	for (i = 0; i < n; i++) {
		uint8_t c = buf[i];

		if (c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7f && c != '\\'))
			putchar(c);
		else if (c == '\\')
			printf("\\\\");
		else if (c || offset + i + 1 != total)
			printf("\\x%02x", c);
		if (c || offset + i + 1 != total)
			last = c;
	}
	if (offset + n == total && last != '\n')
		putchar('\n');
	if (offset + n == total)
		last = '\n';
}

/* Offsets in the file, then bytes, then ASCII: md.b's layout. */
static void show_hex(const uint8_t *buf, uint32_t n, uint64_t offset,
		     uint64_t total)
{
	uint32_t i;

	for (i = 0; i < n; i += 16)
		cmd_print_line(offset + i, buf + i, 1, MIN(n - i, 16u), 16);
}

int fw_cfg_cmd_load(const char *cmd, const char *name, uint64_t addr,
		    uint64_t max)
{
	struct item it;
	uint64_t len, t0;
	int err = find_item(name, &it);

	if (err)
		return err;
	len = max ? MIN(max, (uint64_t)it.size) : it.size;
	err = cmd_check_write(cmd, addr, len, true);
	if (err)
		return err;
	t0 = timer_us();
	err = fw_cfg_read(it.select, 0, (void *)(uintptr_t)addr, len);
	if (err) {
		printf("%s: reading %s failed (%d)\n", cmd, it.name, err);
		return err;
	}
	cmd_print_rate(len, timer_us() - t0);
	env_set_hex("filesize", len);
	return 0;
}

static int do_write(const char *name, const char *addr_s, const char *len_s)
{
	uint64_t addr, len;
	int err;

	if (parse_hex(addr_s, &addr))
		return cmd_bad_number("fwcfg", addr_s);
	if (parse_hex(len_s, &len))
		return cmd_bad_number("fwcfg", len_s);
	/* The device reads the source by DMA: RAM only, so that a refusal
	 * from QEMU means the file, not the source. */
	if (len && !mem_is_ram(addr, len)) {
		printf("fwcfg: source 0x%llx..0x%llx is not inside RAM\n",
		       (unsigned long long)addr,
		       (unsigned long long)(addr + len));
		return -EFAULT;
	}
	err = fw_cfg_write_file(name, (const void *)(uintptr_t)addr, len);
	switch (err) {
	case 0:
		break;
	case -ENOENT:
		printf("fwcfg: no file '%s'\n", name);
		break;
	case -EACCES:
		printf("fwcfg: QEMU refused the write: '%s' is read-only\n",
		       name);
		break;
	case -ENOTSUP:
		printf("fwcfg: writes need DMA, which this device lacks\n");
		break;
	case -ERANGE:
		printf("fwcfg: 0x%llx bytes do not fit '%s'\n",
		       (unsigned long long)len, name);
		break;
	default:
		printf("fwcfg: writing '%s' failed (%d)\n", name, err);
	}
	return err;
}

static int do_info(const struct fw_cfg_info *info)
{
	int n = fw_cfg_file_count();
	char sig[5] = "";

	fw_cfg_read(FW_CFG_SIGNATURE, 0, sig, 4);
	printf("interface: %s\n", info->dma ? "DMA" : info->has_dma ?
	       "data register (DMA turned off)" : "data register");
	printf("base:      0x%08llx (0x%llx bytes)\n",
	       (unsigned long long)info->base, (unsigned long long)info->size);
	printf("signature: %s\n", sig);
	printf("features:  0x%x%s%s\n", info->features,
	       info->features & FW_CFG_FEATURE_TRADITIONAL ? " traditional" : "",
	       info->features & FW_CFG_FEATURE_DMA ? " dma" : "");
	printf("coherent:  %s\n", info->coherent ? "yes" : "no");
	printf("files:     %d\n", n);
	return n < 0 ? n : 0;
}

static int do_dma(const char *arg)
{
	int err;

	if (!arg) {
		printf("%s\n", fw_cfg_get_info()->dma ? "on" : "off");
		return 0;
	}
	if (strcmp(arg, "on") && strcmp(arg, "off"))
		return -EINVAL;
	err = fw_cfg_use_dma(!strcmp(arg, "on"));
	if (err)
		printf("fwcfg: this device has no DMA\n");
	return err;
}

static int do_fwcfg(int argc, char *argv[])
{
	const struct fw_cfg_info *info = fw_cfg_get_info();
	uint64_t addr, len = 0;

	if (argc < 2)
		return -EINVAL;
	if (!info) {
		printf("fwcfg: no fw_cfg device (no \"qemu,fw-cfg-mmio\" node)\n");
		return -ENODEV;
	}
	if (!strcmp(argv[1], "ls") && argc == 2)
		return do_ls();
	if (!strcmp(argv[1], "info") && argc == 2)
		return do_info(info);
	if (!strcmp(argv[1], "dma") && argc <= 3)
		return do_dma(argv[2]);
	if (!strcmp(argv[1], "cat") && argc == 3)
		return show_item(argv[2], UINT64_MAX, show_text);
	if (!strcmp(argv[1], "dump") && (argc == 3 || argc == 4)) {
		if (argc == 4 && parse_hex(argv[3], &len))
			return cmd_bad_number(argv[0], argv[3]);
		return show_item(argv[2], argc == 4 ? len : UINT64_MAX,
				 show_hex);
	}
	if (!strcmp(argv[1], "load") && (argc == 4 || argc == 5)) {
		if (parse_hex(argv[3], &addr))
			return cmd_bad_number(argv[0], argv[3]);
		if (argc == 5 && parse_hex(argv[4], &len))
			return cmd_bad_number(argv[0], argv[4]);
		return fw_cfg_cmd_load(argv[0], argv[2], addr, len);
	}
	if (!strcmp(argv[1], "write") && argc == 5)
		return do_write(argv[2], argv[3], argv[4]);
	return -EINVAL;
}

COMMAND(fwcfg, .run = do_fwcfg,
	.usage = "fwcfg ls|info|cat NAME|dump NAME [len]|load NAME ADDR [len]|write NAME ADDR LEN|dma [on|off]",
	.summary = "QEMU fw_cfg files",
	.help =
	"ls                   - list the files and kernel, initrd, cmdline\n"
	"info                 - interface, base, signature, features\n"
	"cat NAME             - print a file as text\n"
	"dump NAME [len]      - hex dump of a file\n"
	"load NAME ADDR [len] - copy a file (or kernel, initrd) to memory;\n"
	"                       sets filesize\n"
	"write NAME ADDR LEN  - write a file by DMA\n"
	"dma [on|off]         - read by DMA or through the data register\n");
