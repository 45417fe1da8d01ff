/* kbd.c: the PS/2 keyboard on IRQ 1. Scancode set 1 (what the i8042 hands
 * over after its default translation) becomes the bytes a terminal expects:
 * ASCII with shift, caps lock and ctrl applied (ctrl+letter is the control
 * character), DEL for backspace, CR for enter, and VT100 escape sequences
 * for the cursor and editing keys, as the Linux console sends them.
 * Shift-PgUp and Shift-PgDn scroll the screen back and forth instead. */
#include "kernel.h"
#include "kbd.h"
#include "x86/trap.h"
#include "x86/x86.h"

#define KBD_DATA   0x60
#define KBD_STATUS 0x64
#define STATUS_OBF 0x01                 /* output buffer full: a byte to read */
#define STATUS_AUX 0x20                 /* ... and it came from the mouse */

#define SC_RELEASE 0x80
#define SC_EXT     0xe0
#define SC_LCTRL   0x1d
#define SC_LSHIFT  0x2a
#define SC_RSHIFT  0x36
#define SC_CAPS    0x3a
#define SC_PGUP    0x49                 /* behind 0xe0 */
#define SC_PGDN    0x51

static const char normal[] = {
	0, 033, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 0x7f, '\t',
	'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0,
	'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\',
	'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ',
};

static const char shifted[] = {
	0, 033, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 0x7f, '\t',
	'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0,
	'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|',
	'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ',
};

/* Keys behind the 0xe0 prefix that send a sequence. */
static const struct {
	uint8_t code;
	const char *seq;
} extended[] = {
	{ 0x48, "\033[A" }, { 0x50, "\033[B" }, { 0x4d, "\033[C" }, { 0x4b, "\033[D" },
	{ 0x47, "\033[1~" }, { 0x4f, "\033[4~" }, { 0x53, "\033[3~" }, { 0x52, "\033[2~" },
	{ 0x49, "\033[5~" }, { 0x51, "\033[6~" },
	{ 0x1c, "\r" }, { 0x35, "/" },
};

static void (*deliver)(char c);
static void (*scroll)(int pages);
static bool shift_l, shift_r, ctrl_l, ctrl_r, caps, ext;

static void send(const char *s)
{
	while (*s)
		deliver(*s++);
}

static char translate(uint8_t code)
{
	if (code >= sizeof(normal) || !normal[code])
		return 0;
	char c = normal[code];
	if (ctrl_l || ctrl_r) {
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		if (c >= '@' && c <= '_')       /* ^[ ^\ ^] */
			return c & 0x1f;
		return c == ' ' ? 0 : c;
	}
	bool shift = shift_l || shift_r;
	if (c >= 'a' && c <= 'z' && caps)
		shift = !shift;
	return shift ? shifted[code] : c;
}

static void scancode(uint8_t sc)
{
	if (sc == SC_EXT) {
		ext = true;
		return;
	}
	bool was_ext = ext, pressed = !(sc & SC_RELEASE);
	uint8_t code = sc & ~SC_RELEASE;
	ext = false;
	if (code == SC_LCTRL) {
		*(was_ext ? &ctrl_r : &ctrl_l) = pressed;
	} else if (code == SC_LSHIFT && !was_ext) {
		shift_l = pressed;
	} else if (code == SC_RSHIFT && !was_ext) {
		shift_r = pressed;
	} else if (!pressed) {
		return;
	} else if (code == SC_CAPS) {
		caps = !caps;
	} else if (was_ext && (shift_l || shift_r) && (code == SC_PGUP || code == SC_PGDN)) {
		scroll(code == SC_PGUP ? 1 : -1);
	} else if (was_ext) {
		for (size_t i = 0; i < ARRAY_SIZE(extended); i++)
			if (extended[i].code == code)
				send(extended[i].seq);
	} else {
		char c = translate(code);
		/* ctrl+space is NUL: a real byte, unlike the keys that send nothing. */
		if (c || ((ctrl_l || ctrl_r) && code == 0x39))
			deliver(c);
	}
}

static void kbd_intr(void)
{
	uint8_t st;
	while ((st = inb(KBD_STATUS)) & STATUS_OBF) {
		uint8_t b = inb(KBD_DATA);
		if (!(st & STATUS_AUX))
			scancode(b);
	}
}

void kbd_init(void (*deliver_fn)(char c), void (*scroll_fn)(int pages))
{
	deliver = deliver_fn;
	scroll = scroll_fn;
	irq_register(IRQ_KBD, kbd_intr);
	kbd_intr();                     /* a byte already waiting holds the edge-triggered IRQ line up */
}
