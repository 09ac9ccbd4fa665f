// SPDX-License-Identifier: MIT
/*
 * distro.c - the default boot: U-Boot's distro boot scan, over the
 * targets in $boot_targets ("fwcfg virtio" by default).
 *
 *   fwcfg     QEMU's -kernel, when there is one (bootfw)
 *   virtio    every virtio disk in order (U-Boot scans only virtio0)
 *   virtioN   disk N
 *   dhcp      DHCP, then $bootfile over TFTP, booted as booti
 *   pxe       DHCP, then pxelinux.cfg over TFTP (pxe get, pxe boot)
 *
 * On a disk, the partitions with the bootable flag (MBR) or the legacy
 * BIOS bootable attribute (GPT) come first, then the others (U-Boot's
 * scan tries only the bootable ones, or partition 1 alone when none is);
 * a disk without a table is one filesystem. On each filesystem, in
 * U-Boot's order: /extlinux/extlinux.conf, /boot/extlinux/extlinux.conf,
 * /boot.scr, /boot/boot.scr. The first that boots wins; a failure says
 * so and the scan goes on. A script runs with devtype, devnum,
 * distro_bootpart and prefix set, loaded at $scriptaddr, as U-Boot's.
 */
#include <blk.h>
#include <boot.h>
#include <cli.h>
#include <console.h>
#include <env.h>
#include <extlinux.h>
#include <fs.h>
#include <fw_cfg.h>
#include <net.h>
#include <part.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

#define PARTS_MAX	128
#define WHERE_MAX	160

static const struct {
	const char *path;
	bool script;
} boot_files[] = {
	{ "/extlinux/extlinux.conf", false },
	{ "/boot/extlinux/extlinux.conf", false },
	{ "/boot.scr", true },
	{ "/boot/boot.scr", true },
};

/* Where the scan looked, for the line that says nothing was found. */
struct scan {
	char where[WHERE_MAX];
	bool interrupted;
};

static void looked(struct scan *s, const char *fmt, ...)
{
	size_t n = strlen(s->where);
	va_list ap;

	if (n + 4 >= sizeof(s->where))
		return;
	if (n)
		s->where[n++] = ',', s->where[n++] = ' ';
	va_start(ap, fmt);
	vsnprintf(s->where + n, sizeof(s->where) - n, fmt, ap);
	va_end(ap);
	if (strlen(s->where) == sizeof(s->where) - 1)
		strcpy(s->where + sizeof(s->where) - 4, "...");
}

static bool stop(struct scan *s)
{
	if (console_ctrlc())
		s->interrupted = true;
	return s->interrupted;
}

static void try_fwcfg(struct scan *s)
{
	if (!IS_ENABLED(CONFIG_FW_CFG) || !fw_cfg_get_info() ||
	    !fw_cfg_read_u32(FW_CFG_KERNEL_SIZE)) {
		looked(s, "fwcfg (no -kernel)");
		return;
	}
	looked(s, "fwcfg");
	printf("Found QEMU's -kernel in fw_cfg\n");
	boot_fw_cfg(false);
	printf("FWCFG FAILED: continuing...\n");
}

/* The files of one filesystem, in order; returns when none booted. */
static void try_part(struct scan *s, struct blk_dev *disk, int devnum,
		     int part)
{
	struct blk_dev view;
	const char *path;
	char num[12];
	struct fs *fs;
	unsigned int i;

	if (part_blk(disk, part, &view) || fs_open(&view, &fs))
		return;
	printf("Scanning virtio %x:%x...\n", devnum, part);
	looked(s, "virtio %x:%x", devnum, part);
	for (i = 0; i < ARRAY_SIZE(boot_files) && !stop(s); i++) {
		path = boot_files[i].path;
		if (!fs_exists(fs, path))
			continue;
		env_set("devtype", "virtio");
		snprintf(num, sizeof(num), "%x", devnum);
		env_set("devnum", num);
		snprintf(num, sizeof(num), "%x", part);
		env_set("distro_bootpart", num);
		env_set("prefix", strncmp(path, "/boot/", 6) ? "/" : "/boot/");
		if (!boot_files[i].script) {
			printf("Found %s\n", path);
			if (extlinux_boot_fs(fs, path, false) == -EINTR) {
				s->interrupted = true;	/* at the menu */
				break;
			}
			printf("EXTLINUX FAILED: continuing...\n");
		} else {
			printf("Found U-Boot script %s\n", path);
			cli_run("load ${devtype} ${devnum}:${distro_bootpart} "
				"${scriptaddr} ${prefix}boot.scr && "
				"source ${scriptaddr}");
			printf("SCRIPT FAILED: continuing...\n");
		}
	}
	fs_close(fs);
}

/* dhcp or pxe: with a network card only (without one, nothing to say
 * but where the scan looked). */
static void try_net(struct scan *s, const char *name)
{
	if (!net_count()) {
		looked(s, "%s (no network card)", name);
		return;
	}
	looked(s, "%s", name);
	if (!strcmp(name, "dhcp"))
		net_boot_dhcp();
	else
		net_boot_pxe();
	printf("%s FAILED: continuing...\n", !strcmp(name, "dhcp") ?
	       "DHCP" : "PXE");
}

static int note_part(const struct part_info *info, void *arg)
{
	int *list = arg;

	if (list[0] < PARTS_MAX)
		list[1 + list[0]++] = info->number | (info->bootable << 16);
	return 0;
}

/* A disk: its bootable partitions, then the others, or the whole disk
 * without a table. */
static void try_disk(struct scan *s, int devnum)
{
	struct blk_dev *disk = blk_get("virtio", devnum);
	int list[1 + PARTS_MAX] = { 0 }, pass, i, err;

	if (!disk)
		return;
	err = part_foreach(disk, note_part, list);
	if (err == -ENOENT) {
		try_part(s, disk, devnum, 0);
		return;
	}
	for (pass = 1; pass >= 0; pass--)
		for (i = 1; i <= list[0] && !stop(s); i++)
			if ((list[i] >> 16) == pass)
				try_part(s, disk, devnum, list[i] & 0xffff);
}

int distro_boot(const char *targets)
{
	struct scan s = { "", false };
	const char *t = targets, *end;
	char name[16];
	size_t n;
	int i;

	while (!stop(&s)) {
		t += strspn(t, " ");
		if (!*t)
			break;
		end = t + strcspn(t, " ");
		n = MIN((size_t)(end - t), sizeof(name) - 1);
		memcpy(name, t, n);
		name[n] = '\0';
		t = end;
		if (!strcmp(name, "fwcfg")) {
			try_fwcfg(&s);
		} else if (!strcmp(name, "virtio")) {
			for (i = 0; i < blk_count("virtio") && !stop(&s); i++)
				try_disk(&s, i);
		} else if (IS_ENABLED(CONFIG_NET) &&
			   (!strcmp(name, "dhcp") || !strcmp(name, "pxe"))) {
			try_net(&s, name);
		} else if (!strncmp(name, "virtio", 6) && name[6] &&
			   strspn(name + 6, "0123456789") == n - 6) {
			try_disk(&s, atoi(name + 6));
		} else {
			printf("distroboot: unknown boot target '%s'\n", name);
		}
	}
	if (s.interrupted) {
		printf("distroboot: interrupted\n");
		return -EINTR;
	}
	printf("distroboot: nothing to boot in %s\n",
	       *s.where ? s.where : "no target");
	return -ENOENT;
}
