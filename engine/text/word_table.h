// A flat open-addressing hash table from short byte strings (words) to a small value, used by
// the analyser to intern every distinct word it meets with everything it knows about it
// (syllables, letter case, spelling verdict, list flags), so that each word of a text costs one
// lookup instead of several node-based map lookups (bench/text/README.md has the figures).
// On a large vocabulary the lookups are cache misses; Prefetch lets a caller start the misses of
// a whole sentence's words at once, so that they overlap.
//
// Why not std::unordered_map or a library: a node-based map costs a bucket load, a node load and
// often a heap key load per lookup, each a likely cache miss on a large vocabulary; here a
// slot is 32 bytes (half a cache line) holding the hash tag, the key bytes and the value. Abseil's
// flat_hash_map would do as well but is not among the project's dependencies, and it would still
// keep longer keys on the heap. Keys longer than kMaxKeyBytes are not stored (callers compute
// those words directly); the table stops growing at `max_slots`, so memory stays bounded
// whatever the input.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace plainsight::engine::text {

// 64-bit hash of a short string: 8 bytes at a time, multiply and fold (in the manner of
// wyhash / FxHash). Not for untrusted-collision resistance; the table bounds probe work anyway
// by its load factor.
inline uint64_t HashWord(std::string_view s) noexcept {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = 0x243F6A8885A308D3ULL ^ (s.size() * kMul);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    uint64_t v = 0;
    std::memcpy(&v, s.data() + i, s.size() - i);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  h *= kMul;
  return h ^ (h >> 32);
}

// Equality of two keys of the same length n <= 24, with fixed-size (overlapping) loads that
// the compiler turns into register compares: a call to memcmp cost more than the rest of a
// lookup.
inline bool SameKey(const char* a, const char* b, size_t n) noexcept {
  auto eq8 = [&](size_t at) {
    uint64_t x;
    uint64_t y;
    std::memcpy(&x, a + at, 8);
    std::memcpy(&y, b + at, 8);
    return x == y;
  };
  if (n >= 8) {
    return eq8(0) && (n <= 16 || eq8(8)) && eq8(n - 8);
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    std::memcpy(&x0, a, 4);
    std::memcpy(&y0, b, 4);
    std::memcpy(&x1, a + n - 4, 4);
    std::memcpy(&y1, b + n - 4, 4);
    return x0 == y0 && x1 == y1;
  }
  return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

template <typename Value>
class WordTable {
 public:
  static constexpr size_t kMaxKeyBytes = 19;  // SameKey handles up to 24
  static_assert(std::is_trivially_copyable_v<Value>);
  static_assert(sizeof(Value) <= 8 && alignof(Value) <= 8, "a slot must be 32 bytes");

  // `max_slots` (a power of two) caps memory at max_slots * 32 bytes (8 MiB by default).
  explicit WordTable(size_t max_slots = size_t{1} << 18) : max_slots_(max_slots) { Resize(1024); }

  size_t size() const { return size_; }

  // Makes room for `keys` keys in all (within max_slots), so that loading a known number of
  // keys does not grow the table step by step.
  void Reserve(size_t keys) {
    size_t count = slots_.size();
    while (count < max_slots_ && keys * 4 > count * 3) {
      count *= 2;
    }
    if (count > slots_.size()) {
      Resize(count);
    }
  }

  // The value stored for `key`, or nullptr. The pointer stays valid until the next insert.
  Value* Find(std::string_view key) {
    if (key.size() > kMaxKeyBytes) {
      return nullptr;
    }
    return FindHashed(key, HashWord(key));
  }

  const Value* Find(std::string_view key) const { return const_cast<WordTable*>(this)->Find(key); }

  // Starts loading the slot where `key` would be; returns the key's hash for FindOrInsert.
  uint64_t Prefetch(std::string_view key) const {
    uint64_t hash = HashWord(key);
    __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    return hash;
  }

  // Finds `key`, or inserts it with `initial`. Returns nullptr when the key is too long or the
  // table is full (the caller then works without the cache). The pointer stays valid until the
  // next call of Insert.
  Value* FindOrInsert(std::string_view key, const Value& initial, bool* inserted) {
    return FindOrInsert(key, HashWord(key), initial, inserted);
  }

  // The same with the hash from Prefetch.
  Value* FindOrInsert(std::string_view key, uint64_t hash, const Value& initial, bool* inserted) {
    *inserted = false;
    if (key.size() > kMaxKeyBytes) {
      return nullptr;
    }
    uint32_t tag = Tag(hash);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.tag == 0) {
        if ((size_ + 1) * 4 > slots_.size() * 3) {  // keep the load under 3/4
          if (slots_.size() >= max_slots_) {
            return nullptr;
          }
          Resize(slots_.size() * 2);
          return FindOrInsert(key, hash, initial, inserted);
        }
        slot.tag = tag;
        slot.length = static_cast<uint8_t>(key.size());
        std::memcpy(slot.key, key.data(), key.size());
        slot.value = initial;
        ++size_;
        *inserted = true;
        return &slot.value;
      }
      if (slot.tag == tag && slot.length == key.size() &&
          SameKey(slot.key, key.data(), key.size())) {
        return &slot.value;
      }
    }
  }

 private:
  struct alignas(32) Slot {
    uint32_t tag = 0;  // 0 = empty
    uint8_t length = 0;
    char key[kMaxKeyBytes];
    Value value;
  };

  static_assert(sizeof(Slot) == 32);

  static uint32_t Tag(uint64_t hash) {
    auto tag = static_cast<uint32_t>(hash >> 32);
    return tag == 0 ? 1 : tag;
  }

  Value* FindHashed(std::string_view key, uint64_t hash) {
    uint32_t tag = Tag(hash);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.tag == 0) {
        return nullptr;
      }
      if (slot.tag == tag && slot.length == key.size() &&
          SameKey(slot.key, key.data(), key.size())) {
        return &slot.value;
      }
    }
  }

  void Resize(size_t count) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(count, Slot{});
    size_t mask = count - 1;
    for (const Slot& s : old) {
      if (s.tag == 0) {
        continue;
      }
      size_t i = HashWord(std::string_view(s.key, s.length)) & mask;
      while (slots_[i].tag != 0) {
        i = (i + 1) & mask;
      }
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t max_slots_;
};

}  // namespace plainsight::engine::text
