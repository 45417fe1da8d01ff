/* uapi/fs.h: lseek's whence values (Linux's include/uapi/linux/fs.h). */
#ifndef UAPI_FS_H
#define UAPI_FS_H

#define SEEK_SET 0      /* the offset itself */
#define SEEK_CUR 1      /* the current position plus the offset */
#define SEEK_END 2      /* the end of the file plus the offset */

#endif
