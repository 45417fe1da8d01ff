/* linux/seq_file.h: Linux's <linux/seq_file.h>: seq_file, single_open, seq_printf. */
#ifndef _INCLUDE_LINUX_SEQ_FILE_H
#define _INCLUDE_LINUX_SEQ_FILE_H

#include <fs/seq_file.h>

#endif
