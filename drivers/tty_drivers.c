/* tty_drivers.c: the machine's terminals, wired to their hardware and made
 * character devices: /dev/tty1 (4,1) is the VGA screen with the PS/2
 * keyboard; /dev/ttyS0 and /dev/ttyS1 (4,64 and 4,65) are COM1 and COM2;
 * /dev/console (5,1) is ttyS0, its output also shown on the screen unless the
 * kernel is quiet; /dev/tty (5,0) is the opener's controlling terminal. */
#include "kernel.h"
#include "dev/chrdev.h"
#include "tty/console.h"
#include "initcall.h"
#include "kbd.h"
#include "serial.h"
#include "tty/tty.h"
#include "vga.h"

#define TTY_GID    5                    /* Debian's tty and dialout groups */
#define DIALOUT_GID 20

static struct tty tty1, ttyS[SERIAL_NPORTS];
static struct cdev vt_cdev, serial_cdev, tty_cdev, console_cdev;

/* The screen's answers to a program's queries (where is the cursor?) are typed input. */
static void vga_tty_reply(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tty_receive_char(&tty1, s[i]);
}

static size_t vga_tty_write(struct tty *tty, const char *s, size_t n)
{
	(void)tty;
	vga_write(s, n, vga_tty_reply);
	return n;
}

static size_t vga_tty_room(struct tty *tty)
{
	(void)tty;
	return (size_t)-1;              /* the screen is written synchronously */
}

static const struct tty_operations vga_tty_ops = {
	.write = vga_tty_write,
	.write_room = vga_tty_room,
};

static size_t serial_tty_write(struct tty *tty, const char *s, size_t n)
{
	size_t k = serial_write(tty - ttyS, s, n);
	/* The mirror leaves the answers to queries to the terminal on the serial line. */
	if (tty == tty_console() && !console_quiet)
		vga_write(s, k, NULL);
	return k;
}

static size_t serial_tty_room(struct tty *tty)
{
	return serial_write_room(tty - ttyS);
}

static size_t serial_tty_pending(struct tty *tty)
{
	return serial_chars_in_buffer(tty - ttyS);
}

static const struct tty_operations serial_tty_ops = {
	.write = serial_tty_write,
	.write_room = serial_tty_room,
	.chars_in_buffer = serial_tty_pending,
};

/* The keyboard types into tty1 while something has it open, and into the
 * console otherwise: in a QEMU window the keyboard then drives the shell on
 * the console, as the serial line does. Typing returns the screen from its
 * scrollback, as on Linux. */
static void kbd_deliver(char c)
{
	vga_scrollback(0);
	tty_receive_char(tty1.count ? &tty1 : tty_console(), c);
}

/* One region of device numbers under name, all served by tty_fops. */
static int add_region(struct cdev *cdev, dev_t dev, unsigned count, const char *name)
{
	int err = register_chrdev_region(dev, count, name);
	if (err)
		return err;
	cdev_init(cdev, &tty_fops);
	return cdev_add(cdev, dev, count);
}

static int add_tty(struct tty *tty, dev_t dev, uint32_t gid, umode_t mode)
{
	tty_register(tty, dev);
	return chrdev_node_create(dev, 0, gid, mode, "%s", tty->name);
}

static int tty_drivers_init(void)
{
	static const char *const serial_names[SERIAL_NPORTS] = { "ttyS0", "ttyS1" };
	int err = add_region(&vt_cdev, MKDEV(TTY_MAJOR, 0), 64, "tty");
	if (!err)
		err = add_region(&serial_cdev, MKDEV(TTY_MAJOR, 64), SERIAL_NPORTS, "ttyS");
	if (!err)
		err = add_region(&tty_cdev, MKDEV(TTYAUX_MAJOR, 0), 1, "/dev/tty");
	if (!err)
		err = add_region(&console_cdev, MKDEV(TTYAUX_MAJOR, 1), 1, "/dev/console");
	if (err)
		return err;

	tty_init(&tty1, "tty1", &vga_tty_ops, NULL);
	err = add_tty(&tty1, MKDEV(TTY_MAJOR, 1), TTY_GID, 0620);
	for (int i = 0; i < SERIAL_NPORTS && !err; i++) {
		tty_init(&ttyS[i], serial_names[i], &serial_tty_ops, NULL);
		if (serial_attach(i, &ttyS[i]))
			err = add_tty(&ttyS[i], MKDEV(TTY_MAJOR, 64 + i), DIALOUT_GID, 0660);
	}
	if (err)
		return err;
	tty_set_console(&ttyS[0]);
	kbd_init(kbd_deliver, vga_scrollback);
	err = chrdev_node_create(MKDEV(TTYAUX_MAJOR, 0), 0, TTY_GID, 0666, "tty");
	if (!err)
		err = chrdev_node_create(MKDEV(TTYAUX_MAJOR, 1), 0, 0, 0600, "console");
	return err;
}
device_initcall(tty_drivers_init);
