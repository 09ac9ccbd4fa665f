/* SPDX-License-Identifier: MIT */
/* sysreset.h - whoever can reset or power off the machine registers here
 * (PSCI, a GPIO line); the reset and poweroff commands ask them in turn. */
#ifndef SYSRESET_H
#define SYSRESET_H

struct sysreset {
	const char *name;		/* "psci", "gpio-restart" */
	int (*reset)(void);		/* NULL when it cannot */
	int (*poweroff)(void);
	struct sysreset *next;
};

int sysreset_register(struct sysreset *sr);
/* Both return only on failure: -ENODEV when nobody registered the
 * operation, else the last provider's error. */
int sysreset_reset(void);
int sysreset_poweroff(void);

#endif
