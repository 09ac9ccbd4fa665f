// SPDX-License-Identifier: MIT
/*
 * pxe.c - PXE as U-Boot's pxe command does it: find the config by
 * pxelinux's rules (pxelinux.cfg/01-<MAC>, the address in hex cut one
 * digit at a time, default) next to the boot file, keep it at
 * pxefile_addr_r, and boot it through the extlinux code with TFTP as its
 * file source (sizes from the server's tsize answer).
 */
#define pr_fmt(fmt) "pxe: " fmt
#include <boot.h>
#include <env.h>
#include <ctype.h>
#include <errno.h>
#include <extlinux.h>
#include <net.h>
#include <stdio.h>
#include <string.h>
#include <virtboot.h>

/* What pxe get found, for pxe boot. */
static struct {
	uint64_t addr, len;
	char name[EXTLINUX_PATH_MAX];	/* <bootdir><config's name> */
	char dir[EXTLINUX_PATH_MAX];	/* <bootdir> */
	char path[EXTLINUX_PATH_MAX];	/* where it was on the server */
	uint32_t server;
	bool valid;
} found;

/* The boot file's directory with its '/', or "". */
static void boot_dir(char *dir, size_t size)
{
	const char *bf = env_get("bootfile"), *slash;
	size_t n;

	dir[0] = '\0';
	if (!bf || !(slash = strrchr(bf, '/')))
		return;
	n = (size_t)(slash - bf + 1);
	if (n < size) {
		memcpy(dir, bf, n);
		dir[n] = '\0';
	}
}

static int get_server(uint32_t *server)
{
	if (net_parse_ip(env_get("serverip"), server)) {
		printf("*** ERROR: `serverip' not set\n");
		return -EINVAL;
	}
	return 0;
}

/* Try one config name: 0 (found, loaded at addr), -ENOENT (try the
 * next), else stop. */
static int try_config(uint32_t server, const char *name, uint64_t addr,
		      uint64_t max)
{
	char path[EXTLINUX_PATH_MAX];
	uint64_t len;
	int err;

	snprintf(path, sizeof(path), "%spxelinux.cfg/%s", found.dir, name);
	printf("Retrieving file: %s\n", path);
	err = net_tftp_get(server, path, addr, max, &len, NET_TFTP_QUIET);
	if (err)
		return err;
	found.addr = addr;
	found.len = len;
	found.server = server;
	snprintf(found.name, sizeof(found.name), "%s%s", found.dir, name);
	snprintf(found.path, sizeof(found.path), "%s", path);
	found.valid = true;
	env_set_hex("filesize", len);
	return 0;
}

int net_pxe_get(void)
{
	char name[32];
	const char *mac = env_get("ethaddr");
	uint64_t addr, max;
	uint32_t server, ip;
	int err, i;

	found.valid = false;
	err = net_start();
	if (err)
		return err;
	if (env_get_number("pxefile_addr_r", &addr) && net_load_addr(&addr)) {
		printf("pxe: no free RAM for the config\n");
		return -ENOMEM;
	}
	max = MIN(net_free_from(addr), (uint64_t)EXTLINUX_FILE_MAX);
	if (!max) {
		printf("pxe: 0x%llx is not free RAM\n", (unsigned long long)addr);
		return -EFAULT;
	}
	err = get_server(&server);
	if (err)
		return err;
	boot_dir(found.dir, sizeof(found.dir));
	err = -ENOENT;
	if (mac && strlen(mac) == 17) {
		snprintf(name, sizeof(name), "01-%s", mac);
		for (i = 3; name[i]; i++)
			name[i] = name[i] == ':' ? '-' : (char)tolower(name[i]);
		err = try_config(server, name, addr, max);
	}
	if (err == -ENOENT && !net_parse_ip(env_get("ipaddr"), &ip)) {
		snprintf(name, sizeof(name), "%08X",
			 (unsigned int)__builtin_bswap32(ip));
		for (i = 8; i > 0 && err == -ENOENT; i--) {
			name[i] = '\0';
			err = try_config(server, name, addr, max);
		}
	}
	if (err == -ENOENT)
		err = try_config(server, "default", addr, max);
	if (err) {
		printf("Config file not found\n");
		return err;
	}
	printf("Config file '%s' found\n", found.path);
	return 0;
}

/* The extlinux file source: the config from memory (where pxe get put
 * it), everything else from the server. */
static int src_size(void *arg, const char *path, uint64_t *size)
{
	if (!strcmp(path, found.name)) {
		*size = found.len;
		return 0;
	}
	return net_tftp_size(found.server, path, size);
}

static int src_read(void *arg, const char *path, uint64_t addr, uint64_t max,
		    uint64_t *len)
{
	if (!strcmp(path, found.name)) {
		*len = MIN(max, found.len);
		memcpy((void *)(uintptr_t)addr, (void *)(uintptr_t)found.addr,
		       *len);
		return 0;
	}
	/* The boot flow has claimed [addr, addr + max). Small reads (an
	 * Image's header) are quiet. */
	return net_tftp_get(found.server, path, addr, max, len,
			    NET_TFTP_TRUSTED | NET_TFTP_PARTIAL |
			    (max < 64 * 1024 ? NET_TFTP_QUIET : 0));
}

int net_pxe_boot(uint64_t addr, bool have_addr)
{
	static const struct extlinux_files src = { src_size, src_read, NULL };

	if (!found.valid) {
		printf("pxe: no config: run pxe get first\n");
		return -ENOENT;
	}
	if (have_addr && addr != found.addr) {
		printf("pxe: no config at 0x%llx (pxe get put it at 0x%llx)\n",
		       (unsigned long long)addr,
		       (unsigned long long)found.addr);
		return -ENOENT;
	}
	/* The config is read under a name in the boot file's directory,
	 * so that relative paths in it are relative to that directory,
	 * as pxelinux has them. */
	return extlinux_boot(&src, found.name, false);
}

int net_boot_pxe(void)
{
	int err = net_dhcp();

	if (!err)
		err = net_pxe_get();
	if (!err)
		err = net_pxe_boot(0, false);
	return err;
}
