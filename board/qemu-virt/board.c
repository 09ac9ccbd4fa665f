// SPDX-License-Identifier: MIT
/*
 * board.c - QEMU virt: find the DTB QEMU placed at the start of RAM, then
 * run the init list, top to bottom, and hand over to the shell.
 */
#define pr_fmt(fmt) "board: " fmt
#include <arch.h>
#include <autoboot.h>
#include <boot.h>
#include <board.h>
#include <bootstage.h>
#include <cli.h>
#include <console.h>
#include <driver.h>
#include <dt.h>
#include <env.h>
#include <fb.h>
#include <fw_cfg.h>
#include <libfdt.h>
#include <mem.h>
#include <net.h>
#include <pl011.h>
#include <region.h>
#include <timer.h>
#include <virtboot.h>

static unsigned int entry_el;

unsigned int board_entry_el(void)
{
	return entry_el;
}

/* Copy the tree out of the way before anything else uses that RAM. An
 * unusable one is reported (on the fallback UART); the shell still comes. */
static int board_find_dtb(void)
{
	int err = dt_init((const void *)BOARD_RAM_BASE);

	dt_set_secure(entry_el == 3);

	if (err)
		pr_err("no usable device tree at 0x%lx: going on without one\n",
		       BOARD_RAM_BASE);
	return err;
}

static int board_mem_init(void)
{
	return mem_init(dt_blob());
}

/* What the allocator may hand out: RAM minus the loader's own RAM and
 * the reservations the device tree names. */
static int board_regions(void)
{
	extern char __ram_start[], __ram_end[];
	struct region banks[MEM_MAX_BANKS];
	const struct mem_bank *b;
	int i, err;

	for (i = 0; (b = mem_bank(i)); i++)
		banks[i] = (struct region){ b->start, b->size, "ram" };
	region_init(banks, i);
	err = region_reserve((uintptr_t)__ram_start, __ram_end - __ram_start,
			     "virtboot");
	if (err)
		pr_err("cannot reserve the loader's RAM: %d\n", err);
	if (dt_blob()) {
		/* A tree too big to copy is used where QEMU put it. */
		if ((uintptr_t)dt_blob() == BOARD_RAM_BASE)
			region_reserve(BOARD_RAM_BASE,
				       fdt_totalsize(dt_blob()), "fdt");
		region_reserve_fdt(dt_blob());
	}
	return err;
}

/* The console is what /chosen/stdout-path names; without one, the UART
 * every virt machine has, so that the user still gets a shell. */
static int board_probe(void)
{
	static struct pl011 fallback;

	if (dt_blob())
		drivers_probe(dt_blob());
	if (console_is_present() || !IS_ENABLED(CONFIG_SERIAL_PL011))
		return 0;
	pr_err("no console from /chosen/stdout-path: using the PL011 at 0x%lx\n",
	       BOARD_FALLBACK_UART);
	return pl011_console_init(&fallback, BOARD_FALLBACK_UART);
}

static int board_banner(void)
{
	printf("\n%s\n\n", version_string);
	return 0;
}

static int board_env_init(void)
{
	return env_set_default();
}

/* The saved environment replaces the defaults when its CRC is good. */
static int board_env_load(void)
{
	return IS_ENABLED(CONFIG_ENV_IS_IN_FLASH) ? env_load_saved() : 0;
}

/* The boot, in order; each step reports its own errors and the next one
 * runs anyway. The stage name is its bootstage mark. */
static const struct init_step {
	int (*fn)(void);
	const char *stage;
} init_sequence[] = {
	{ board_banner,		"banner" },	/* kept until a console exists */
	{ board_find_dtb,	"dtb copied" },
	{ board_mem_init,	"ram mapped" },
	{ board_regions,	"regions reserved" },
	{ board_probe,		"drivers probed" }, /* console first, fw_cfg... */
	{ boot_addrs_init,	"load addresses" },
	{ board_env_init,	"env defaults" },
	{ board_env_load,	"env flash" },	/* the saved copy */
	{ fw_cfg_env_import,	"env imported" }, /* opt/virtboot/env */
	{ fw_cfg_import_cmdline, "bootargs" },	/* -append */
	{ net_env_init,		"ethaddr" },	/* the NICs' MACs */
	{ fb_init,		"splash" },	/* ramfb, after fb_mode */
	{ fw_cfg_script_run,	"script" },	/* opt/virtboot/script */
	{ autoboot,		"autoboot stopped" },
};

void board_init(unsigned int el, uint64_t entry_ticks)
{
	unsigned int i;

	bootstage_mark_at("entry", entry_ticks);
	bootstage_mark("mmu on");
	entry_el = el;
	for (i = 0; i < ARRAY_SIZE(init_sequence); i++) {
		init_sequence[i].fn();
		bootstage_mark(init_sequence[i].stage);
	}
	cli_loop();
}
