// SPDX-License-Identifier: MIT
/* version.c - the version line: the banner, version, $ver, the splash and
 * the tree Linux gets all show this one string. */
#include <virtboot.h>

const char version_string[] =
	"virtboot " VIRTBOOT_VERSION " (" VIRTBOOT_BUILD_DATE ")";
