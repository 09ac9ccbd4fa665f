/* SPDX-License-Identifier: MIT */
/*
 * region.h - the memory-region allocator (like U-Boot's lmb): RAM from the
 * device tree, minus what is reserved: the loader's own RAM (data, heap,
 * stack), the framebuffer, /memreserve/ entries, /reserved-memory nodes,
 * and whatever is placed through it (kernel, initrd, DTB). Nothing is
 * ever placed over a reservation.
 */
#ifndef REGION_H
#define REGION_H

#include <stdbool.h>
#include <stdint.h>

#define REGION_MAX 64

struct region {
	uint64_t base;
	uint64_t size;
	const char *owner;	/* "virtboot", "framebuffer", "kernel"... */
};

/* Start over with these RAM banks and no reservation. */
void region_init(const struct region *ram, int nram);
/* Reserve [base, base + size): -ERANGE outside RAM, -EBUSY over another
 * reservation (nothing is changed then), -ENOSPC when the table is full. */
int region_reserve(uint64_t base, uint64_t size, const char *owner);
/* Find the lowest free range of size bytes aligned to align (a power of
 * two) inside [min, max), reserve it, and return its base in *base.
 * -ENOMEM when none fits. */
int region_alloc(uint64_t size, uint64_t align, uint64_t min, uint64_t max,
		 const char *owner, uint64_t *base);
/* Drop the reservation that starts at base (-ENOENT if none does). */
int region_free(uint64_t base);
/* A checkpoint: region_rollback(mark) drops every reservation made since
 * region_mark() returned mark (what a command that faulted had placed).
 * Reservations freed since are not brought back. */
unsigned long region_mark(void);
void region_rollback(unsigned long mark);
/* True if [base, base + size) is RAM and overlaps no reservation. */
bool region_is_free(uint64_t base, uint64_t size);
/* The reservation overlapping [base, base + size), or NULL. */
const struct region *region_overlap(uint64_t base, uint64_t size);

/* Reservations in address order, for listings. */
int region_count(void);
const struct region *region_at(int i);
int region_ram_count(void);
const struct region *region_ram_at(int i);

/* Reserve the tree's /memreserve/ entries and /reserved-memory nodes
 * (static "reg" ones). Returns 0 or a negative errno; a bad entry is
 * reported and skipped. */
int region_reserve_fdt(const void *fdt);

#endif
