/* random.c: a pseudo-random generator (xorshift64*) stirred with the time
 * stamp counter at every request, behind getrandom(2), AT_RANDOM and
 * /dev/urandom. Not cryptographic: this is a teaching kernel. */
#include "kernel.h"
#include "random.h"
#include "syscall.h"
#include "uaccess.h"
#include "uapi/errno.h"
#include "uapi/random.h"
#include "x86/x86.h"

static uint64_t state = 0x9e3779b97f4a7c15ull;

static uint64_t next64(void)
{
	state ^= rdtsc();
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dull;
}

void get_random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;
	uint32_t f = irq_save();
	while (n) {
		uint64_t v = next64();
		size_t k = MIN(n, sizeof(v));
		memcpy(p, &v, k);
		p += k, n -= k;
	}
	irq_restore(f);
}

SYSCALL_DEFINE3(getrandom, char *, ubuf, size_t, len, unsigned, flags)
{
	char chunk[256];
	size_t done = 0;
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	while (done < len) {
		size_t k = MIN(len - done, sizeof(chunk));
		get_random_bytes(chunk, k);
		if (copyout(chunk, ubuf + done, k))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return done;
}
