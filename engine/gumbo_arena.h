// A bump allocator for Gumbo's parse of one document (GumboOptions::allocator/deallocator).
// Gumbo allocates every node, attribute, string and vector of its tree, and every token on the
// way, through its allocator, then frees them one by one in gumbo_destroy_output. Served from a
// per-thread arena, an allocation is a pointer bump, a free of anything but the newest block is
// nothing, and the whole tree is dropped at once when the parse is done (gumbo_destroy_output is
// not called). The arena keeps its first chunks from one parse to the next, so a thread that
// parses many pages stops asking the system for memory.
//
// Scopes nest: a parse begun while another's tree is alive (a nested document) takes memory
// above the outer one's and gives back only its own.
#pragma once

#include <cstddef>

#include <gumbo.h>

namespace plainsight::engine {

class GumboArenaScope {
 public:
  // Sources larger than this are parsed with Gumbo's default malloc/free: the arena keeps what
  // Gumbo frees mid-parse (grown buffers, finished tokens), which on a very large page would
  // cost more memory than the time it saves.
  static constexpr size_t kMaxSourceBytes = 2u << 20;

  // Fills `options` to allocate from this thread's arena when `source_bytes` is within
  // kMaxSourceBytes; otherwise leaves them as they are.
  GumboArenaScope(GumboOptions& options, size_t source_bytes);
  // Frees `output` (with gumbo_destroy_output when the arena is not in use, else by releasing
  // the arena back to where this scope began). `output` must come from `options`.
  void Destroy(GumboOutput* output);
  ~GumboArenaScope();

  GumboArenaScope(const GumboArenaScope&) = delete;
  GumboArenaScope& operator=(const GumboArenaScope&) = delete;

  bool uses_arena() const { return uses_arena_; }

 private:
  GumboOptions& options_;
  bool uses_arena_ = false;
  bool released_ = false;
  size_t mark_chunk_ = 0;
  size_t mark_offset_ = 0;
};

}  // namespace plainsight::engine
