// SPDX-License-Identifier: MIT
/*
 * linux_gz.c - a gzip-compressed arm64 Image (Image.gz, RFC 1952)
 * inflated by zlib straight to the place linux.c finds for it: the
 * Image header first (Linux Documentation/arch/arm64/booting.rst), then
 * the rest, never past the image_size reserved, in steps that move the
 * progress bar. Nothing else is needed (U-Boot's kernel_comp_addr_r and
 * kernel_comp_size are not).
 */
#define pr_fmt(fmt) "boot: " fmt
#include <boot.h>
#include <boot_hooks.h>
#include <bootstage.h>
#include <command.h>
#include <env.h>
#include <errno.h>
#include <gunzip.h>
#include <image.h>
#include <region.h>
#include <string.h>
#include <timer.h>
#include <virtboot.h>

#define STEP	(8UL << 20)	/* per progress step */

static int refuse(uint64_t src, const struct gunzip *g, int err)
{
	pr_err("cannot inflate the kernel at 0x%llx: %s\n",
	       (unsigned long long)src, gunzip_why(g, err));
	return err;
}

/* The Image header: the first bytes inflated on their own. */
static int read_header(struct boot_attempt *a, uint64_t src,
		       uint64_t src_len)
{
	uint8_t hdr[IMAGE_HEADER_SIZE];
	char where[48];
	struct gunzip g;
	size_t got;
	int err;

	err = gunzip_init(&g, (const void *)(uintptr_t)src, src_len);
	if (err)
		return refuse(src, &g, err);
	err = gunzip_read(&g, hdr, sizeof(hdr), &got);
	if (err && err != -EAGAIN) {
		refuse(src, &g, err);
		gunzip_end(&g);
		return err;
	}
	gunzip_end(&g);
	snprintf(where, sizeof(where), "the gzip data at 0x%llx",
		 (unsigned long long)src);
	return boot_check_kernel(a, hdr, got, err ? 0 : got, where);
}

/* At *want when given; else below the compressed data when it fits,
 * else above it. */
static int place(struct boot_attempt *a, uint64_t src, const uint64_t *want,
		 uint64_t *load)
{
	uint64_t room = a->img.text_offset + a->img.image_size;
	int err;

	if (want)
		return boot_place_kernel_at(a, *want, load);
	err = boot_place_kernel_in(a, 0, src, load);
	if (err == -ENOMEM)
		err = boot_place_kernel_in(a, src + 1, UINT64_MAX, load);
	if (err == -ENOMEM)
		pr_err("the kernel (%llu KiB inflated) does not fit in free RAM\n",
		       (unsigned long long)(room >> 10));
	return err;
}

/*
 * When the kernel's place (kernel_addr_r, where scripts also load the
 * gzip file, as with U-Boot) covers the compressed data, the data moves
 * first: to kernel_comp_addr_r, as U-Boot does, else to free RAM. How
 * long the data is nobody says: gzip of an Image is not larger than the
 * image_size it inflates to (plus gzip's worst-case growth), and
 * kernel_comp_size, when set, bounds it too. *src and *len are the
 * data's new place and length.
 */
static int move_aside(struct boot_attempt *a, uint64_t load, uint64_t *src,
		      uint64_t *len, bool dry_run)
{
	uint64_t to, max, n;
	int err;

	if (*src < load || *src >= load + a->img.image_size)
		return 0;	/* below: the input ends where the output starts */
	n = MIN(*len, a->img.image_size + a->img.image_size / 128 + 65536);
	err = boot_env_addr("kernel_comp_addr_r", &to);
	if (!err) {
		if (!env_get_number("kernel_comp_size", &max))
			n = MIN(n, max);
		err = boot_claim(a, to, n, "compressed kernel",
				 "kernel_comp_addr_r");
	} else if (err == -ENOENT) {
		err = boot_place(a, n, 4096, 0, UINT64_MAX,
				 "compressed kernel", &to);
	}
	if (err)
		return err;
	printf("Moving the compressed kernel to 0x%llx\n",
	       (unsigned long long)to);
	if (!dry_run)
		memmove((void *)(uintptr_t)to, (const void *)(uintptr_t)*src,
			n);
	*src = to;
	*len = n;
	return 0;
}

static void print_rate(uint64_t load, uint64_t bytes, uint64_t in,
		       uint64_t us)
{
	printf("Uncompressing Kernel Image to 0x%llx: %llu bytes (from %llu) in ",
	       (unsigned long long)load, (unsigned long long)bytes,
	       (unsigned long long)in);
	print_time_rate(bytes, us);
	printf("\n");
}

int boot_unzip_kernel(struct boot_attempt *a, uint64_t src, uint64_t src_len,
		      const uint64_t *want, bool dry_run, uint64_t *load,
		      uint64_t *size)
{
	uint64_t room, done = 0, us, t0;
	struct gunzip g;
	size_t got;
	int err;

	*size = 0;
	err = read_header(a, src, src_len);
	if (!err)
		err = place(a, src, want, load);
	if (!err)
		err = move_aside(a, *load, &src, &src_len, dry_run);
	if (err || dry_run)
		return err;
	/* The input stops where the output starts, if that is above it. */
	if (*load > src)
		src_len = MIN(src_len, *load - src);
	room = a->img.image_size;
	err = gunzip_init(&g, (const void *)(uintptr_t)src, src_len);
	if (err)
		return refuse(src, &g, err);
	t0 = timer_ticks();
	us = timer_us();
	do {
		boot_progress(done, room);
		err = gunzip_read(&g, (void *)(uintptr_t)(*load + done),
				  MIN(room - done, STEP), &got);
		done += got;
	} while (err == -EAGAIN && done < room);
	if (err == -EAGAIN)
		err = gunzip_check_end(&g);
	us = timer_us() - us;
	if (err) {
		refuse(src, &g, err);
		gunzip_end(&g);
		return err;
	}
	boot_progress(room, room);
	print_rate(*load, done, gunzip_consumed(&g), us);
	bootstage_mark_load("kernel inflated", done, t0);
	gunzip_end(&g);
	*size = done;
	return 0;
}
