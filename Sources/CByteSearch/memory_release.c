#include <mimalloc.h>
#include "memory_release.h"

/* Weak: a binary not linked with mimalloc (the test binaries) links too, with this null. */
#pragma weak mi_option_set
#pragma weak mi_option_get

/* The delays before the first call (-1: not replaced). Only one caller at a time changes them (a command). */
static long kept_decommit_delay = -1, kept_segment_decommit_delay = -1;

int gongkai_return_freed_memory_at_once(void) {
    if (!mi_option_set || !mi_option_get) return 0;
    if (kept_decommit_delay < 0) {
        kept_decommit_delay = mi_option_get(mi_option_decommit_delay);
        kept_segment_decommit_delay = mi_option_get(mi_option_segment_decommit_delay);
    }
    mi_option_set(mi_option_decommit_delay, 0);
    mi_option_set(mi_option_segment_decommit_delay, 0);
    return 1;
}

void gongkai_keep_freed_memory_again(void) {
    if (!mi_option_set || kept_decommit_delay < 0) return;
    mi_option_set(mi_option_decommit_delay, kept_decommit_delay);
    mi_option_set(mi_option_segment_decommit_delay, kept_segment_decommit_delay);
    kept_decommit_delay = kept_segment_decommit_delay = -1;
}
