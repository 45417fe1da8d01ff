/* sh: a small Bourne-style shell.
 *   sh                      read commands from stdin (prompt "# " or "$ " when stdin is a tty)
 *   sh -c 'line' [$0 [$1..]] run one command line
 *   sh file [$1..]          run a script
 * Supports words with '...', "..." and \ quoting; $NAME ${NAME} $? $$ $! $# $0..$9 (unquoted results
 * are split at blanks); pipelines a | b; redirections < > >> [n]< [n]> [n]>> [n]>&m; background &;
 * ; and newline separators; # comments; NAME=value (alone: sets it, before a command: for that
 * command only); builtins cd, exit [n], export NAME=value..., pwd. There is one set of variables, the
 * environment, so every variable is exported.
 * No job control, like the historic Bourne shell: everything stays in the terminal's foreground process
 * group, the interactive shell catches SIGINT/SIGQUIT (exec resets caught signals to the default in
 * foreground commands) and background commands ignore them, so ^C stops only the foreground job. */
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXARGS 64
#define MAXREDIR 8
#define MAXCMDS 16
#define BLANKS " \t\r"
#define NAMECHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789"

struct redir {
	int fd, flags, dup; /* dup: target is a descriptor number (n>&m) */
	char *target;
};

struct cmd {
	char *argv[MAXARGS + 1];
	int argc, nredir;
	struct redir redir[MAXREDIR];
};

struct pipeline {
	struct cmd cmd[MAXCMDS];
	int n, background;
};

static int status; /* $? */
static pid_t last_bg; /* $! */
static int interactive;
static char **params; /* $0, $1, ... */
static int nparams;

/* Each pipeline is expanded just before it runs (so "X=1; echo $X" works); its words live here. */
static const char *cur;
static char arena[16384];
static size_t used;
static int overflow;

static int syntax(const char *msg)
{
	warnx("syntax error: %s", msg);
	return -1;
}

static int is_blank(int c)
{
	return c && strchr(BLANKS, c);
}

static void put(char c)
{
	if (used < sizeof arena)
		arena[used++] = c;
	else
		overflow = 1;
}

/* The value of the $ reference at cur (just past the '$'), or NULL when the '$' is literal. */
static const char *variable(void)
{
	static char buf[64];
	char c = *cur;
	const char *name = cur + (c == '{');
	size_t len = strspn(name, NAMECHARS);

	if (c && strchr("?$!#", c)) {
		cur++;
		snprintf(buf, sizeof buf, "%ld",
			 c == '?' ? status : c == '$' ? getpid() : c == '!' ? last_bg : nparams - 1L);
		return buf;
	}
	if (isdigit((unsigned char)c)) {
		cur++;
		return c - '0' < nparams ? params[c - '0'] : "";
	}
	if (len == 0 || (c == '{' && name[len] != '}'))
		return NULL;
	cur = name + len + (c == '{');
	snprintf(buf, sizeof buf, "%.*s", (int)len, name);
	name = getenv(buf);
	return name ? name : "";
}

/* Terminates the field that starts at arena[*start] and stores it in out[*n]. */
static int end_field(char **out, int *n, int max, size_t *start)
{
	if (*n == max)
		return syntax("too many words");
	put('\0');
	out[(*n)++] = arena + *start;
	*start = used;
	return 0;
}

/* Reads the word at cur, removing quotes and expanding variables, and stores the resulting fields
 * (several when split is set and an unquoted expansion contains blanks) in out[0..max).
 * Returns the number of fields, -1 on error. */
static int read_word(char **out, int max, int split)
{
	int n = 0, quoted = 0; /* quoted: "" or '' make a field even when it is empty */
	char q = 0; /* the quote we are inside */
	size_t start = used;
	const char *v;

	while (*cur && (q || !(is_blank(*cur) || strchr("|&;<>\n", *cur)))) {
		char c = *cur++;
		if (q == '\'') {
			if (c == '\'')
				q = 0;
			else
				put(c);
		} else if (c == '\\' && *cur && (!q || strchr("$\"\\`", *cur))) {
			put(*cur++);
		} else if (c == '$' && (v = variable()) != NULL) {
			for (; *v; v++) {
				if (!split || q || !(is_blank(*v) || *v == '\n'))
					put(*v);
				else if (used > start || quoted) {
					if (end_field(out, &n, max, &start) < 0)
						return -1;
					quoted = 0;
				}
			}
		} else if (c == q) {
			q = 0;
		} else if (!q && (c == '\'' || c == '"')) {
			q = c;
			quoted = 1;
		} else {
			put(c);
		}
	}
	if (q)
		return syntax("unterminated quote");
	if ((used > start || quoted) && end_field(out, &n, max, &start) < 0)
		return -1;
	return n;
}

static int parse_redir(struct cmd *c)
{
	struct redir *r = &c->redir[c->nredir];

	if (c->nredir == MAXREDIR)
		return syntax("too many redirections");
	r->fd = isdigit((unsigned char)*cur) ? *cur++ - '0' : *cur == '>';
	r->flags = *cur == '<' ? O_RDONLY : O_WRONLY | O_CREAT | (cur[1] == '>' ? O_APPEND : O_TRUNC);
	cur += cur[0] == '>' && cur[1] == '>' ? 2 : 1;
	r->dup = *cur == '&';
	cur += r->dup;
	cur += strspn(cur, BLANKS);
	if (read_word(&r->target, 1, 0) != 1)
		return syntax("redirection without a target");
	c->nredir++;
	return 0;
}

/* Parses and expands the pipeline at cur, leaving cur after its terminator.
 * Returns 1 for a pipeline, 0 for an empty command, -1 on error. */
static int parse_pipeline(struct pipeline *pl)
{
	struct cmd *c = pl->cmd;

	memset(pl, 0, sizeof *pl);
	used = 0;
	overflow = 0;
	for (;;) {
		cur += strspn(cur, BLANKS);
		if (*cur == '#')
			cur += strlen(cur);
		char ch = *cur;
		if (ch == '&' && cur[1] == '&')
			return syntax("&& is not supported");
		if (!ch || strchr(";&|\n", ch)) {
			int empty = c->argc == 0 && c->nredir == 0;
			if (ch)
				cur++;
			if (empty && (ch == '|' || ch == '&' || pl->n > 0))
				return syntax("missing command");
			if (overflow)
				return syntax("line too long");
			if (ch != '|') {
				pl->n += !empty;
				pl->background = ch == '&';
				return !empty;
			}
			if (++pl->n == MAXCMDS)
				return syntax("pipeline too long");
			c++;
		} else if (ch == '<' || ch == '>' ||
			   (isdigit((unsigned char)ch) && (cur[1] == '<' || cur[1] == '>'))) {
			if (parse_redir(c) < 0)
				return -1;
		} else {
			int n = read_word(c->argv + c->argc, MAXARGS - c->argc, 1);
			if (n < 0)
				return -1;
			c->argc += n;
		}
	}
}

/* Makes descriptor "to" refer to what "from" does, and closes "from". */
static int move_fd(int from, int to)
{
	int r = from == to ? 0 : dup2(from, to);

	if (from != to)
		close(from);
	return r;
}

static int apply_redirs(struct cmd *c)
{
	for (int i = 0; i < c->nredir; i++) {
		struct redir *r = &c->redir[i];
		int fd;

		if (r->dup) {
			fd = isdigit((unsigned char)r->target[0]) && !r->target[1] ? r->target[0] - '0' : -1;
			errno = EBADF;
			fd = fd < 0 ? fd : dup2(fd, r->fd);
		} else if ((fd = open(r->target, r->flags, 0666)) >= 0) {
			fd = move_fd(fd, r->fd);
		}
		if (fd < 0) {
			warn("%s", r->target);
			return -1;
		}
	}
	return 0;
}

static int is_assignment(const char *w)
{
	size_t n = strspn(w, NAMECHARS);
	return n > 0 && w[n] == '=' && !isdigit((unsigned char)w[0]);
}

static void assign(char *w)
{
	char *eq = strchr(w, '=');

	*eq = '\0';
	if (setenv(w, eq + 1, 1) < 0)
		warn("%s", w);
	*eq = '=';
}

static char **skip_assignments(char **argv)
{
	while (*argv && is_assignment(*argv))
		argv++;
	return argv;
}

/* Applies the redirections and leading NAME=value words of c; returns the rest of its words,
 * NULL when a redirection failed. */
static char **setup(struct cmd *c)
{
	char **rest = skip_assignments(c->argv);

	if (apply_redirs(c) < 0)
		return NULL;
	for (char **a = c->argv; a < rest; a++)
		assign(*a);
	return rest;
}

static int b_cd(char **argv)
{
	const char *dir = argv[1] ? argv[1] : getenv("HOME");

	if (chdir(dir ? dir : "/") == 0)
		return 0;
	warn("cd: %s", dir ? dir : "/");
	return 1;
}

static int b_exit(char **argv)
{
	exit(argv[1] ? atoi(argv[1]) : status);
}

static int b_export(char **argv)
{
	int ret = 0;

	/* "export NAME" has nothing to do: every variable is in the environment already */
	for (int i = 1; argv[i]; i++) {
		if (is_assignment(argv[i]))
			assign(argv[i]);
		else if (strchr(argv[i], '=')) {
			warnx("export: %s: bad variable name", argv[i]);
			ret = 1;
		}
	}
	return ret;
}

static int b_pwd(char **argv)
{
	char buf[4096];

	(void)argv;
	if (getcwd(buf, sizeof buf))
		return puts(buf) < 0;
	warn("pwd");
	return 1;
}

typedef int builtin_fn(char **argv);

static builtin_fn *builtin(const char *name)
{
	static const struct {
		const char *name;
		builtin_fn *fn;
	} table[] = { { "cd", b_cd }, { "exit", b_exit }, { "export", b_export }, { "pwd", b_pwd } };

	for (size_t i = 0; name && i < sizeof table / sizeof table[0]; i++)
		if (strcmp(name, table[i].name) == 0)
			return table[i].fn;
	return NULL;
}

static _Noreturn void exec_command(char **argv)
{
	int error;

	execvp(argv[0], argv);
	error = errno;
	warnx("%s: %s", argv[0], error == ENOENT ? "not found" : strerror(error));
	_exit(error == ENOENT ? 127 : 126);
}

/* A command with no program, or a builtin, runs in the shell itself so cd, exit and assignments
 * take effect; its redirections are undone afterwards. */
static void run_here(struct cmd *c)
{
	int saved[MAXREDIR];
	char **argv;

	for (int i = 0; i < c->nredir; i++)
		saved[i] = fcntl(c->redir[i].fd, F_DUPFD, 10);
	argv = setup(c);
	status = !argv ? 1 : *argv ? builtin(*argv)(argv) : 0;
	fflush(stdout);
	for (int i = c->nredir; i-- > 0;) {
		if (saved[i] >= 0)
			move_fd(saved[i], c->redir[i].fd);
		else
			close(c->redir[i].fd);
	}
}

static void set_signal(int sig, void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler; /* no SA_RESTART: ^C must interrupt the read of a line */
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* In the child: in is the read end of the previous pipe, out the pipe to the next command. */
static _Noreturn void child(struct cmd *c, int in, const int out[2], int background)
{
	if (background) {
		set_signal(SIGINT, SIG_IGN);
		set_signal(SIGQUIT, SIG_IGN);
		if (in < 0)
			in = open("/dev/null", O_RDONLY);
	}
	if (in >= 0)
		move_fd(in, 0);
	if (out[1] >= 0) {
		move_fd(out[1], 1);
		close(out[0]);
	}
	char **argv = setup(c);
	if (!argv || !*argv)
		_exit(!argv);
	builtin_fn *fn = builtin(*argv);
	if (fn)
		exit(fn(argv));
	exec_command(argv);
}

static void run_pipeline(struct pipeline *pl)
{
	pid_t pids[MAXCMDS];
	int in = -1, n, st = 0;
	char *name = *skip_assignments(pl->cmd[0].argv);

	if (pl->n == 1 && !pl->background && (!name || builtin(name))) {
		run_here(&pl->cmd[0]);
		return;
	}
	for (n = 0; n < pl->n; n++) {
		int out[2] = { -1, -1 };
		pid_t pid;
		if (n + 1 < pl->n && pipe(out) < 0) {
			warn("pipe");
			break;
		}
		if ((pid = fork()) == 0)
			child(&pl->cmd[n], in, out, pl->background);
		if (in >= 0)
			close(in);
		if (out[1] >= 0)
			close(out[1]);
		in = out[0];
		if (pid < 0) {
			warn("fork");
			break;
		}
		pids[n] = pid;
	}
	if (in >= 0)
		close(in);
	/* A pipeline cut short still has its started commands waited for (or reaped later). */
	status = n < pl->n;
	if (pl->background) {
		if (n == pl->n) {
			last_bg = pids[n - 1];
			if (interactive)
				fprintf(stderr, "[%d]\n", (int)last_bg);
		}
		return;
	}
	for (int i = 0; i < n; i++)
		while (waitpid(pids[i], &st, 0) < 0 && errno == EINTR)
			;
	if (n < pl->n)
		return;
	if (WIFSIGNALED(st)) {
		status = 128 + WTERMSIG(st);
		if (interactive && WTERMSIG(st) == SIGINT)
			fputc('\n', stderr);
		else if (interactive && WTERMSIG(st) != SIGPIPE)
			fprintf(stderr, "[signal %d]\n", WTERMSIG(st));
	} else {
		status = WEXITSTATUS(st);
	}
}

static void run_line(const char *line)
{
	static struct pipeline pl;
	int r;

	cur = line;
	while (*cur) {
		r = parse_pipeline(&pl);
		if (r < 0) {
			status = 2;
			return;
		}
		if (r > 0)
			run_pipeline(&pl);
	}
}

/* Reads a byte at a time so that commands sharing our input see exactly what follows the line.
 * Returns 1 for a line, 0 at end of input, -1 when interrupted by ^C. */
static int read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;
	int truncated = 0;

	while ((r = read(fd, &c, 1)) == 1 && c != '\n') {
		if (n + 1 < size)
			buf[n++] = c;
		else
			truncated = 1;
	}
	buf[n] = '\0';
	if (truncated)
		warnx("line too long, truncated");
	if (r < 0 && errno == EINTR)
		return -1;
	return r == 1 || n > 0;
}

static void on_signal(int sig)
{
	(void)sig; /* only there to interrupt read(); the foreground job gets the default action */
}

int main(int argc, char **argv)
{
	static char line[4096];
	int fd = 0, r, st;

	setenv("PATH", "/bin:/sbin:/usr/bin", 0); /* commands are searched for in PATH; init's default */
	params = argv;
	nparams = 1;
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3)
			errx(2, "-c: missing command");
		if (argc > 3) {
			params = argv + 3;
			nparams = argc - 3;
		}
		run_line(argv[2]);
		return status;
	}
	if (argc > 1) {
		params = argv + 1;
		nparams = argc - 1;
		fd = open(argv[1], O_RDONLY);
		if (fd < 0)
			err(127, "%s", argv[1]);
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	interactive = fd == 0 && isatty(0);
	if (interactive) {
		set_signal(SIGINT, on_signal);
		set_signal(SIGQUIT, on_signal);
	}
	for (;;) {
		while (waitpid(-1, &st, WNOHANG) > 0) /* finished background commands */
			;
		if (interactive)
			fputs(geteuid() == 0 ? "# " : "$ ", stderr);
		r = read_line(fd, line, sizeof line);
		if (r == 0)
			break;
		if (r < 0)
			fputc('\n', stderr);
		else
			run_line(line);
	}
	return status;
}
