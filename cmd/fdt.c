// SPDX-License-Identifier: MIT
/*
 * fdt - inspect the live device tree with U-Boot's syntax and dts-like
 * output: fdt addr [addr], fdt header, fdt print|list [path [prop]],
 * fdt get value|size VAR path [prop [index]].
 */
#include <command.h>
#include <ctype.h>
#include <dt.h>
#include <env.h>
#include <libfdt.h>
#include <stdlib.h>
#include <string.h>
#include <virtboot.h>

static bool is_printable(const char *s, int len)
{
	int i, strings = 0;

	if (len <= 0 || s[len - 1] != '\0')
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] == '\0') {
			if (i == 0 || s[i - 1] == '\0')
				return false;	/* empty string */
			strings++;
		} else if (!isprint((unsigned char)s[i])) {
			return false;
		}
	}
	return strings > 0;
}

static void print_value(const void *data, int len)
{
	const char *s = data;
	const uint8_t *b = data;
	int i;

	if (is_printable(s, len)) {
		for (i = 0; i < len; i += strlen(s + i) + 1)
			printf("%s\"%s\"", i ? ", " : "", s + i);
	} else if (len % 4 == 0) {
		printf("<");
		for (i = 0; i < len; i += 4)
			printf("%s0x%08x", i ? " " : "",
			       fdt32_to_cpu(*(const fdt32_t *)(b + i)));
		printf(">");
	} else {
		printf("[");
		for (i = 0; i < len; i++)
			printf("%s%02x", i ? " " : "", b[i]);
		printf("]");
	}
}

static void indent(int depth)
{
	while (depth-- > 0)
		printf("\t");
}

static void print_prop(const void *fdt, int offset, int depth)
{
	const char *name;
	const void *data;
	int len;

	data = fdt_getprop_by_offset(fdt, offset, &name, &len);
	indent(depth);
	printf("%s", name);
	if (len > 0) {
		printf(" = ");
		print_value(data, len);
	}
	printf(";\n");
}

static void print_node(const void *fdt, int node, int depth, int max_depth)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	int prop, child;

	indent(depth);
	printf("%s {\n", *name ? name : "/");
	fdt_for_each_property_offset(prop, fdt, node)
		print_prop(fdt, prop, depth + 1);
	fdt_for_each_subnode(child, fdt, node) {
		if (depth + 1 < max_depth)
			print_node(fdt, child, depth + 1, max_depth);
		else {
			indent(depth + 1);
			printf("%s {\n", fdt_get_name(fdt, child, NULL));
			indent(depth + 1);
			printf("};\n");
		}
	}
	indent(depth);
	printf("};\n");
}

static int node_of(const void *fdt, const char *path)
{
	int node = fdt_path_offset(fdt, path);

	if (node < 0)
		printf("libfdt fdt_path_offset() returned %s\n",
		       fdt_strerror(node));
	return node;
}

static int fdt_show(const void *fdt, int argc, char *argv[], int max_depth)
{
	const char *path = argc > 2 ? argv[2] : "/";
	const void *data;
	int node, len;

	node = node_of(fdt, path);
	if (node < 0)
		return -ENOENT;
	if (argc > 3) {
		data = fdt_getprop(fdt, node, argv[3], &len);
		if (!data) {
			printf("libfdt fdt_getprop(): %s\n", fdt_strerror(len));
			return -ENOENT;
		}
		printf("%s", argv[3]);
		if (len > 0) {
			printf(" = ");
			print_value(data, len);
		}
		printf("\n");
		return 0;
	}
	print_node(fdt, node, 0, max_depth);
	return 0;
}

/* Every cell as "0x%x" words, whole however long (a new string). */
static char *cells_string(const fdt32_t *cells, int n)
{
	char *buf = malloc((size_t)n * 11 + 1), *p = buf;
	int i;

	if (!buf)
		return NULL;
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s0x%x", i ? " " : "", fdt32_to_cpu(cells[i]));
	return buf;
}

static int fdt_get(const void *fdt, int argc, char *argv[])
{
	const char *var, *prop, *s;
	const void *data;
	char cell[12], *all;
	int node, len, i, err;
	uint64_t index = 0;

	if (argc < 5)
		return -EINVAL;
	var = argv[3];
	node = node_of(fdt, argv[4]);
	if (node < 0)
		return -ENOENT;
	if (!strcmp(argv[2], "size") && argc == 5) {
		for (i = fdt_first_subnode(fdt, node), len = 0; i >= 0;
		     i = fdt_next_subnode(fdt, i))
			len++;
		return env_set_hex(var, len);
	}
	if (argc < 6 || argc > 7)
		return -EINVAL;
	prop = argv[5];
	data = fdt_getprop(fdt, node, prop, &len);
	if (!data) {
		printf("libfdt fdt_getprop(): %s\n", fdt_strerror(len));
		return -ENOENT;
	}
	if (!strcmp(argv[2], "size"))
		return env_set_hex(var, len);
	if (strcmp(argv[2], "value"))
		return -EINVAL;
	if (argc == 7 && parse_dec(argv[6], &index)) {
		printf("fdt: index '%s' is not a decimal number\n", argv[6]);
		return -ERANGE;	/* said: no usage on top */
	}
	if (is_printable(data, len)) {
		for (s = data; index && s < (const char *)data + len; index--)
			s += strlen(s) + 1;
		if (s >= (const char *)data + len) {
			printf("fdt: %s has no string %s\n", prop, argv[6]);
			return -ENOENT;
		}
		return env_set(var, s);
	}
	if (len % 4) {
		printf("fdt: %s is not a string or cells\n", prop);
		return -EINVAL;
	}
	if (argc == 7) {
		if (index >= (uint64_t)len / 4) {
			printf("fdt: %s has %d cells, no cell %s\n", prop,
			       len / 4, argv[6]);
			return -ENOENT;
		}
		snprintf(cell, sizeof(cell), "0x%x",
			 fdt32_to_cpu(((const fdt32_t *)data)[index]));
		return env_set(var, cell);
	}
	all = cells_string(data, len / 4);
	if (!all)
		return -ENOMEM;
	err = env_set(var, all);
	free(all);
	return err;
}

static int fdt_header(const void *fdt)
{
	printf("magic:\t\t\t0x%x\n", fdt_magic(fdt));
	printf("totalsize:\t\t0x%x (%u)\n", fdt_totalsize(fdt),
	       fdt_totalsize(fdt));
	printf("off_dt_struct:\t\t0x%x\n", fdt_off_dt_struct(fdt));
	printf("off_dt_strings:\t\t0x%x\n", fdt_off_dt_strings(fdt));
	printf("off_mem_rsvmap:\t\t0x%x\n", fdt_off_mem_rsvmap(fdt));
	printf("version:\t\t%u\n", fdt_version(fdt));
	printf("last_comp_version:\t%u\n", fdt_last_comp_version(fdt));
	printf("boot_cpuid_phys:\t0x%x\n", fdt_boot_cpuid_phys(fdt));
	printf("size_dt_strings:\t0x%x\n", fdt_size_dt_strings(fdt));
	printf("size_dt_struct:\t\t0x%x\n", fdt_size_dt_struct(fdt));
	printf("number mem_rsv:\t\t0x%x\n", fdt_num_mem_rsv(fdt));
	return 0;
}

static int do_fdt(int argc, char *argv[])
{
	const void *fdt = dt_blob();
	uint64_t addr;

	if (argc < 2)
		return -EINVAL;
	if (!strcmp(argv[1], "addr")) {
		if (argc == 2) {
			printf("The address of the fdt is %#08lx\n",
			       (unsigned long)(uintptr_t)fdt);
			return 0;
		}
		if (parse_hex(argv[2], &addr))
			return cmd_bad_number(argv[0], argv[2]);
		return dt_set_blob((void *)(uintptr_t)addr) ? -ENOEXEC : 0;
	}
	if (!fdt) {
		printf("fdt: no device tree: set one with 'fdt addr'\n");
		return -ENODEV;
	}
	if (!strcmp(argv[1], "print"))
		return fdt_show(fdt, argc, argv, 64);
	if (!strcmp(argv[1], "list"))
		return fdt_show(fdt, argc, argv, 1);
	if (!strcmp(argv[1], "get"))
		return fdt_get(fdt, argc, argv);
	if (!strcmp(argv[1], "header"))
		return fdt_header(fdt);
	return -EINVAL;
}

COMMAND(fdt, .run = do_fdt,
	.usage = "fdt addr [addr] | header | print [path [prop]] | list [path [prop]]\n"
		 "    | get value VAR path prop [index] | get size VAR path [prop]",
	.summary = "flattened device tree utility commands");
