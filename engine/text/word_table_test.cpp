// The analyser's flat word table (word_table.h): lookups, inserts, growth, the key-length limit
// and the size cap.
#include "engine/text/word_table.h"

#include <string>

#include <catch2/catch.hpp>

namespace plainsight::engine::text {
namespace {

TEST_CASE("word table: a word is found after it is inserted, with its value",
          "[text][word-table]") {
  WordTable<int> table;
  bool inserted = false;
  int* v = table.FindOrInsert("council", 7, &inserted);
  REQUIRE(v != nullptr);
  CHECK(inserted);
  *v = 9;
  CHECK(table.Find("council") != nullptr);
  CHECK(*table.Find("council") == 9);
  CHECK(table.Find("Council") == nullptr);  // keys are exact bytes
  CHECK(table.Find("counci") == nullptr);
  int* again = table.FindOrInsert("council", 0, &inserted);
  CHECK_FALSE(inserted);
  CHECK(*again == 9);
  CHECK(table.size() == 1);
}

TEST_CASE("word table: keeps every word through growth, including the empty word",
          "[text][word-table]") {
  WordTable<int> table;
  bool inserted = false;
  for (int i = 0; i < 20000; ++i) {
    int* v = table.FindOrInsert("w" + std::to_string(i), i, &inserted);
    REQUIRE(v != nullptr);
    REQUIRE(inserted);
  }
  REQUIRE(table.FindOrInsert("", -1, &inserted) != nullptr);
  CHECK(table.size() == 20001);
  for (int i = 0; i < 20000; ++i) {
    const int* v = table.Find("w" + std::to_string(i));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(*table.Find("") == -1);
  CHECK(table.Find("w20000") == nullptr);
}

TEST_CASE("word table: words longer than the key limit are not stored", "[text][word-table]") {
  WordTable<int> table;
  bool inserted = true;
  std::string longest(WordTable<int>::kMaxKeyBytes, 'a');
  CHECK(table.FindOrInsert(longest, 1, &inserted) != nullptr);
  CHECK(table.FindOrInsert(longest + "a", 1, &inserted) == nullptr);
  CHECK_FALSE(inserted);
  CHECK(table.Find(longest + "a") == nullptr);
}

TEST_CASE("word table: stops inserting at its cap but still finds what it holds",
          "[text][word-table]") {
  WordTable<int> table(2048);  // holds at most 3/4 of 2048 slots
  bool inserted = false;
  int stored = 0;
  for (int i = 0; i < 5000; ++i) {
    if (table.FindOrInsert(std::to_string(i), i, &inserted) != nullptr) {
      ++stored;
    }
  }
  CHECK(stored == 1536);
  CHECK(table.size() == 1536);
  REQUIRE(table.Find("0") != nullptr);
  CHECK(*table.Find("0") == 0);
  CHECK(table.Find("4999") == nullptr);
}

TEST_CASE("word table: the hash depends on every byte and on the length", "[text][word-table]") {
  CHECK(HashWord("abcdefgh") != HashWord("abcdefgi"));
  CHECK(HashWord("abcdefghijk") != HashWord("abcdefghijj"));
  CHECK(HashWord("a") != HashWord(std::string("a\0", 2)));
  CHECK(HashWord("") != HashWord(std::string("\0", 1)));
}

TEST_CASE("word table: keys of every length differ when any one byte differs",
          "[text][word-table]") {
  for (size_t n = 0; n <= 24; ++n) {
    std::string a(n, 'x');
    for (size_t i = 0; i < n; ++i) {
      a[i] = static_cast<char>('a' + i);
    }
    std::string b = a;
    CHECK(SameKey(a.data(), b.data(), n));
    for (size_t i = 0; i < n; ++i) {
      std::string c = a;
      c[i] = '#';
      INFO("length " << n << ", byte " << i);
      CHECK_FALSE(SameKey(a.data(), c.data(), n));
    }
  }
}

}  // namespace
}  // namespace plainsight::engine::text
