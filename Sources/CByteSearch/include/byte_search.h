// The C library's memmem (a GNU extension the Swift Glibc module does not export), for GongkaiCore's UTF8Search.
#ifndef GONGKAI_BYTE_SEARCH_H
#define GONGKAI_BYTE_SEARCH_H

#include <stddef.h>

/// The first occurrence of `needle` (`needle_length` bytes) in `haystack` (`haystack_length` bytes), or NULL.
const void *gongkai_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
