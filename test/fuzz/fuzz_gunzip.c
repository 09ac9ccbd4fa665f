// SPDX-License-Identifier: MIT
/* fuzz_gunzip.c - libFuzzer target for lib/gunzip.c: gzip data inflated
 * whole into a bounded room and in steps whose sizes the input's first
 * byte picks; ASan catches any write past the room. */
#include <errno.h>
#include <gunzip.h>
#include <stdlib.h>

#define ROOM	(256 * 1024)
#define MIN(a, b)	((a) < (b) ? (a) : (b))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t out[ROOM];
	size_t got, done = 0, step;
	struct gunzip g;
	const char *why;
	uint8_t *room;
	int err;

	if (!size)
		return 0;
	step = 1 + data[0] * 97;
	data++;
	size--;
	/* Exactly the room's size on the heap: a byte past it is caught. */
	room = malloc(step);
	if (!room)
		return 0;
	gunzip(room, step, data, size, &got, &why);
	free(room);

	if (gunzip_init(&g, data, size))
		return 0;
	do {
		err = gunzip_read(&g, out + done, MIN(step, ROOM - done), &got);
		done += got;
	} while (err == -EAGAIN && done < ROOM);
	if (err == -EAGAIN)
		gunzip_check_end(&g);
	gunzip_why(&g, err);
	gunzip_consumed(&g);
	gunzip_end(&g);
	return 0;
}
