// SPDX-License-Identifier: MIT
/*
 * source - run a script from memory, as U-Boot's: source [addr][:name]
 * (addr defaults to $loadaddr). The script is a legacy script image
 * (mkimage -T script); anything else is refused as U-Boot does. Its
 * lines run through the shell one at a time, all of them, as hush runs
 * a script; the status is the last line's. In a FIT image, ":name"
 * picks the script image (else the default configuration's script),
 * verified as bootm verifies; a legacy image ignores it.
 */
#include <cli.h>
#include <command.h>
#include <env.h>
#include <fit.h>
#include <libfdt.h>
#include <legacy_image.h>
#include <mem.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

/* A boot script is a few KiB; the copy comes from the heap. */
#define SOURCE_MAX	(256 * 1024)

static int do_source(int argc, char *argv[])
{
	struct legacy_image img;
	char *arg, *colon, *copy, name[32];
	const char *why, *script;
	uint64_t addr, room;
	size_t len;
	int err;

	if (argc > 2)
		return -EINVAL;
	arg = argc > 1 ? argv[1] : "";
	colon = strchr(arg, ':');
	if (colon)
		*colon = '\0';		/* a FIT subimage name: not used */
	if (!*arg && !env_get("loadaddr")) {
		printf("source: no address given and no loadaddr\n");
		return -EINVAL;
	}
	if (*arg ? parse_hex(arg, &addr) : env_get_number("loadaddr", &addr))
		return cmd_bad_number("source", *arg ? arg : "$loadaddr");
	printf("## Executing script at %08llx\n", (unsigned long long)addr);
	room = mem_ram_left(addr);
	if (room < LEGACY_HDR_SIZE) {
		printf("source: 0x%llx is not in RAM\n",
		       (unsigned long long)addr);
		return -EFAULT;
	}
	if (IS_ENABLED(CONFIG_FIT) &&
	    fdt_magic((void *)(uintptr_t)addr) == FDT_MAGIC) {
		err = fit_script(addr, room, colon ? colon + 1 : NULL, &script,
				 &len);
		if (err)
			return err;
		goto run;
	}
	if (!legacy_is_image((void *)(uintptr_t)addr, room)) {
		printf("Wrong image format for \"source\" command\n");
		return -ENOEXEC;
	}
	err = legacy_image_parse((void *)(uintptr_t)addr, room, &img, &why);
	if (!err)
		err = legacy_image_script(&img, &script, &len, &why);
	if (err) {
		printf("%s\n", why);
		return err;
	}
run:
	if (len > SOURCE_MAX) {
		printf("source: the script is %zu bytes, more than %u\n", len,
		       SOURCE_MAX);
		return -EFBIG;
	}
	/* A copy: the script may load over itself; a NUL ends it. */
	len = strnlen(script, len);
	copy = malloc(len + 1);
	if (!copy) {
		printf("source: out of memory\n");
		return -ENOMEM;
	}
	memcpy(copy, script, len);
	copy[len] = '\0';
	snprintf(name, sizeof(name), "script at %llx",
		 (unsigned long long)addr);
	err = cli_run_script(copy, len, name);
	free(copy);
	return err ? -ECANCELED : 0;
}

COMMAND(source, .run = do_source, .usage = "source [addr][:name]",
	.summary = "run script from memory",
	.help = "  run the legacy script image (mkimage -T script) at addr\n"
		"  ($loadaddr); its status is the last command's");
