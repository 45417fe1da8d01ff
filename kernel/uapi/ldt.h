/* uapi/ldt.h: struct user_desc, the segment description set_thread_area (and modify_ldt) take. */
#ifndef UAPI_LDT_H
#define UAPI_LDT_H

/* entry_number -1 asks set_thread_area to pick a free TLS GDT slot and write its index back. */
struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

#endif
