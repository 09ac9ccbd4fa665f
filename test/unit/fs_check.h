/* SPDX-License-Identifier: MIT */
/* fs_check.h - checks shared by the FAT and ext4 tests: files read back
 * through fs.h against the source tree the images were made from. */
#ifndef FS_CHECK_H
#define FS_CHECK_H

#include <errno.h>
#include <fs.h>
#include "memdisk.h"

/* path on fs reads back as src/<srcname>, whole and in pieces. */
static inline void check_file(struct fs *fs, const char *path,
			      const char *srcname)
{
	char name[256];
	size_t size, off;
	uint8_t *src, *buf;
	uint64_t got, fsize;

	snprintf(name, sizeof(name), "src/%s", srcname);
	src = load(name, &size);
	buf = malloc(size + 100);
	CHECK(fs_size(fs, path, &fsize) == 0 && fsize == size);
	CHECK(fs_read(fs, path, buf, 0, size + 100, &got) == 0);
	CHECK(got == size && !memcmp(buf, src, size));
	if (got != size)
		fprintf(stderr, "  %s: read %llu of %zu bytes\n", path,
			(unsigned long long)got, size);
	/* Odd offsets and lengths, across clusters and blocks. */
	for (off = 1; off < size; off = off * 3 + 1001) {
		size_t len = (size - off) / 2 + 1;

		memset(buf, 0xa5, len + 1);
		CHECK(fs_read(fs, path, buf, off, len, &got) == 0);
		CHECK(got == len && !memcmp(buf, src + off, len));
		CHECK(buf[len] == 0xa5);	/* nothing past len */
	}
	/* The end stops a longer read; past the end reads nothing. */
	if (size >= 10) {
		CHECK(fs_read(fs, path, buf, size - 10, 100, &got) == 0);
		CHECK(got == 10 && !memcmp(buf, src + size - 10, 10));
	}
	CHECK(fs_read(fs, path, buf, size, 100, &got) == 0 && got == 0);
	CHECK(fs_read(fs, path, buf, size + 12345, 100, &got) == 0 &&
	      got == 0);
	free(buf);
	free(src);
}

struct ls_result {
	int count;
	int dirs, files, links;
	char names[512][64];
	enum fs_type types[512];
	uint64_t sizes[512];
};

static inline int ls_collect(const struct fs_dirent *de, void *arg)
{
	struct ls_result *r = arg;

	if (r->count < 512) {
		snprintf(r->names[r->count], 64, "%s", de->name);
		r->types[r->count] = de->type;
		r->sizes[r->count] = de->size;
	}
	r->count++;
	r->dirs += de->type == FS_TYPE_DIR;
	r->files += de->type == FS_TYPE_FILE;
	r->links += de->type == FS_TYPE_SYMLINK;
	return 0;
}

/* The index of name in r, or -1. */
static inline int ls_find(const struct ls_result *r, const char *name)
{
	int i;

	for (i = 0; i < r->count && i < 512; i++)
		if (!strcmp(r->names[i], name))
			return i;
	return -1;
}

static inline int ls_stop(const struct fs_dirent *de, void *arg)
{
	(*(int *)arg)++;
	return 42;
}

#define DEEP "deep/level1/level2/level3/level4/level5/level6/level7/" \
	"level8/level9/level10/level11/level12/level13/level14/level15/level16"

/* What both filesystems hold. */
static inline void check_common(struct fs *fs)
{
	static struct ls_result r;
	char buf[64] = "";
	uint64_t got, size;
	struct fs_dirent st;
	int i, n;

	check_file(fs, "/hello.txt", "hello.txt");
	check_file(fs, "hello.txt", "hello.txt");
	check_file(fs, "//dir//sub/./data.bin", "dir/sub/data.bin");
	check_file(fs, "/big.bin", "big.bin");
	check_file(fs, "/A long file name, with spaces.txt",
		   "A long file name, with spaces.txt");
	check_file(fs, "/dir/sub/deeper/file.txt", "dir/sub/deeper/file.txt");
	check_file(fs, "/dir/sub/../sub/deeper/file.txt",
		   "dir/sub/deeper/file.txt");
	check_file(fs, "/" DEEP "/bottom.txt", DEEP "/bottom.txt");
	check_file(fs, "/many/file_with_a_longer_name_299.txt",
		   "many/file_with_a_longer_name_299.txt");
	CHECK(fs_read(fs, "/empty", buf, 0, sizeof(buf), &got) == 0 && !got);
	CHECK(fs_size(fs, "/empty", &size) == 0 && size == 0);

	CHECK(fs_exists(fs, "/hello.txt"));
	CHECK(fs_exists(fs, "/"));
	CHECK(fs_exists(fs, ""));
	CHECK(!fs_exists(fs, "/nothing"));
	CHECK(fs_stat(fs, "/dir", &st) == 0 && st.type == FS_TYPE_DIR);
	CHECK(fs_stat(fs, "/hello.txt", &st) == 0 && st.type == FS_TYPE_FILE);
	CHECK(st.size == 17);
	CHECK(fs_read(fs, "/nothing", buf, 0, 8, &got) == -ENOENT);
	CHECK(fs_read(fs, "/dir/nothing/x", buf, 0, 8, &got) == -ENOENT);
	CHECK(fs_read(fs, "/dir", buf, 0, 8, &got) == -EISDIR);
	CHECK(fs_read(fs, "/hello.txt/x", buf, 0, 8, &got) == -ENOTDIR);
	CHECK(fs_ls(fs, "/hello.txt", ls_collect, &r) == -ENOTDIR);
	CHECK(fs_ls(fs, "/nothing", ls_collect, &r) == -ENOENT);
	{
		char longpath[600];

		memset(longpath, 'a', sizeof(longpath));
		longpath[sizeof(longpath) - 1] = '\0';
		CHECK(fs_exists(fs, longpath) == false);
		CHECK(fs_stat(fs, longpath, &st) == -ENAMETOOLONG);
	}

	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/", ls_collect, &r) == 0);
	CHECK(ls_find(&r, "hello.txt") >= 0);
	CHECK(ls_find(&r, "big.bin") >= 0);
	CHECK(ls_find(&r, "A long file name, with spaces.txt") >= 0);
	i = ls_find(&r, "dir");
	CHECK(i >= 0 && r.types[i] == FS_TYPE_DIR);
	i = ls_find(&r, "big.bin");
	CHECK(i >= 0 && r.types[i] == FS_TYPE_FILE && r.sizes[i] == 300000);

	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/many", ls_collect, &r) == 0);
	CHECK(r.count == 302 && r.files == 300 && r.dirs == 2);
	CHECK(ls_find(&r, ".") >= 0 && ls_find(&r, "..") >= 0);
	CHECK(ls_find(&r, "file_with_a_longer_name_0.txt") >= 0);
	CHECK(ls_find(&r, "file_with_a_longer_name_299.txt") >= 0);
	memset(&r, 0, sizeof(r));
	CHECK(fs_ls(fs, "/dir/sub/..", ls_collect, &r) == 0);
	CHECK(ls_find(&r, "sub") >= 0);

	n = 0;
	CHECK(fs_ls(fs, "/many", ls_stop, &n) == 42 && n == 1);
}

#endif
