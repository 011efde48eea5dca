#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// Turns SQLite's memory statistics off, process-wide; must run before the first
/// connection opens (sqlite3_config is variadic, which Swift cannot call). With them on
/// (Debian's build), every allocation SQLite makes takes one global mutex, so readers on
/// different threads wait for each other. https://www.sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus
static inline int csqlite_disable_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// Starts writing a file's dirty pages to disk without waiting (Linux `sync_file_range`
/// with `SYNC_FILE_RANGE_WRITE`; a no-op returning 0 elsewhere). Not declared by Swift's
/// Glibc module, which omits GNU extensions. https://man7.org/linux/man-pages/man2/sync_file_range.2.html
#ifdef __linux__
#include <stdint.h>
extern int sync_file_range(int fd, int64_t offset, int64_t count, unsigned int flags);
static inline int csqlite_start_writeback(int fd) { return sync_file_range(fd, 0, 0, 2); }
#else
static inline int csqlite_start_writeback(int fd) { (void)fd; return 0; }
#endif
#endif
