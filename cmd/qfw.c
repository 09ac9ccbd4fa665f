// SPDX-License-Identifier: MIT
/*
 * qfw - U-Boot's spelling of the fw_cfg commands (U-Boot cmd/qfw.c): list
 * the files, count the CPUs, load the kernel and initrd QEMU was given.
 */
#include <command.h>
#include <dt.h>
#include <env.h>
#include <fw_cfg.h>
#include <libfdt.h>
#include <string.h>
#include <virtboot.h>

static int qfw_list(void)
{
	const struct fw_cfg_file *f;
	int i;

	printf("    Addr     Size Sel Name\n");
	printf("-------- -------- --- ------------\n");
	for (i = 0; (f = fw_cfg_file_at(i)); i++)
		printf("%08x %08x %3x %s\n", 0, f->size, f->select, f->name);
	return 0;
}

/* The device tree's CPU nodes (device_type "cpu" under /cpus). */
static int qfw_cpus(void)
{
	const void *fdt = dt_blob();
	int cpus, node, n = 0;
	const char *type;

	cpus = fdt ? fdt_path_offset(fdt, "/cpus") : -FDT_ERR_NOTFOUND;
	if (cpus < 0) {
		printf("qfw: the device tree has no /cpus\n");
		return -ENOENT;
	}
	fdt_for_each_subnode(node, fdt, cpus) {
		type = fdt_getprop(fdt, node, "device_type", NULL);
		if (type && !strcmp(type, "cpu") && dt_node_is_okay(fdt, node))
			n++;
	}
	printf("%d cpu(s) online\n", n);
	return 0;
}

static int qfw_addr(const char *arg, const char *var, uint64_t *addr)
{
	if (arg) {
		if (parse_hex(arg, addr))
			return cmd_bad_number("qfw", arg);
		return 0;
	}
	if (!env_get(var)) {
		printf("qfw: no address given and %s is not set\n", var);
		return -ENOENT;
	}
	*addr = env_get_hex(var, 0);
	return 0;
}

/* Like U-Boot: the kernel (required), the initrd if QEMU has one, and
 * bootargs from -append; filesize ends as the last item's size. */
static int qfw_load(int argc, char *argv[])
{
	uint64_t kaddr, iaddr = 0;
	bool has_initrd = fw_cfg_read_u32(FW_CFG_INITRD_SIZE) != 0;
	int err;

	err = qfw_addr(argc > 2 ? argv[2] : NULL, "kernel_addr_r", &kaddr);
	if (!err && has_initrd)
		err = qfw_addr(argc > 3 ? argv[3] : NULL, "ramdisk_addr_r",
			       &iaddr);
	if (err)
		return err;
	if (!fw_cfg_read_u32(FW_CFG_KERNEL_SIZE)) {
		printf("qfw: QEMU has no kernel (no -kernel)\n");
		return -ENOENT;
	}
	printf("loading kernel to address 0x%llx\n", (unsigned long long)kaddr);
	err = fw_cfg_cmd_load("qfw", "kernel", kaddr, 0);
	if (!err && has_initrd) {
		printf("loading initrd to address 0x%llx\n",
		       (unsigned long long)iaddr);
		err = fw_cfg_cmd_load("qfw", "initrd", iaddr, 0);
	}
	return err ? err : fw_cfg_import_cmdline();
}

static int do_qfw(int argc, char *argv[])
{
	if (argc < 2)
		return -EINVAL;
	if (!strcmp(argv[1], "cpus") && argc == 2)
		return qfw_cpus();
	if (!fw_cfg_get_info()) {
		printf("qfw: no fw_cfg device (no \"qemu,fw-cfg-mmio\" node)\n");
		return -ENODEV;
	}
	if (!strcmp(argv[1], "list") && argc == 2)
		return qfw_list();
	if (!strcmp(argv[1], "load") && argc <= 4)
		return qfw_load(argc, argv);
	return -EINVAL;
}

COMMAND(qfw, .run = do_qfw,
	.usage = "qfw list|cpus|load [kernel_addr [initrd_addr]]",
	.summary = "QEMU firmware interface",
	.help =
	"list                           - list fw_cfg files\n"
	"cpus                           - print the number of CPUs\n"
	"load [kernel_addr [initrd_addr]] - load the kernel and initrd\n"
	"                                 (default addresses: $kernel_addr_r,\n"
	"                                 $ramdisk_addr_r); bootargs from\n"
	"                                 -append\n");
