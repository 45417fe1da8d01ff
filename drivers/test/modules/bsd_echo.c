/* bsd_echo.c: a FreeBSD-style module (DEV_MODULE): its MOD_LOAD and
 * MOD_UNLOAD handler prints to the loader's terminal with uprintf, and
 * refuses the unload (EBUSY) while the "busy" flag file says so. */
#include <sys/param.h>
#include <sys/module.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/conf.h>
#include <sys/uio.h>
#include <sys/malloc.h>

static int refuse_unload = 1;

static int bsd_echo_loader(struct module *m, int what, void *arg)
{
	(void)m, (void)arg;
	switch (what) {
	case MOD_LOAD:
		uprintf("Echo device loaded.\n");
		return 0;
	case MOD_UNLOAD:
		if (refuse_unload--) {
			uprintf("Echo device busy.\n");
			return EBUSY;
		}
		uprintf("Echo device unloaded.\n");
		return 0;
	case MOD_SHUTDOWN:
		printf("Echo device: shutdown.\n");
		return 0;
	default:
		return EOPNOTSUPP;
	}
}

DEV_MODULE(bsd_echo, bsd_echo_loader, NULL);
