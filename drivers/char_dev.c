/* char_dev.c: /dev/char_dev, major 100 [seed 003, chardev2.c]: an 80-byte
 * message that ioctls set (from a user string), copy out, or return byte by
 * byte; read gives the message from the file offset and write stores up to 80
 * bytes. Only one ioctl runs at a time: a second one at once gets EBUSY. */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include "uapi/char_dev.h"

#define SUCCESS 0
#define DEVICE_NAME "char_dev"
#define BUF_LEN CHAR_DEV_BUF_LEN

enum {
	CDEV_NOT_USED = 0,
	CDEV_EXCLUSIVE_OPEN = 1,
};

/* Is an ioctl running? Keeps two from working on the message at once. */
static atomic_t already_open = ATOMIC_INIT(CDEV_NOT_USED);

static char message[BUF_LEN + 1];       /* + 1: always NUL-terminated */

/* Copies the message from *offset up to its NUL; at the end, rewinds the
 * offset and returns 0 (EOF), as the seed does. */
static ssize_t device_read(struct file *file, char __user *buffer, size_t length,
			   loff_t *offset)
{
	(void)file;
	if (*offset < 0 || *offset >= BUF_LEN || !message[*offset]) {
		*offset = 0;
		return 0;
	}
	const char *message_ptr = message + *offset;
	ssize_t bytes_read = 0;
	while (length && *message_ptr) {
		if (put_user(*message_ptr, buffer)) {
			if (!bytes_read)
				return -EFAULT;
			break;          /* the offset still moves past what was copied */
		}
		message_ptr++, buffer++, length--, bytes_read++;
	}
	*offset += bytes_read;
	return bytes_read;
}

static ssize_t device_write(struct file *file, const char __user *buffer, size_t length,
			    loff_t *offset)
{
	(void)file, (void)offset;
	size_t i;
	for (i = 0; i < length && i < BUF_LEN; i++)
		if (get_user(message[i], (char __user *)buffer + i))
			return i ? (ssize_t)i : -EFAULT;
	return (ssize_t)i;
}

/* The seed's loop: up to and including the NUL, at most BUF_LEN bytes. */
static long set_msg(char __user *tmp)
{
	char ch;
	int i = 0;
	do {
		if (get_user(ch, tmp + i))
			return -EFAULT;
		message[i++] = ch;
	} while (ch && i < BUF_LEN);
	message[i] = '\0';
	return SUCCESS;
}

static long device_ioctl(struct file *file, unsigned int ioctl_num, unsigned long ioctl_param)
{
	long ret = SUCCESS;

	/* We don't want to talk to two processes at the same time. */
	if (atomic_cmpxchg(&already_open, CDEV_NOT_USED, CDEV_EXCLUSIVE_OPEN))
		return -EBUSY;

	switch (ioctl_num) {
	case IOCTL_SET_MSG:
		ret = set_msg((char __user *)ioctl_param);
		break;
	case IOCTL_GET_MSG: {
		loff_t offset = 0;
		ssize_t i = device_read(file, (char __user *)ioctl_param, BUF_LEN, &offset);
		if (i < 0 || put_user('\0', (char __user *)ioctl_param + i))
			ret = -EFAULT;
		break;
	}
	case IOCTL_GET_NTH_BYTE:
		/* Input (the index) and output (the return value) at once. */
		ret = ioctl_param < BUF_LEN ? message[ioctl_param] : -EINVAL;
		break;
	}
	/* Like the seed, an unknown command falls through and succeeds. */

	atomic_set(&already_open, CDEV_NOT_USED);
	return ret;
}

static const struct file_operations fops = {
	.owner = THIS_MODULE,
	.read = device_read,
	.write = device_write,
	.unlocked_ioctl = device_ioctl,
};

static int chardev2_init(void)
{
	int ret_val = register_chrdev(MAJOR_NUM, DEVICE_NAME, &fops);
	if (ret_val < 0) {
		pr_err("char_dev: registering the character device failed with %d\n", ret_val);
		return ret_val;
	}
	return 0;
}
static void chardev2_exit(void)
{
	unregister_chrdev(MAJOR_NUM, DEVICE_NAME);
}

module_init(chardev2_init);
module_exit(chardev2_exit);
MODULE_LICENSE("GPL");
