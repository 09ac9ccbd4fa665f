/* SPDX-License-Identifier: MIT */
/* psci.h - system reset and power-off through PSCI (Arm DEN 0022). */
#ifndef PSCI_H
#define PSCI_H

/* Both return only on failure: -ENODEV when the device tree has no PSCI
 * (e.g. at EL3, where no firmware below us implements it). */
int psci_system_reset(void);
int psci_system_off(void);

#endif
