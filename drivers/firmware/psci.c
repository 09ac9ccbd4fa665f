// SPDX-License-Identifier: MIT
/* psci.c - PSCI client (Arm DEN 0022): SYSTEM_OFF and SYSTEM_RESET through
 * the conduit the /psci node's "method" names (hvc or smc). */
#include <driver.h>
#include <errno.h>
#include <libfdt.h>
#include <psci.h>
#include <string.h>
#include <virtboot.h>

#define PSCI_SYSTEM_OFF		0x84000008
#define PSCI_SYSTEM_RESET	0x84000009

uint64_t smccc_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t smccc_hvc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

static uint64_t (*conduit)(uint64_t, uint64_t, uint64_t, uint64_t);

static int psci_call(uint32_t fn)
{
	if (!conduit)
		return -ENODEV;
	conduit(fn, 0, 0, 0);
	return -EIO;		/* PSCI returned: the call failed */
}

int psci_system_reset(void)
{
	return psci_call(PSCI_SYSTEM_RESET);
}

int psci_system_off(void)
{
	return psci_call(PSCI_SYSTEM_OFF);
}

static int psci_probe(struct device *dev)
{
	const char *method = fdt_getprop(dev->fdt, dev->node, "method", NULL);

	if (method && !strcmp(method, "hvc"))
		conduit = smccc_hvc;
	else if (method && !strcmp(method, "smc"))
		conduit = smccc_smc;
	else
		return -EINVAL;
	return 0;
}

static const char *const psci_compatible[] = {
	"arm,psci-1.0", "arm,psci-0.2", "arm,psci", NULL,
};

DRIVER(psci) = {
	.name = "psci",
	.compatible = psci_compatible,
	.probe = psci_probe,
};
