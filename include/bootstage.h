/* SPDX-License-Identifier: MIT */
/*
 * bootstage.h - boot-stage timestamps from the generic counter, which
 * starts with the machine: "ms since reset" is the time since QEMU started
 * the CPU. The bootstage command prints the table; with the environment's
 * bootstage_report=1 it is printed before "Starting kernel ...".
 */
#ifndef BOOTSTAGE_H
#define BOOTSTAGE_H

#include <stdint.h>

/* Record that the named stage ended now (name must outlive the loader:
 * a string literal). */
void bootstage_mark(const char *name);
/* The same at a counter value taken earlier (start.S's entry). */
void bootstage_mark_at(const char *name, uint64_t ticks);
/* Record a load of bytes that started at counter value start_ticks: the
 * table shows its size and rate. */
void bootstage_mark_load(const char *name, uint64_t bytes,
			 uint64_t start_ticks);
/* Print the table. */
void bootstage_report(void);

#endif
