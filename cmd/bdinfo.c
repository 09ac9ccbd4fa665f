// SPDX-License-Identifier: MIT
/* bdinfo - board information in U-Boot's "%-12s= 0x%016llx" layout: RAM
 * banks, the device tree, the exception level, CPU, timer, the loader. */
#include <arch.h>
#include <board.h>
#include <command.h>
#include <dt.h>
#include <libfdt.h>
#include <mem.h>
#include <timer.h>
#include <virtboot.h>

extern char __image_start[], __image_end[], __ram_start[], __ram_end[];
extern char __heap_start[], __heap_end[], __stack_bottom[], __stack_top[];

static void num(const char *name, uint64_t v)
{
	printf("%-12s= 0x%016llx\n", name, (unsigned long long)v);
}

static void str(const char *name, const char *v)
{
	printf("%-12s= %s\n", name, v);
}

static const char *cpu_compatible(const void *fdt)
{
	int node = fdt ? fdt_node_offset_by_prop_value(fdt, -1, "device_type",
						       "cpu", 4) : -1;
	const char *compat = NULL;

	if (node >= 0)
		compat = fdt_getprop(fdt, node, "compatible", NULL);
	return compat ? compat : "unknown";
}

static int do_bdinfo(int argc, char *argv[])
{
	const void *fdt = dt_blob();
	const struct mem_bank *bank;
	int i;

	for (i = 0; (bank = mem_bank(i)); i++) {
		num("DRAM bank", i);
		num("-> start", bank->start);
		num("-> size", bank->size);
	}
	num("memsize", mem_total());
	num("fdt_blob", (uintptr_t)fdt);
	num("fdt_size", fdt ? fdt_totalsize(fdt) : 0);
	printf("%-12s= EL%u (entered at EL%u)\n", "current el", arch_el(),
	       board_entry_el());
	str("cpu", cpu_compatible(fdt));
	num("midr", read_sysreg(midr_el1));
	printf("%-12s= %llu Hz\n", "timer freq",
	       (unsigned long long)timer_freq());
	num("code start", (uintptr_t)__image_start);
	num("code end", (uintptr_t)__image_end);
	num("ram start", (uintptr_t)__ram_start);
	num("ram end", (uintptr_t)__ram_end);
	num("heap", (uintptr_t)__heap_start);
	num("heap size", __heap_end - __heap_start);
	num("stack top", (uintptr_t)__stack_top);
	num("stack size", __stack_top - __stack_bottom);
	return 0;
}

COMMAND(bdinfo, .run = do_bdinfo, .usage = "bdinfo",
	.summary = "print Board Info structure");
