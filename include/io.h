/* SPDX-License-Identifier: MIT */
/* io.h - MMIO accessors with the barriers inside, and byte-order helpers. */
#ifndef IO_H
#define IO_H

#include <stdint.h>

#define __io_br()	__asm__ volatile("dmb oshld" : : : "memory")
#define __io_bw()	__asm__ volatile("dmb oshst" : : : "memory")

static inline uint8_t __raw_readb(uintptr_t a)
{ return *(volatile uint8_t *)a; }
static inline uint16_t __raw_readw(uintptr_t a)
{ return *(volatile uint16_t *)a; }
static inline uint32_t __raw_readl(uintptr_t a)
{ return *(volatile uint32_t *)a; }
static inline uint64_t __raw_readq(uintptr_t a)
{ return *(volatile uint64_t *)a; }
static inline void __raw_writeb(uint8_t v, uintptr_t a)
{ *(volatile uint8_t *)a = v; }
static inline void __raw_writew(uint16_t v, uintptr_t a)
{ *(volatile uint16_t *)a = v; }
static inline void __raw_writel(uint32_t v, uintptr_t a)
{ *(volatile uint32_t *)a = v; }
static inline void __raw_writeq(uint64_t v, uintptr_t a)
{ *(volatile uint64_t *)a = v; }

/* Reads complete before later memory reads; writes follow earlier
 * memory writes (Linux's readl()/writel() semantics). */
#define readb(a)	({ uint8_t __v = __raw_readb(a); __io_br(); __v; })
#define readw(a)	({ uint16_t __v = __raw_readw(a); __io_br(); __v; })
#define readl(a)	({ uint32_t __v = __raw_readl(a); __io_br(); __v; })
#define readq(a)	({ uint64_t __v = __raw_readq(a); __io_br(); __v; })
#define writeb(v, a)	({ __io_bw(); __raw_writeb((v), (a)); })
#define writew(v, a)	({ __io_bw(); __raw_writew((v), (a)); })
#define writel(v, a)	({ __io_bw(); __raw_writel((v), (a)); })
#define writeq(v, a)	({ __io_bw(); __raw_writeq((v), (a)); })

#define cpu_to_be16(x)	__builtin_bswap16(x)
#define cpu_to_be32(x)	__builtin_bswap32(x)
#define cpu_to_be64(x)	__builtin_bswap64(x)
#define be16_to_cpu(x)	__builtin_bswap16(x)
#define be32_to_cpu(x)	__builtin_bswap32(x)
#define be64_to_cpu(x)	__builtin_bswap64(x)

#endif
