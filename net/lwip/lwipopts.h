/* SPDX-License-Identifier: MIT */
/*
 * lwipopts.h - lwIP's configuration for virtboot: no operating system
 * (NO_SYS, raw API, polled from the shell's commands), IPv4 with ARP,
 * DHCP and UDP (TFTP is ours, net/tftp.c); ping's echo requests and
 * replies are ours too (net/ping.c), so neither lwIP's ICMP module nor
 * its raw API is built. No TCP, no IPv6, no DNS, no fragments, no IP
 * options. Memory comes from picolibc's
 * malloc; a bad packet is dropped, never asserted on.
 */
#ifndef VIRTBOOT_LWIPOPTS_H
#define VIRTBOOT_LWIPOPTS_H

#define NO_SYS			1
#define LWIP_SOCKET		0
#define LWIP_NETCONN		0
#define SYS_LIGHTWEIGHT_PROT	0

#define MEM_LIBC_MALLOC		1
#define MEMP_MEM_MALLOC		1
#define MEM_ALIGNMENT		8
#define PBUF_POOL_SIZE		64
#define PBUF_POOL_BUFSIZE	1536

#define LWIP_IPV4		1
#define LWIP_IPV6		0
#define LWIP_ARP		1
#define ETHARP_SUPPORT_STATIC_ENTRIES 0
#define ARP_QUEUEING		0
#define LWIP_ICMP		0
#define LWIP_RAW		0
#define LWIP_UDP		1
#define LWIP_TCP		0
#define LWIP_DNS		0
#define LWIP_IGMP		0
#define LWIP_AUTOIP		0
#define LWIP_DHCP		1
#define LWIP_DHCP_BOOTP_FILE	1
#define LWIP_DHCP_DOES_ACD_CHECK 0
#define DHCP_DOES_ARP_CHECK	0
#define IP_REASSEMBLY		0
#define IP_FRAG			0
#define IP_OPTIONS_ALLOWED	0
#define LWIP_NETIF_TX_SINGLE_PBUF 1
#define LWIP_NETIF_STATUS_CALLBACK 0
#define LWIP_NETIF_LINK_CALLBACK 0
#define LWIP_SINGLE_NETIF	1
#define LWIP_NETIF_HOSTNAME	0
#define LWIP_STATS		0
#define LWIP_STATS_DISPLAY	0
#define MEMP_NUM_UDP_PCB	4
#define LWIP_NUM_NETIF_CLIENT_DATA 0

/* The DNS server DHCP names is kept for the dnsip variable. */
struct netif;
struct dhcp;
struct pbuf;
void net_dhcp_option(int option, int len, const struct pbuf *p, int offset);
#define LWIP_HOOK_DHCP_PARSE_OPTION(netif, dhcp, state, msg, msg_type, \
				    option, len, pbuf, offset) \
	net_dhcp_option(option, len, pbuf, offset)

/* Checksums in software both ways: virtio-net is set up without
 * offloads. */
#define CHECKSUM_GEN_IP		1
#define CHECKSUM_GEN_UDP	1
#define CHECKSUM_CHECK_IP	1
#define CHECKSUM_CHECK_UDP	1

#define LWIP_DEBUG		0
#define LWIP_NOASSERT		1

#endif
