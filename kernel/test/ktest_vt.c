/* ktest_vt.c: in-kernel tests of the terminal emulator (tty/vt.c) on a small
 * vt in a buffer: cell contents and attributes after escape sequences, the
 * deferred wrap, erasing, the cursor report, the alternate screen and the
 * scrollback. */
#include "kernel.h"
#include "test/ktest.h"
#include "tty/vt.h"

#define ROWS 4
#define COLS 10
#define HIST 3

static struct vt vt;
static uint16_t cells[ROWS * COLS], alt[ROWS * COLS], hist[HIST * COLS];
static char answer[32];
static size_t answer_len;

static void record_reply(struct vt *v, const char *s, size_t n)
{
	(void)v;
	n = MIN(n, sizeof(answer) - 1 - answer_len);
	memcpy(answer + answer_len, s, n);
	answer_len += n;
	answer[answer_len] = '\0';
}

static void setup(void)
{
	vt_init(&vt, ROWS, COLS, cells, alt, hist, HIST);
	vt.reply = record_reply;
	answer_len = 0;
	answer[0] = '\0';
}

static void put(const char *s)
{
	vt_write(&vt, s, strlen(s));
}

static char ch(int row, int col)
{
	return (char)(vt.cells[row * COLS + col] & 0xff);
}

static uint8_t attr(int row, int col)
{
	return (uint8_t)(vt.cells[row * COLS + col] >> 8);
}

/* The row reads text, then blanks. */
static bool cells_are(uint16_t (*cell)(int row, int col), int row, const char *text)
{
	size_t n = strlen(text);
	for (int c = 0; c < COLS; c++)
		if ((char)(cell(row, c) & 0xff) != ((size_t)c < n ? text[c] : ' '))
			return false;
	return n <= COLS;
}

static uint16_t live_cell(int row, int col)
{
	return vt.cells[row * COLS + col];
}

static uint16_t shown_cell(int row, int col)
{
	return vt_view_cell(&vt, row, col);
}

static bool row_is(int row, const char *text)
{
	return cells_are(live_cell, row, text);
}

static bool view_row_is(int row, const char *text)
{
	return cells_are(shown_cell, row, text);
}

KTEST(vt_sgr_colours)
{
	setup();
	put("a\033[31mb\033[1;44mc\033[7md\033[0me\033[92mf\033[39;49mg\033[38;5;3mh\033[m");
	KCHECK(row_is(0, "abcdefgh"));
	KCHECK(attr(0, 0) == VT_DEFAULT_ATTR);
	KCHECK(attr(0, 1) == 0x04);             /* red on black */
	KCHECK(attr(0, 2) == 0x1c);             /* bold red (bright) on blue */
	KCHECK(attr(0, 3) == 0x49);             /* reversed: blue (bold: bright) on red */
	KCHECK(attr(0, 4) == VT_DEFAULT_ATTR);
	KCHECK(attr(0, 5) == 0x0a);             /* bright green */
	KCHECK(attr(0, 6) == VT_DEFAULT_ATTR);
	KCHECK(attr(0, 7) == 0x06);             /* 256-colour 3: yellow, VGA's brown */
	KCHECK(vt_attr(&vt) == VT_DEFAULT_ATTR);
}

KTEST(vt_cursor_moves)
{
	setup();
	put("\033[3;5HX");
	KCHECK(ch(2, 4) == 'X' && vt.y == 2 && vt.x == 5);
	put("\033[2AY\033[10CZ");               /* up 2, then right past the edge: clamped */
	KCHECK(ch(0, 5) == 'Y' && ch(0, 9) == 'Z');
	put("\033[HA\033[BB\033[2DC\033[GD");
	KCHECK(ch(0, 0) == 'A' && ch(1, 1) == 'B' && ch(1, 0) == 'D');
	KCHECK(vt.y == 1 && vt.x == 1);
	put("\033[99;99H");
	KCHECK(vt.y == ROWS - 1 && vt.x == COLS - 1);
	put("\033[2;3H\0337\033[H\0338Q");      /* DECSC/DECRC */
	KCHECK(ch(1, 2) == 'Q');
	put("\033[4;1H\033[sW\033[1;1H\033[uV");
	KCHECK(ch(3, 0) == 'V');
}

KTEST(vt_wrap_and_controls)
{
	setup();
	put("0123456789");                      /* fills the row: the wrap waits */
	KCHECK(vt.y == 0 && vt.x == COLS - 1 && vt.wrap_pending);
	put("\r\n");
	KCHECK(vt.y == 1 && vt.x == 0 && ch(1, 0) == ' ');
	put("0123456789x");
	KCHECK(ch(2, 0) == 'x' && vt.y == 2);
	put("ab\bc\td");                        /* BS does not erase; tab to column 8 */
	KCHECK(ch(2, 1) == 'a' && ch(2, 2) == 'c' && ch(2, 8) == 'd');
	put("\nz");                             /* LF alone keeps the column */
	KCHECK(ch(3, 9) == 'z');
	put("\033[1;1H\033]0;title\007t\033(Bu");  /* OSC and charset selection are swallowed */
	KCHECK(ch(0, 0) == 't' && ch(0, 1) == 'u');
}

KTEST(vt_erase_insert_delete)
{
	setup();
	put("abcdefghij\r\nklmnopqrst\r\nuvwxyz");
	put("\033[1;4H\033[K");
	KCHECK(row_is(0, "abc"));
	put("\033[2;4H\033[1K");
	KCHECK(row_is(1, "    opqrst"));
	put("\033[2;5H\033[2P");                /* delete 2 at column 5 */
	KCHECK(row_is(1, "    qrst"));
	put("\033[2;1H\033[2@");
	KCHECK(row_is(1, "      qrst"));
	put("\033[2;7H\033[2X");
	KCHECK(row_is(1, "        st"));
	put("\033[3;1H\033[L");                 /* a blank line pushes "uvwxyz" down */
	KCHECK(row_is(2, "") && row_is(3, "uvwxyz"));
	put("\033[M");
	KCHECK(row_is(2, "uvwxyz") && row_is(3, ""));
	put("\033[41m\033[2;1H\033[J");         /* erases to the end with the background colour */
	KCHECK(row_is(0, "abc") && row_is(1, "") && attr(3, 9) == 0x47);
	put("\033[2J");
	KCHECK(row_is(0, "") && vt.hist_len == 0);
}

KTEST(vt_reports_and_modes)
{
	setup();
	put("\033[2;3H\033[6n");
	KCHECK(strcmp(answer, "\033[2;3R") == 0);
	put("\033[?25l");
	KCHECK(!vt.cursor_visible);
	put("\033[?25h\033[1;1Hmain\033[?1049h");
	KCHECK(vt.in_alt && row_is(0, ""));
	put("alt\r\n\n\n\nscrolled");           /* the alternate screen keeps no history */
	KCHECK(vt.hist_len == 0);
	put("\033[?1049l");
	KCHECK(!vt.in_alt && row_is(0, "main") && vt.y == 0 && vt.x == 4);
}

KTEST(vt_scrollback)
{
	setup();
	put("l1\r\nl2\r\nl3\r\nl4\r\nl5\r\nl6");  /* l1 and l2 scroll off */
	KCHECK(vt.hist_len == 2 && row_is(0, "l3") && row_is(3, "l6"));
	vt_scroll_view(&vt, 1);
	KCHECK(vt.view == 1 && view_row_is(0, "l2") && view_row_is(3, "l5"));
	vt_scroll_view(&vt, 10);                /* no further back than there is */
	KCHECK(vt.view == 2 && view_row_is(0, "l1") && view_row_is(2, "l3"));
	vt_scroll_view(&vt, -1);
	KCHECK(vt.view == 1);
	put("\r\nl7\r\nl8\r\nl9");              /* output returns to the live screen; the ring wraps */
	KCHECK(vt.view == 0 && vt.hist_len == HIST && row_is(3, "l9"));
	vt_scroll_view(&vt, HIST);
	KCHECK(view_row_is(0, "l3") && view_row_is(2, "l5") && view_row_is(3, "l6"));
	vt_scroll_view(&vt, -HIST);
	put("\033[3J");
	KCHECK(vt.hist_len == 0 && row_is(0, ""));
}

/* Any bytes at all (cat of a binary): the cursor stays on the screen, the
 * view within the scrollback. Pseudo-random, weighted to the bytes that
 * start and fill sequences. */
KTEST(vt_garbage)
{
	static const char alphabet[] = "\033\033[[[;;0123456789?HJKLMPX@ABCDmnhlrsu78c\r\n\b\t x";
	uint32_t seed = 12345;
	bool ok = true;
	setup();
	for (int i = 0; i < 20000 && ok; i++) {
		seed = seed * 1103515245 + 12345;
		unsigned r = seed >> 16;
		char c = r & 0x100 ? (char)(r & 0xff) : alphabet[r % (sizeof(alphabet) - 1)];
		vt_write(&vt, &c, 1);
		if (i % 97 == 0)
			vt_scroll_view(&vt, (int)(r % 7) - 3);
		ok = vt.x >= 0 && vt.x < COLS && vt.y >= 0 && vt.y < ROWS && vt.view >= 0 &&
		     vt.view <= vt.hist_len && vt.hist_len <= HIST && vt.nparams <= VT_MAX_PARAMS;
	}
	KCHECK(ok);
}
