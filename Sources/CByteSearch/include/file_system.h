// Two Linux calls the Swift Glibc module does not export (GNU extensions), for GongkaiBuild's output writer.
#ifndef GONGKAI_FILE_SYSTEM_H
#define GONGKAI_FILE_SYSTEM_H

/// renameat2(2) with RENAME_EXCHANGE: swaps the two paths (folders included) in one atomic step. 0, or -1 and errno
/// (EINVAL or ENOSYS where the file system or kernel cannot).
int gongkai_exchange(const char *a, const char *b);

/// syncfs(2): writes the file system holding the open file `fd` to disk. 0, or -1 and errno.
int gongkai_syncfs(int fd);

#endif
