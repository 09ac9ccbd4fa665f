/* SPDX-License-Identifier: MIT */
/*
 * net.h - the network: the net device class drivers register with
 * (drivers/net/net_class.c), and the IPv4 stack on top of it (net/: lwIP
 * glue, DHCP, ping, our TFTP client, PXE) that commands and boot flows
 * call. Polled: nothing happens between calls.
 */
#ifndef NET_H
#define NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --- the class --------------------------------------------------------- */

#define NET_NAME_LEN	24
#define NET_MAX_DEVS	8
#define NET_FRAME_MAX	1514		/* an Ethernet frame without FCS */

struct net_dev {
	char name[NET_NAME_LEN];	/* "virtio-net#0" */
	uint8_t mac[6];
	/* Queue one frame of len bytes (copied before returning): 0 or a
	 * negative errno. It goes out at the latest with the next flush(). */
	int (*send)(struct net_dev *dev, const void *frame, size_t len);
	void (*flush)(struct net_dev *dev);
	/* The next received frame, or 0 when none is waiting: *frame points
	 * into the driver's buffer until recv_done(). */
	size_t (*recv)(struct net_dev *dev, const void **frame);
	void (*recv_done)(struct net_dev *dev);
	void *priv;
};

/* A driver registers a device: numbered in the order they come ("eth0"
 * is the first); the number, or -ENOSPC. Sets ethaddr/eth<n>addr when the
 * environment is up (net_env_init() does it for the ones before). */
int net_register(struct net_dev *dev);
struct net_dev *net_get(int n);
int net_count(void);
/* Set ethaddr, eth1addr... from the devices' MAC addresses, where the
 * environment does not already have them (the init list). */
#ifdef CONFIG_NET
int net_env_init(void);
#else
static inline int net_env_init(void) { return 0; }
#endif

/* --- the stack ----------------------------------------------------------- */

/* The device the stack uses ($ethact names one, else eth0), brought up
 * with $ipaddr/$netmask/$gatewayip; prints "No ethernet found." when
 * there is none. 0 or a negative errno. */
int net_start(void);
/* The device net_start() chose (NULL before). */
struct net_dev *net_current(void);
/* Receive what is waiting and run the stack's timers. */
void net_poll(void);

/* DHCP: ask for an address, set ipaddr, netmask, gatewayip, serverip,
 * bootfile (and dnsip when given). 0, -ETIMEDOUT, -EINTR (Ctrl-C). */
int net_dhcp(void);

/* Ping host (dotted quad) once: 0 when it answered. Says the result as
 * U-Boot does. */
int net_ping(const char *host);

/* Parse a dotted quad into *ip (network order); -EINVAL when it is not
 * one. */
int net_parse_ip(const char *s, uint32_t *ip);

/*
 * TFTP (RFC 1350 with the blksize, tsize and windowsize options): read
 * file from server (network order) into [addr, addr + max), checking
 * every write with cmd_check_write() (unless TRUSTED: the caller has
 * claimed the range). *len: the bytes transferred. Prints U-Boot's
 * tftpboot lines unless QUIET. With PARTIAL, a longer file is cut at max
 * bytes (the transfer is then cancelled), else it fails. 0, or a
 * negative errno after a line saying why (-ENOENT: the server's "File
 * not found", -EFBIG: the file does not fit, -ETIMEDOUT, -EINTR: Ctrl-C).
 */
#define NET_TFTP_QUIET		1
#define NET_TFTP_TRUSTED	2
#define NET_TFTP_PARTIAL	4
int net_tftp_get(uint32_t server, const char *file, uint64_t addr,
		 uint64_t max, uint64_t *len, unsigned int flags);
/* The size of file from the server's tsize answer (the transfer is then
 * cancelled). -ENOTSUP when the server does not say the size. */
int net_tftp_size(uint32_t server, const char *file, uint64_t *size);
/* The server for a file name: "host:file" names it, else $serverip;
 * *file points past the "host:". -EINVAL (said) when there is none. */
int net_tftp_server(const char *arg, uint32_t *server, const char **file);

/* tftpboot's work (dhcp's too): load [[host:]file] ($bootfile, else
 * U-Boot's name from our address) to addr (default net_load_addr()),
 * at most up to the end of the free RAM there; sets filesize and
 * fileaddr. 0 or a negative errno (said). */
int net_load(const char *addr, const char *file);
/* U-Boot's [loadAddress] [[hostIPaddr:]bootfilename] for tftpboot and
 * dhcp (argv[1..argc-1]): a single argument is the address when it reads
 * as hexadecimal, else the file. NULL for what is not given. */
void net_load_args(int argc, char *argv[], const char **addr,
		   const char **file);
/* The bytes of free RAM from addr on (0: addr is not free RAM). */
uint64_t net_free_from(uint64_t addr);

/* pxe get: find the config (pxelinux.cfg/01-<mac>, the IP address in
 * hex shortened a digit at a time, default; next to $bootfile) and load
 * it to $pxefile_addr_r (else net_load_addr()). pxe boot: boot it with
 * the extlinux code, files over TFTP; addr, when given, must be where
 * pxe get put it. */
int net_pxe_get(void);
int net_pxe_boot(uint64_t addr, bool have_addr);

/* The boot flows the distro scan calls: "dhcp" loads $bootfile to
 * $kernel_addr_r (else the default load address) and boots it as booti;
 * "pxe" runs dhcp then pxe get and pxe boot. Return only on failure. */
int net_boot_dhcp(void);
int net_boot_pxe(void);

/* The address loads go to by default: $loadaddr, else $kernel_addr_r,
 * else the start of the largest free RAM on a 2 MiB boundary. */
int net_load_addr(uint64_t *addr);

#endif
