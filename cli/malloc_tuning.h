// Process-wide allocator tuning for plainsight's workload: many small documents, each built and
// dropped, and libraries (CLD2, Hunspell) that allocate large scratch buffers per call. With
// glibc's defaults those buffers are mapped and unmapped, and the heap top trimmed, on every
// call (measured: 15% of the page-audit bench in kernel memory calls, 6% in page faults). Keeping
// up to 64 MiB of freed memory in the process avoids that churn. The plainsight binary links
// tcmalloc (see the root CMakeLists.txt), which keeps freed memory in its caches anyway and
// accepts these calls as no-ops; they matter for builds on the system allocator.
//
// tcmalloc's own bound is on its per-thread caches: 32 MiB in all by default. Pages audited on
// two threads free on one what the other allocated (a page's results are written out by
// whichever thread hands them on), so those caches fill slowly up to the bound, and a long audit
// ends with 10-12 MB more than a short one (50,000 pages against 5,000: 1.30x; issue 17 asks for
// 1.2x). 8 MiB in all keeps them warm (no measurable change in speed) and the peak flat: set
// unless TCMALLOC_MAX_TOTAL_THREAD_CACHE_BYTES says otherwise.
#pragma once

#include <cstdlib>

#include <malloc.h>

#if defined(PLAINSIGHT_TCMALLOC)
#include <gperftools/malloc_extension_c.h>
#endif

namespace plainsight::cli {

inline void TuneAllocator() {
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
#if defined(PLAINSIGHT_TCMALLOC)
  if (std::getenv("TCMALLOC_MAX_TOTAL_THREAD_CACHE_BYTES") == nullptr) {
    MallocExtension_SetNumericProperty("tcmalloc.max_total_thread_cache_bytes", 8u << 20);
  }
#endif
}

}  // namespace plainsight::cli
