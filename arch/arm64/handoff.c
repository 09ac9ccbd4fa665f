// SPDX-License-Identifier: MIT
/*
 * handoff.c - the last steps before Linux (Linux Documentation/arch/arm64/
 * booting.rst): caches cleaned to the point of coherency, and from EL3
 * (secure=on) what a non-secure kernel needs: SCR_EL3 for a non-secure
 * EL2 (or EL1), the GIC handed to the non-secure side, and the spin-table
 * enable method for the parked secondary CPUs. Then boot_jump_linux().
 */
#define pr_fmt(fmt) "boot: " fmt
#include <arch.h>
#include <arch_boot.h>
#include <asm.h>
#include <dt.h>
#include <io.h>
#include <libfdt.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define SCR_NS		(1UL << 0)
#define SCR_HCE		(1UL << 8)
#define SCR_RW		(1UL << 10)
#define SCR_APK		(1UL << 16)
#define SCR_API		(1UL << 17)
#define SCR_ENSCXT	(1UL << 25)
#define SCR_ATA		(1UL << 26)
#define SCR_FGTEN	(1UL << 27)
#define SCR_ECVEN	(1UL << 28)
#define SCR_HXEN	(1UL << 38)
#define SCR_GCSEN	(1UL << 39)
#define SCR_ENTP2	(1UL << 41)
#define SCR_ENFPM	(1UL << 42)
#define SCR_TCR2EN	(1UL << 43)
#define SCR_SCTLR2EN	(1UL << 44)
#define SCR_PIEN	(1UL << 45)
#define SCR_FGTEN2	(1UL << 59)

#define CPTR_EL3_EZ	(1UL << 8)
#define CPTR_EL3_ESM	(1UL << 12)

#define SMCR_LEN_MAX	0xfUL
#define SMCR_EZT0	(1UL << 30)
#define SMCR_FA64	(1UL << 31)

/* MDCR_EL3: 0 leaves debug (TDA, TDOSA), the PMU (TPM), trace filters and
 * the debug communication channel untrapped, as booting.rst asks; these
 * hand the non-secure side what it would otherwise lack. */
#define MDCR_EL3_ENPM2	(1UL << 7)	/* FEAT_PMUv3p9 registers */
#define MDCR_EL3_NSPB	(3UL << 12)	/* SPE buffer owned by non-secure EL1 */
#define MDCR_EL3_NSTB	(3UL << 24)	/* TRBE buffer owned by non-secure */
#define MDCR_EL3_SBRBE	(3UL << 32)	/* BRBE usable, non-secure */


#define FIELD(reg, shift)	(((reg) >> (shift)) & 0xf)

#define GICD_CTLR	0x000
#define GICD_TYPER	0x004
#define GICD_IGROUPR	0x080
#define GICD_CTLR_DS	(1 << 6)
#define GICC_PMR	0x004

/*
 * From EL3 the secondary CPUs wait in spin_park (smp.S) with the MMU off:
 * the spin-table enable method (booting.rst, "SMP") lets Linux start
 * them. Linux writes its entry to cpu-release-addr (release) and sends an
 * event; they then leave EL3 the way the boot CPU did. The page is
 * /memreserve/d for Linux. A CPU only trusts the page once stamp is a
 * counter value later than when it started waiting: what a reset left in
 * RAM is older.
 *
 * That last rule relies on the counter NOT restarting on reset, which is
 * how QEMU behaves (CNTPCT follows the virtual clock, which runs on across
 * a system reset; nothing clears RAM either). On hardware whose counter
 * restarts with the system, a mailbox armed before a warm reset would
 * carry a stamp later than the new wait and release the CPU to a stale
 * entry: such a port must clear the mailbox before any secondary can
 * read it (e.g. the boot CPU zeroes it, then releases the secondaries
 * from a hold that reset itself clears), not trust the stamp.
 */
struct spin_mailbox {
	uint64_t stamp;		/* counter at the hand-off; 0: not yet */
	uint64_t release;	/* cpu-release-addr: Linux's entry */
	uint64_t scr;		/* SCR_EL3 for the kernel */
	uint64_t cptr;		/* CPTR_EL3: SVE/SME untrapped when present */
	uint64_t flags;		/* SPIN_* */
	uint64_t gicd_v2;	/* GICv2 distributor: per-CPU group 1 */
	uint64_t gicc_v2;	/* GICv2 CPU interface: priority mask */
	uint64_t mdcr;		/* MDCR_EL3 */
	uint64_t smcr;		/* SMCR_EL3, with SME */
	/* The vectors a kernel starts with (VBAR_EL2/EL1, linux.S): each
	 * entry an SMC back to EL3 (exceptions.c). Here because the page is
	 * non-secure RAM kept from Linux, where the flash is secure-only. */
	uint32_t vectors[512] __attribute__((aligned(2048)));
};
#define SPIN_SVE	(1 << 0)
#define SPIN_SME	(1 << 1)
#define SPIN_GICV3	(1 << 2)

struct spin_mailbox spin_mailbox
	__attribute__((aligned(4096), section(".bss.spin_mailbox")));
_Static_assert(sizeof(struct spin_mailbox) == 4096, "one page, /memreserve/d");

/* From EL3 the kernel runs non-secure: hand it the GIC. GICv2: every
 * interrupt to Group 1 (the banked SGI/PPI register for this CPU only)
 * and the priority mask open (non-secure writes cannot open it from the
 * secure reset value);
 * GICv3: disable security (GICD_CTLR.DS), so Linux configures it all. */
static void el3_gic_to_nonsecure(void)
{
	static const char *const v2[] = { "arm,cortex-a15-gic", "arm,gic-400" };
	const void *fdt = dt_blob();
	uint64_t gicd, gicc, size;
	unsigned int i, n;
	int node;

	if (!fdt)
		return;
	node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
	if (node >= 0 && !dt_read_reg(fdt, node, 0, &gicd, &size)) {
		writel(readl(gicd + GICD_CTLR) | GICD_CTLR_DS,
		       gicd + GICD_CTLR);
		spin_mailbox.flags |= SPIN_GICV3;
		write_sysreg(0xf, S3_6_C12_C12_5);	/* ICC_SRE_EL3 */
		isb();
		write_sysreg(0xf, S3_4_C12_C9_5);	/* ICC_SRE_EL2 */
		isb();
		return;
	}
	for (i = 0; i < ARRAY_SIZE(v2); i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, v2[i]);
		if (node >= 0 && !dt_read_reg(fdt, node, 0, &gicd, &size))
			break;
	}
	if (i == ARRAY_SIZE(v2))
		return;
	spin_mailbox.gicd_v2 = gicd;
	n = (readl(gicd + GICD_TYPER) & 0x1f) + 1;
	for (i = 0; i < n; i++)
		writel(0xffffffff, gicd + GICD_IGROUPR + 4 * i);
	if (!dt_read_reg(fdt, node, 1, &gicc, &size)) {
		spin_mailbox.gicc_v2 = gicc;
		writel(0xff, gicc + GICC_PMR);
	}
}

/* Every CPU gets the spin-table enable method, all with the one
 * release address (Linux's holding pen then picks each CPU in turn), and
 * the mailbox page is kept from Linux. */
int boot_arch_fdt_fixup(void *fdt)
{
	fdt64_t addr = cpu_to_fdt64((uintptr_t)&spin_mailbox.release);
	const char *type;
	int cpus, node, err;

	if (arch_el() != 3)
		return 0;	/* below EL3, PSCI starts the CPUs */
	cpus = fdt_path_offset(fdt, "/cpus");
	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, fdt, cpus) {
		type = fdt_getprop(fdt, node, "device_type", NULL);
		if (!type || strcmp(type, "cpu"))
			continue;
		err = fdt_setprop_string(fdt, node, "enable-method",
					 "spin-table");
		if (!err)
			err = fdt_setprop(fdt, node, "cpu-release-addr", &addr,
					  sizeof(addr));
		if (err)
			return dt_errno(err);
	}
	return dt_errno(fdt_add_mem_rsv(fdt, (uintptr_t)&spin_mailbox,
					sizeof(spin_mailbox)));
}

#define A64_SMC(imm)	(0xd4000003U | (imm) << 5)
#define A64_B_SELF	0x14000000U

uintptr_t arch_kernel_vectors(void)
{
	return (uintptr_t)spin_mailbox.vectors;
}

/* Let the parked CPUs read the mailbox (they run with caches off). */
static void spin_table_arm(uint64_t scr)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		spin_mailbox.vectors[i * 32] = A64_SMC(SMC_KERNEL_FAULT);
		spin_mailbox.vectors[i * 32 + 1] = A64_B_SELF;
	}
	spin_mailbox.release = 0;
	spin_mailbox.scr = scr;
	dcache_flush_range((uintptr_t)&spin_mailbox, sizeof(spin_mailbox));
	spin_mailbox.stamp = timer_ticks();
	dcache_flush_range((uintptr_t)&spin_mailbox, sizeof(spin_mailbox));
	__asm__ volatile("sev");
}

/* MDCR_EL3 for the kernel (booting.rst: no debug or PMU traps; the
 * profiling, trace and branch-record buffers the CPU has go to the
 * non-secure side), from ID_AA64DFR0_EL1. */
static uint64_t el3_mdcr(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1), mdcr = 0;
	unsigned int pmuver = FIELD(dfr0, 8);

	if (pmuver >= 9 && pmuver != 0xf)	/* FEAT_PMUv3p9 */
		mdcr |= MDCR_EL3_ENPM2;
	if (FIELD(dfr0, 32))			/* FEAT_SPE */
		mdcr |= MDCR_EL3_NSPB;
	if (FIELD(dfr0, 44))			/* FEAT_TRBE */
		mdcr |= MDCR_EL3_NSTB;
	if (FIELD(dfr0, 52))			/* FEAT_BRBE */
		mdcr |= MDCR_EL3_SBRBE;
	return mdcr;
}

/* SCR_EL3 for a non-secure AArch64 EL2, with the features this CPU has
 * left untrapped (Linux touches them at EL2; booting.rst lists each),
 * read from the ID registers. Also the per-CPU EL3 controls: CPTR_EL3,
 * ZCR/SMCR_EL3, MDCR_EL3, kept in the mailbox for the secondaries. */
static uint64_t el3_scr(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1);
	uint64_t pfr1 = read_sysreg(id_aa64pfr1_el1);
	uint64_t pfr2 = read_sysreg(S3_0_C0_C4_2);	/* ID_AA64PFR2_EL1 */
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	uint64_t mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	uint64_t mmfr3 = read_sysreg(S3_0_C0_C7_3);	/* ID_AA64MMFR3_EL1 */
	uint64_t scr = SCR_NS | SCR_RW, smcr = SMCR_LEN_MAX;
	uint64_t cptr = read_sysreg(cptr_el3);

	if (FIELD(pfr0, 8))
		scr |= SCR_HCE;			/* EL2 exists: HVC */
	if (FIELD(isar1, 4) || FIELD(isar1, 8) || FIELD(isar1, 24) ||
	    FIELD(isar1, 28))
		scr |= SCR_APK | SCR_API;
	if (FIELD(pfr0, 56) >= 2)
		scr |= SCR_ENSCXT;
	if (FIELD(pfr1, 8) >= 2)
		scr |= SCR_ATA;
	if (FIELD(mmfr0, 56))
		scr |= SCR_FGTEN;
	if (FIELD(mmfr0, 56) >= 2)		/* FEAT_FGT2 */
		scr |= SCR_FGTEN2;
	if (FIELD(mmfr0, 60))
		scr |= SCR_ECVEN;
	if (FIELD(mmfr1, 40))			/* FEAT_HCX */
		scr |= SCR_HXEN;
	if (FIELD(mmfr3, 0))			/* FEAT_TCR2 */
		scr |= SCR_TCR2EN;
	if (FIELD(mmfr3, 4))			/* FEAT_SCTLR2 */
		scr |= SCR_SCTLR2EN;
	if (FIELD(mmfr3, 8))			/* FEAT_S1PIE */
		scr |= SCR_PIEN;
	if (FIELD(pfr1, 44))			/* FEAT_GCS */
		scr |= SCR_GCSEN;
	if (FIELD(pfr2, 32))			/* FEAT_FPMR */
		scr |= SCR_ENFPM;
	if (FIELD(pfr0, 32)) {			/* SVE: all vector lengths */
		write_sysreg(cptr | CPTR_EL3_EZ, cptr_el3);
		isb();
		write_sysreg(0xf, S3_6_C1_C2_0);	/* ZCR_EL3 */
		cptr |= CPTR_EL3_EZ;
		spin_mailbox.flags |= SPIN_SVE;
	}
	if (FIELD(pfr1, 24)) {			/* SME */
		if (read_sysreg(S3_0_C0_C4_5) >> 63)	/* ID_AA64SMFR0_EL1.FA64 */
			smcr |= SMCR_FA64;
		if (FIELD(pfr1, 24) >= 2)	/* SME2: ZT0 */
			smcr |= SMCR_EZT0;
		write_sysreg(cptr | CPTR_EL3_ESM, cptr_el3);
		isb();
		write_sysreg(smcr, S3_6_C1_C2_6);	/* SMCR_EL3 */
		cptr |= CPTR_EL3_ESM;
		scr |= SCR_ENTP2;
		spin_mailbox.flags |= SPIN_SME;
	}
	spin_mailbox.smcr = smcr;
	spin_mailbox.mdcr = el3_mdcr();
	write_sysreg(spin_mailbox.mdcr, mdcr_el3);
	isb();
	spin_mailbox.cptr = cptr;
	return scr;
}

void boot_handoff(uint64_t entry, uint64_t ksize, uint64_t fdt,
		  uint64_t fdt_size, uint64_t initrd, uint64_t initrd_size)
{
	uint64_t scr = 0;

	if (arch_el() == 3) {
		el3_gic_to_nonsecure();
		scr = el3_scr();
		spin_table_arm(scr);
	}
	dcache_flush_range(entry, ksize);
	dcache_flush_range(fdt, fdt_size);
	if (initrd_size)
		dcache_flush_range(initrd, initrd_size);
	boot_jump_linux(entry, fdt, scr);
}

unsigned int boot_entry_el(void)
{
	if (arch_el() < 3)
		return arch_el();
	return FIELD(read_sysreg(id_aa64pfr0_el1), 8) ? 2 : 1;
}
