/* setjmp.h: non-local jumps; sigsetjmp can also save and restore the signal mask. */
#ifndef _SETJMP_H
#define _SETJMP_H

/* ebx, esi, edi, ebp, esp, eip; then whether a mask was saved, and the mask. */
typedef struct {
	unsigned long __regs[6];
	int __mask_saved;
	unsigned long __mask[2];
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
int _setjmp(jmp_buf env) __attribute__((returns_twice));
void _longjmp(jmp_buf env, int val) __attribute__((noreturn));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));

#endif
