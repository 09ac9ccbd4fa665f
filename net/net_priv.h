/* SPDX-License-Identifier: MIT */
/* net_priv.h - what the files of net/ share among themselves. */
#ifndef NET_PRIV_H
#define NET_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct netif;

/* The one netif (valid after net_start()). */
struct netif *net_netif(void);
/* True when it is time to look for Ctrl-C again (*next: when). */
bool net_ctrlc_due(uint64_t *next);

/* ping looks at each received frame for its echo reply. */
void net_ping_frame(const uint8_t *frame, size_t len);
/* The TFTP client's fast path: true when it took the frame (a DATA
 * block of the transfer under way), false to hand it to lwIP. */
bool net_tftp_frame(const uint8_t *frame, size_t len);
/* True when ip (network order) is QEMU's user-mode network host itself,
 * known by the MAC address libslirp gives it (52:55 and the address). */
bool net_is_qemu_server(uint32_t ip);

#endif
