/* SPDX-License-Identifier: MIT */
/* cc.h - lwIP's compiler and platform glue for picolibc on AArch64. */
#ifndef VIRTBOOT_LWIP_CC_H
#define VIRTBOOT_LWIP_CC_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LWIP_RAND()		((uint32_t)rand())
#define BYTE_ORDER		LITTLE_ENDIAN
#define LWIP_PLATFORM_DIAG(x)	do { } while (0)
#define LWIP_PLATFORM_ASSERT(x)	do { } while (0)

#endif
