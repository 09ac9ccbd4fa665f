/* SPDX-License-Identifier: MIT */
/*
 * boot_hooks.h - what the boot flows tell whoever listens: load progress,
 * and device-tree fix-ups others add to the tree Linux gets (the display
 * hands itself over there). A notifier list in lib/: a driver registers,
 * the boot flows call, and neither knows the other.
 */
#ifndef BOOT_HOOKS_H
#define BOOT_HOOKS_H

#include <stdint.h>

#define BOOT_HOOKS_MAX	4

/* Add a fix-up of the tree Linux gets (0 or a negative errno: the boot
 * stops), or a progress listener; -ENOSPC when the list is full. */
int boot_add_fixup(int (*fn)(void *fdt));
int boot_add_progress(void (*fn)(uint64_t done, uint64_t total));

/* Run the fix-ups in the order they were added; the first error stops. */
int boot_run_fixups(void *fdt);
/* done of total bytes loaded (total 0: start over). */
void boot_progress(uint64_t done, uint64_t total);

#endif
