/* linux/device.h: Linux's <linux/device.h>: class_create, device_create, device_destroy. */
#ifndef _INCLUDE_LINUX_DEVICE_H
#define _INCLUDE_LINUX_DEVICE_H

#include <linux/kernel.h>
#include <linux/err.h>
#include <dev/device.h>

#endif
