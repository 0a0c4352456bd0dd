// The per-thread bump allocator behind GumboArenaScope (see gumbo_arena.h).
#include "engine/gumbo_arena.h"

#include <memory>
#include <vector>

namespace plainsight::engine {
namespace {

constexpr size_t kAlign = 16;              // malloc's alignment on x86-64 and AArch64
constexpr size_t kChunkBytes = 64u << 10;  // an ordinary page's tree fits in one or two
constexpr size_t kKeptBytes = 1u << 20;    // what a thread keeps between parses

struct Chunk {
  std::unique_ptr<char[]> data;
  size_t size = 0;
};

// Chunks in use are [0, current]; those after `current` are free and kept for reuse.
struct Arena {
  std::vector<Chunk> chunks;
  size_t current = 0;
  size_t offset = 0;       // used bytes of chunks[current]
  char* newest = nullptr;  // the last block handed out, which a free can give back
  int depth = 0;           // open scopes

  void* Allocate(size_t bytes) {
    bytes = (bytes + kAlign - 1) & ~(kAlign - 1);
    if (bytes == 0) {
      bytes = kAlign;
    }
    if (chunks.empty() || offset + bytes > chunks[current].size) {
      NextChunk(bytes);
    }
    newest = chunks[current].data.get() + offset;
    offset += bytes;
    return newest;
  }

  void Deallocate(void* ptr) {
    if (ptr != nullptr && ptr == newest) {
      offset = static_cast<size_t>(newest - chunks[current].data.get());
      newest = nullptr;
    }
  }

  // Moves to a chunk after the current one with room for `bytes`, making one if the next free
  // chunk is too small (a new chunk goes before it, so chunks stay in the order they are used).
  void NextChunk(size_t bytes) {
    const size_t next = chunks.empty() ? 0 : current + 1;
    if (next >= chunks.size() || chunks[next].size < bytes) {
      const size_t size = bytes > kChunkBytes ? bytes : kChunkBytes;
      chunks.insert(chunks.begin() + static_cast<std::ptrdiff_t>(next),
                    Chunk{std::make_unique_for_overwrite<char[]>(size), size});
    }
    current = next;
    offset = 0;
  }

  // After the outermost scope: keeps the first chunks, up to kKeptBytes, for the next parse.
  void Trim() {
    size_t kept = 0;
    size_t n = 0;
    while (n < chunks.size() && kept + chunks[n].size <= kKeptBytes) {
      kept += chunks[n].size;
      ++n;
    }
    chunks.resize(n);
    current = 0;
    offset = 0;
  }
};

Arena& ThisThreadsArena() {
  thread_local Arena arena;
  return arena;
}

void* ArenaAllocate(void* userdata, size_t bytes) {
  return static_cast<Arena*>(userdata)->Allocate(bytes);
}

void ArenaDeallocate(void* userdata, void* ptr) {
  static_cast<Arena*>(userdata)->Deallocate(ptr);
}

}  // namespace

GumboArenaScope::GumboArenaScope(GumboOptions& options, size_t source_bytes) : options_(options) {
  if (source_bytes > kMaxSourceBytes) {
    return;
  }
  Arena& arena = ThisThreadsArena();
  uses_arena_ = true;
  mark_chunk_ = arena.current;
  mark_offset_ = arena.offset;
  ++arena.depth;
  options_.allocator = &ArenaAllocate;
  options_.deallocator = &ArenaDeallocate;
  options_.userdata = &arena;
}

void GumboArenaScope::Destroy(GumboOutput* output) {
  if (!uses_arena_) {
    gumbo_destroy_output(&options_, output);
    return;
  }
  if (released_) {
    return;
  }
  released_ = true;
  Arena& arena = ThisThreadsArena();
  arena.current = mark_chunk_;
  arena.offset = mark_offset_;
  arena.newest = nullptr;
  if (--arena.depth == 0) {
    arena.Trim();
  }
}

GumboArenaScope::~GumboArenaScope() {
  if (uses_arena_ && !released_) {
    Destroy(nullptr);
  }
}

}  // namespace plainsight::engine
