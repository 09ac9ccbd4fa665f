// SPDX-License-Identifier: MIT
/*
 * iminfo - list and verify the images in memory, as U-Boot's: a FIT's
 * images, configurations, hashes and signatures, or a legacy image's
 * header, each checked (hashes, signatures against the keys, CRCs).
 */
#include <command.h>
#include <env.h>
#include <fit.h>
#include <legacy_image.h>
#include <libfdt.h>
#include <mem.h>
#include <virtboot.h>

static int check_fit(uint64_t addr)
{
	const void *fit = (const void *)(uintptr_t)addr;
	struct fit_image img;
	const char *why;
	char lead[96];
	uint64_t extent;
	int node, parent, i = 0, err, ret = 0;

	err = fit_open(fit, mem_ram_left(addr), &extent, &why);
	if (err) {
		printf("   %s\n", why);
		return err;
	}
	printf("   FIT image found\n");
	fit_print(fit);
	printf("## Checking hash(es) for FIT Image at %08llx ...\n",
	       (unsigned long long)addr);
	parent = fdt_path_offset(fit, "/images");
	fdt_for_each_subnode(node, fit, parent) {
		snprintf(lead, sizeof(lead), "   Hash(es) for Image %d (%s): ",
			 i++, fdt_get_name(fit, node, NULL));
		err = fit_image_get(fit, node, &img, &why);
		if (!err)
			err = fit_image_verify(fit, &img, lead, &why);
		else
			printf("%s\n", lead);
		if (err) {
			printf("   %s\n", why);
			ret = err;
		}
	}
	parent = fdt_path_offset(fit, "/configurations");
	i = 0;
	fdt_for_each_subnode(node, fit, parent) {
		snprintf(lead, sizeof(lead),
			 "   Signature(s) for Configuration %d (%s): ", i++,
			 fdt_get_name(fit, node, NULL));
		err = fit_conf_verify(fit, node, lead, &why);
		if (err) {
			printf("   %s\n", why);
			ret = err;
		}
	}
	return ret;
}

static int check_legacy(uint64_t addr)
{
	struct legacy_image img;
	const char *why;
	int err;

	err = legacy_image_parse((const void *)(uintptr_t)addr,
				 mem_ram_left(addr), &img, &why);
	printf("   Legacy image found\n");
	if (err) {
		printf("   %s\n", why);
		return err;
	}
	legacy_image_print(&img);
	printf("   Verifying Checksum ... OK\n");
	return 0;
}

static int do_iminfo(int argc, char *argv[])
{
	const void *p;
	uint64_t addr;
	int i, err, ret = 0;

	if (argc < 2 && env_get_number("loadaddr", &addr)) {
		printf("iminfo: no address given and no loadaddr\n");
		return -EINVAL;
	}
	for (i = 1; i < argc || i == 1; i++) {
		if (i < argc && parse_hex(argv[i], &addr))
			return cmd_bad_number("iminfo", argv[i]);
		printf("\n## Checking Image at %08llx ...\n",
		       (unsigned long long)addr);
		p = (const void *)(uintptr_t)addr;
		if (mem_ram_left(addr) < 4) {
			printf("   0x%llx is not in RAM\n",
			       (unsigned long long)addr);
			err = -EFAULT;
		} else if (fdt_magic(p) == FDT_MAGIC) {
			err = check_fit(addr);
		} else if (legacy_is_image(p, mem_ram_left(addr))) {
			err = check_legacy(addr);
		} else {
			printf("   Unknown image format!\n");
			err = -ENOEXEC;
		}
		if (err)
			ret = err;
	}
	return ret ? -EBADMSG : 0;
}

COMMAND(iminfo, .run = do_iminfo, .usage = "iminfo [addr ...]",
	.summary = "print header information for application image",
	.help = "  list a FIT or legacy image at each addr ($loadaddr) and\n"
		"  verify its hashes, signatures or checksums");
