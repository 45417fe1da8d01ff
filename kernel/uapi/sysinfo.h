/* uapi/sysinfo.h: what sysinfo(2) fills in, in the i386 layout (64 bytes). */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H

#include <stdint.h>

#define SI_LOAD_SHIFT 16                /* loads[] are fixed point with this many fraction bits */

struct sysinfo {
	int32_t uptime;                 /* seconds since boot */
	uint32_t loads[3];              /* 1, 5 and 15 minute load averages */
	uint32_t totalram, freeram, sharedram, bufferram;   /* in mem_unit bytes */
	uint32_t totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t totalhigh, freehigh;
	uint32_t mem_unit;
	char _f[8];
};

#endif
