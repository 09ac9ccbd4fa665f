/* SPDX-License-Identifier: MIT */
/* memdisk.h - for the partition and filesystem tests: a block device over
 * a buffer, and the images test/unit/mkimages.sh built (in $UNIT_IMAGES,
 * set by the unit-test Makefile). */
#ifndef MEMDISK_H
#define MEMDISK_H

#include <blk.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

struct memdisk {
	struct blk_dev dev;
	uint8_t *data;
	size_t size;
};

static inline int memdisk_read(struct blk_dev *dev, uint64_t lba,
			       uint64_t count, void *buf)
{
	struct memdisk *m = dev->priv;

	CHECK(lba <= dev->blocks && count <= dev->blocks - lba);
	memcpy(buf, m->data + lba * dev->block_size, count * dev->block_size);
	return 0;
}

/* A device of size bytes (rounded down to whole blocks) over data. */
static inline void memdisk_init(struct memdisk *m, void *data, size_t size,
				uint32_t block_size)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->dev.name, sizeof(m->dev.name), "mem%u", block_size);
	m->dev.block_size = block_size;
	m->dev.blocks = size / block_size;
	m->dev.read = memdisk_read;
	m->dev.priv = m;
	m->data = data;
	m->size = size;
}

static inline const char *unit_path(const char *name)
{
	static char path[4096];
	const char *dir = getenv("UNIT_IMAGES");

	if (!dir) {
		fprintf(stderr, "UNIT_IMAGES is not set (make test-unit sets "
			"it)\n");
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* The whole file name (in the images directory), malloc'd. */
static inline uint8_t *load(const char *name, size_t *size)
{
	FILE *f = fopen(unit_path(name), "rb");
	uint8_t *buf;
	long n;

	if (!f) {
		perror(unit_path(name));
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n) {
		perror(name);
		exit(1);
	}
	fclose(f);
	*size = n;
	return buf;
}

static inline void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static inline void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static inline uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint16_t le16(const uint8_t *p)
{
	return p[0] | p[1] << 8;
}

/* Silence the parsers' messages (stdout) through a mutation loop. */
static int quiet_fd = -1;

static inline void quiet(bool on)
{
	fflush(stdout);
	if (on) {
		int null = open("/dev/null", O_WRONLY);

		quiet_fd = dup(1);
		dup2(null, 1);
		close(null);
	} else if (quiet_fd >= 0) {
		dup2(quiet_fd, 1);
		close(quiet_fd);
		quiet_fd = -1;
	}
}

/* A deterministic pseudo-random sequence for the mutation loops. */
static inline uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

#endif
