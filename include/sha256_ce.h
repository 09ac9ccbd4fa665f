/* SPDX-License-Identifier: MIT */
/*
 * sha256_ce.h - the SHA-256 block function on the ARMv8 Cryptographic
 * Extension (SHA256H, SHA256H2, SHA256SU0, SHA256SU1).
 */
#ifndef SHA256_CE_H
#define SHA256_CE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether ID_AA64ISAR0_EL1.SHA2 says this CPU has the instructions. */
bool sha256_ce_present(void);
/* Run n 64-byte blocks of data through state (FIPS 180-4 6.2.2). Only
 * when sha256_ce_present(). */
void sha256_ce_blocks(uint32_t state[8], const uint8_t *data, size_t n);

#endif
