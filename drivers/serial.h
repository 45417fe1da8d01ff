/* serial.h: the 16550 UART driver (COM1, COM2): polled output for the kernel
 * log, interrupt-driven input and queued output for the ttys on top. */
#ifndef SERIAL_H
#define SERIAL_H

#include <stdbool.h>
#include <stddef.h>

#define SERIAL_NPORTS 2

struct tty;

void serial_init(void);
void serial_putc_polled(char c);

/* Port 0 is COM1. Routes the port's interrupts and received bytes to tty;
 * false if there is no UART there. */
bool serial_attach(int port, struct tty *tty);
/* Queues up to n bytes without sleeping; returns how many fit. */
size_t serial_write(int port, const char *s, size_t n);
size_t serial_write_room(int port);
/* Sends everything queued on every port, by polling (power-off, panic). */
void serial_flush(void);
size_t serial_chars_in_buffer(int port);

#endif
