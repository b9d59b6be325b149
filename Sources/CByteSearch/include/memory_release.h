// mimalloc's control of when freed memory goes back to the system (GongkaiCore's FreedMemory). The gongkai executable is
// linked with mimalloc (Package.swift), which by default keeps freed pages resident for a while (25 ms, and until
// the freeing thread next allocates), so an idle server goes on holding what its last build freed.
#ifndef GONGKAI_MEMORY_RELEASE_H
#define GONGKAI_MEMORY_RELEASE_H

/// Tells mimalloc to return freed pages to the system at once (`decommit_delay` and `segment_decommit_delay` 0).
/// 1 when the process runs on mimalloc, else 0 (nothing done: the test binaries are not linked with it).
int gongkai_return_freed_memory_at_once(void);

/// Puts back the delays `gongkai_return_freed_memory_at_once` replaced (nothing when it was not called).
void gongkai_keep_freed_memory_again(void);

#endif
