// The C library's memmem (a GNU extension the Swift Glibc module does not export), and a UTF-8 check, for
// GongkaiCore's UTF8Search.
#ifndef GONGKAI_BYTE_SEARCH_H
#define GONGKAI_BYTE_SEARCH_H

#include <stddef.h>

/// The first occurrence of `needle` (`needle_length` bytes) in `haystack` (`haystack_length` bytes), or NULL.
const void *gongkai_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// How many of the `n` bytes at `s` form valid UTF-8 (RFC 3629: no overlong forms, surrogates or code points above
/// U+10FFFF) up to the first sequence that is not: `n` when all of them are.
size_t gongkai_utf8_valid_prefix(const unsigned char *s, size_t n);

#endif
