// SPDX-License-Identifier: MIT
/*
 * errno_str.c - the text of the errors the loader's own code returns.
 * picolibc's strerror() knows every errno and costs 3 KiB of the image for
 * texts that nothing here can produce; these are the ones that can reach
 * a message.
 */
#include <errno.h>
#include <virtboot.h>

static const struct {
	short err;
	const char *text;
} texts[] = {
	{ EPERM, "Operation not permitted" },
	{ ENOENT, "No such file or directory" },
	{ EIO, "Input/output error" },
	{ E2BIG, "Argument list too long" },
	{ ENOEXEC, "Exec format error" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ ENOMEM, "Cannot allocate memory" },
	{ EFAULT, "Bad address" },
	{ EBUSY, "Device or resource busy" },
	{ ENODEV, "No such device" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ EINVAL, "Invalid argument" },
	{ EFBIG, "File too large" },
	{ ENOSPC, "No space left on device" },
	{ EROFS, "Read-only file system" },
	{ ERANGE, "Numerical result out of range" },
	{ ENAMETOOLONG, "File name too long" },
	{ ELOOP, "Too many levels of symbolic links" },
	{ ENODATA, "No data available" },
	{ EPROTO, "Protocol error" },
	{ EBADMSG, "Bad message" },
	{ EMSGSIZE, "Message too long" },
	{ ENOTSUP, "Operation not supported" },
	{ EOPNOTSUPP, "Operation not supported" },
	{ ETIMEDOUT, "Connection timed out" },
	{ ECANCELED, "Operation canceled" },
};

const char *errno_str(int err)
{
	static char other[20];

	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (texts[i].err == err)
			return texts[i].text;
	snprintf(other, sizeof(other), "error %d", err);
	return other;
}
