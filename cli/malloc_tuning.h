// Process-wide allocator tuning for plainsight's workload: many small documents, each built and
// dropped, and libraries (CLD2, Hunspell) that allocate large scratch buffers per call. With
// glibc's defaults those buffers are mapped and unmapped, and the heap top trimmed, on every
// call (measured: 15% of the page-audit bench in kernel memory calls, 6% in page faults). Keeping
// up to 64 MiB of freed memory in the process avoids that churn. The plainsight binary links
// tcmalloc (see the root CMakeLists.txt), which keeps freed memory in its caches anyway and
// accepts these calls as no-ops; they matter for builds on the system allocator.
#pragma once

#include <malloc.h>

namespace plainsight::cli {

inline void TuneAllocator() {
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

}  // namespace plainsight::cli
