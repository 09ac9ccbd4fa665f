/* SPDX-License-Identifier: MIT */
/* autoboot.h - the countdown before running bootcmd. */
#ifndef AUTOBOOT_H
#define AUTOBOOT_H

/* Count bootdelay seconds down unless a key is hit, then run bootcmd.
 * Returns when the countdown was stopped, bootdelay is -1, or bootcmd
 * returned (a failed boot). */
int autoboot(void);

#endif
