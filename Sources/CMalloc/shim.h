#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
/// glibc's allocator tuning (`mallopt`), which the Glibc module does not import. Nothing on
/// platforms without <malloc.h>.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif
