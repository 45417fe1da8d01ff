/* freebsd.c: the FreeBSD face of loadable modules: a DECLARE_MODULE handler
 * in place of init and exit (positive errno turned into the loader's
 * negative), MOD_SHUTDOWN for every loaded module when the machine goes
 * down. */
#include "kernel.h"
#include "module/bsd_module.h"
#include "module/internal.h"

int freebsd_module_load(struct module *mod)
{
	return -mod->moddata->evhand(mod, MOD_LOAD, mod->moddata->priv);
}

int freebsd_module_unload(struct module *mod)
{
	return -mod->moddata->evhand(mod, MOD_UNLOAD, mod->moddata->priv);
}

void freebsd_module_shutdown(void)
{
	struct module *mod;
	list_for_each_entry(mod, &modules, list)
		if (mod->moddata && mod->state == MODULE_STATE_LIVE)
			mod->moddata->evhand(mod, MOD_SHUTDOWN, mod->moddata->priv);
}

struct malloc_type M_DEVBUF[1] = { { "devbuf" } }, M_TEMP[1] = { { "temp" } };
EXPORT_SYMBOL(M_DEVBUF);
EXPORT_SYMBOL(M_TEMP);
