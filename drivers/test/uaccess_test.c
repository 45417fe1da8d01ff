/* uaccess_test.c: /dev/uaccess_test, a misc device for testing the uaccess
 * layer from user space: each ioctl (uapi/uaccess_test.h) runs one primitive
 * (copyin, copyout, copyinstr, copystr, copy_from_user, copy_to_user,
 * get_user, put_user, access_ok, strncpy_from_user) on the address the caller
 * gives and hands back the primitive's result, plus the bytes it moved. The
 * caller picks good and bad addresses; the kernel must answer, never panic. */
#include "initcall.h"
#include "module/module.h"
#include "kernel.h"
#include "mm/kmalloc.h"
#include "dev/miscdevice.h"
#include "uaccess.h"
#include "uapi/errno.h"
#include "uapi/uaccess_test.h"

/* The kernel side of a copy. Allocated per call, not static: a copy may fault
 * and a fault path that ever slept would let another caller reuse it. */
struct scratch {
	char src[UACCESS_TEST_MAX];
	char dst[UACCESS_TEST_MAX];
};

/* Data moves through a->buf with the ordinary primitives: only a->uaddr is
 * the address under test. buf 0 means the caller does not look at the data. */
static int take(const struct uaccess_test_arg *a, char *k)
{
	return a->buf && copyin((const void __user *)a->buf, k, a->len) ? -EFAULT : 0;
}

static int give_back(const struct uaccess_test_arg *a, const char *k)
{
	return a->buf && copyout(k, (void __user *)a->buf, a->len) ? -EFAULT : 0;
}

#define GET_AS(type) ({                                                         \
	type v_;                                                                \
	int r_ = get_user(v_, (type __user *)a->uaddr);                         \
	a->value = v_;                                                          \
	r_; })
#define PUT_AS(type) put_user((type)a->value, (type __user *)a->uaddr)

static int get_sized(struct uaccess_test_arg *a)
{
	switch (a->len) {
	case 1: return GET_AS(uint8_t);
	case 2: return GET_AS(uint16_t);
	case 4: return GET_AS(uint32_t);
	}
	return -EINVAL;
}

static int put_sized(struct uaccess_test_arg *a)
{
	switch (a->len) {
	case 1: return PUT_AS(uint8_t);
	case 2: return PUT_AS(uint16_t);
	case 4: return PUT_AS(uint32_t);
	}
	return -EINVAL;
}

/* Runs the primitive of cmd; a->result gets its answer. Returns 0, or an
 * error of the test harness itself (moving data through a->buf failed). */
static int run(unsigned int cmd, struct uaccess_test_arg *a, struct scratch *s)
{
	void __user *u = (void __user *)a->uaddr;
	size_t done = 0;
	int err = 0;

	switch (cmd) {
	case UACCESS_TEST_COPYIN:
		a->result = copyin(u, s->dst, a->len);
		return give_back(a, s->dst);
	case UACCESS_TEST_COPYOUT:
		err = take(a, s->src);
		if (!err)
			a->result = copyout(s->src, u, a->len);
		return err;
	case UACCESS_TEST_COPYINSTR:
		a->result = copyinstr(u, s->dst, a->len, &done);
		a->done = done;
		return give_back(a, s->dst);
	case UACCESS_TEST_COPYSTR:
		err = take(a, s->src);
		if (err)
			return err;
		a->result = copystr(s->src, s->dst, a->len, &done);
		a->done = done;
		return give_back(a, s->dst);
	case UACCESS_TEST_COPY_FROM_USER:
		a->result = (int32_t)copy_from_user(s->dst, u, a->len);
		return give_back(a, s->dst);
	case UACCESS_TEST_COPY_TO_USER:
		err = take(a, s->src);
		if (!err)
			a->result = (int32_t)copy_to_user(u, s->src, a->len);
		return err;
	case UACCESS_TEST_GET_USER:
		a->result = get_sized(a);
		return 0;
	case UACCESS_TEST_PUT_USER:
		a->result = put_sized(a);
		return 0;
	case UACCESS_TEST_ACCESS_OK:
		a->result = access_ok(u, a->len);
		return 0;
	case UACCESS_TEST_STRNCPY_FROM_USER:
		a->result = (int32_t)strncpy_from_user(s->dst, u, (long)a->len);
		return give_back(a, s->dst);
	}
	return -ENOTTY;
}

static long uaccess_test_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	struct uaccess_test_arg a;
	if (copy_from_user(&a, (const void __user *)arg, sizeof(a)))
		return -EFAULT;
	/* access_ok takes any length: it only does arithmetic on it. */
	if (cmd != UACCESS_TEST_ACCESS_OK && a.len > UACCESS_TEST_MAX)
		return -EINVAL;
	struct scratch *s = kmalloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	/* Zeroed so that bytes a partial copy did not reach read back as 0. */
	memset(s, 0, sizeof(*s));
	int err = run(cmd, &a, s);
	kfree(s);
	if (!err && copy_to_user((void __user *)arg, &a, sizeof(a)))
		err = -EFAULT;
	return err;
}

static const struct file_operations uaccess_test_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = uaccess_test_ioctl,
};

static struct miscdevice uaccess_test_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "uaccess_test",
	.fops = &uaccess_test_fops,
	.mode = 0666,
};

static int uaccess_test_init(void)
{
	return misc_register(&uaccess_test_dev);
}
static void uaccess_test_exit(void)
{
	misc_deregister(&uaccess_test_dev);
}

module_init(uaccess_test_init);
module_exit(uaccess_test_exit);
MODULE_LICENSE("GPL");
