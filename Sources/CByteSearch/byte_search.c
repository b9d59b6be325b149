#define _GNU_SOURCE
#include <string.h>
#include "byte_search.h"

const void *gongkai_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

size_t gongkai_utf8_valid_prefix(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            // ASCII: the rest of its run eight bytes at a time.
            i += 1;
            while (n - i >= 8) {
                unsigned long long word;
                memcpy(&word, s + i, 8);
                if (word & 0x8080808080808080ULL) break;
                i += 8;
            }
            continue;
        }
        if ((unsigned char)(c - 0xE1) <= 0x0E && c != 0xED) {
            // Three bytes led by E1–EC, EE or EF (CJK text is mostly these): two continuation bytes, any of them.
            if (n - i < 3 || ((s[i + 1] & 0xC0) != 0x80) | ((s[i + 2] & 0xC0) != 0x80)) return i;
            i += 3;
            continue;
        }
        if (c < 0xC2) return i;  // a continuation byte, or the lead of an overlong two-byte form
        if (c < 0xE0) {
            if (n - i < 2 || (s[i + 1] & 0xC0) != 0x80) return i;
            i += 2;
            continue;
        }
        if (c < 0xF0) {  // E0 or ED
            if (n - i < 3) return i;
            unsigned char c1 = s[i + 1], c2 = s[i + 2];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return i;
            if (c == 0xE0 && c1 < 0xA0) return i;  // overlong
            if (c == 0xED && c1 > 0x9F) return i;  // a surrogate
            i += 3;
            continue;
        }
        if (c < 0xF5) {
            if (n - i < 4) return i;
            unsigned char c1 = s[i + 1], c2 = s[i + 2], c3 = s[i + 3];
            if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return i;
            if (c == 0xF0 && c1 < 0x90) return i;  // overlong
            if (c == 0xF4 && c1 > 0x8F) return i;  // above U+10FFFF
            i += 4;
            continue;
        }
        return i;
    }
    return n;
}
