// Process-wide allocator tuning for plainsight's workload: many small documents, each built and
// dropped, and libraries (CLD2, Hunspell) that allocate large scratch buffers per call. With
// glibc's defaults those buffers are mapped and unmapped, and the heap top trimmed, on every
// call (measured: 15% of the page-audit bench in kernel memory calls, 6% in page faults). Keeping
// up to 64 MiB of freed memory in the process avoids that churn. plainsight-core links
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

#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

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

// For the `plainsight` front executable (front_main.cpp), which runs short analyses on the
// system allocator: loading a Hunspell dictionary allocates about 12 MB in small blocks, and on
// a virtual machine each 4 KiB page's first-touch fault costs microseconds (en_GB: about 3,100
// faults, a third of the load's time). So the heap grows 64 MiB at a time, every thread
// allocates from it (the dictionary loads on a thread of its own, which would otherwise get an
// arena of its own), and the kernel is asked to back it with 2 MiB pages where transparent huge
// pages are enabled for madvise (Debian's default): about 200 faults. Measured on the 20 KB
// draft's dictionary: load 75 ms -> 38 ms. Where huge pages are off, madvise fails and nothing
// changes. Not for long runs with many threads (one arena serialises them): plainsight-core
// uses tcmalloc.
inline void TuneAllocatorForShortRun() {
  constexpr size_t kGrowth = size_t{64} << 20;
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TOP_PAD, static_cast<int>(kGrowth));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kGrowth));
  // Make the heap grow now (a block larger than what is left at its top), then advise the part
  // it grew by.
  const auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile probe = std::malloc(size_t{1} << 20);  // volatile: not elided with the free
  const auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  std::free(probe);
  const uintptr_t from = (before + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t to = after & ~(kHugePage - 1);
  if (to > from) {
    madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
  }
}

}  // namespace plainsight::cli
