// SPDX-License-Identifier: MIT
/* psci.c - PSCI client (Arm DEN 0022): SYSTEM_OFF and SYSTEM_RESET through
 * the conduit the /psci node's "method" names (hvc or smc), offered to the
 * reset and poweroff commands through sysreset. */
#include <driver.h>
#include <errno.h>
#include <libfdt.h>
#include <string.h>
#include <sysreset.h>
#include <virtboot.h>

#define PSCI_SYSTEM_OFF		0x84000008
#define PSCI_SYSTEM_RESET	0x84000009

uint64_t smccc_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t smccc_hvc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

static uint64_t (*conduit)(uint64_t, uint64_t, uint64_t, uint64_t);

static int psci_system_reset(void)
{
	conduit(PSCI_SYSTEM_RESET, 0, 0, 0);
	return -EIO;		/* PSCI returned: the call failed */
}

static int psci_system_off(void)
{
	conduit(PSCI_SYSTEM_OFF, 0, 0, 0);
	return -EIO;
}

static struct sysreset psci_sysreset = {
	.name = "psci",
	.reset = psci_system_reset,
	.poweroff = psci_system_off,
};

static int psci_probe(struct device *dev)
{
	const char *method = fdt_getprop(dev->fdt, dev->node, "method", NULL);

	if (method && !strcmp(method, "hvc"))
		conduit = smccc_hvc;
	else if (method && !strcmp(method, "smc"))
		conduit = smccc_smc;
	else
		return -EINVAL;
	return sysreset_register(&psci_sysreset);
}

static const char *const psci_compatible[] = {
	"arm,psci-1.0", "arm,psci-0.2", "arm,psci", NULL,
};

DRIVER(psci) = {
	.name = "psci",
	.compatible = psci_compatible,
	.probe = psci_probe,
};
