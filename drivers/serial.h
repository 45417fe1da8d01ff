/* serial.h: the 16550 UART driver (COM1, COM2). */
#ifndef SERIAL_H
#define SERIAL_H

void serial_init(void);
void serial_putc_polled(char c);

#endif
