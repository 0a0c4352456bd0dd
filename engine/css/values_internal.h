// Internal to engine/css: what the computed-value code (values.cpp, values_numeric.cpp,
// values_color.cpp, values_compute.cpp) shares: pooled token lists, component values
// (CSS Syntax 3 section 5.4.7 "consume a component value"), numbers and lengths with calc()
// (CSS Values 4 sections 5-6 and 10), and colours (CSS Color 4 sections 4-7).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/css/tokenizer.h"
#include "engine/css/values.h"

namespace plainsight::engine::css::internal {

// Reusable token lists: values are tokenised often, and TokenList's deque allocates.
class Scratch {
 public:
  explicit Scratch(std::string_view text) {
    auto& pool = Pool();
    if (pool.empty()) {
      list_ = std::make_unique<TokenList>();
    } else {
      list_ = std::move(pool.back());
      pool.pop_back();
    }
    Tokenize(text, list_.get());
  }

  ~Scratch() { Pool().push_back(std::move(list_)); }

  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const TokenList& list() const { return *list_; }

 private:
  static std::vector<std::unique_ptr<TokenList>>& Pool() {
    thread_local std::vector<std::unique_ptr<TokenList>> pool;
    return pool;
  }

  std::unique_ptr<TokenList> list_;
};

// A component value: one token, or a function/block with everything up to its closer.
struct Range {
  size_t begin;
  size_t end;  // exclusive
};

// Top-level components of [begin, end), whitespace dropped. Commas and delims are components.
std::vector<Range> Components(const TokenList& tl, size_t begin, size_t end);

// The source text of a component range ("" for an empty range).
inline std::string_view SourceOf(std::string_view text, const TokenList& tl, Range r) {
  if (r.begin >= r.end) {
    return {};
  }
  const uint32_t s = tl.tokens[r.begin].start;
  const uint32_t e = tl.tokens[r.end - 1].end;
  return text.substr(s, e - s);
}

// `s` with every run of ASCII whitespace made one space, leading whitespace dropped.
std::string CollapseSpaces(std::string_view s);

// A calc() value: number, or px + pct (a length-percentage). Percentages are kept apart
// because their basis depends on the property.
struct Numeric {
  enum Type : uint8_t { kNumber, kLength } type = kNumber;

  double num = 0;
  double px = 0;
  double pct = 0;
  bool has_pct = false;
  bool has_px = false;
  bool known = true;
};

// Parses the numeric value in range `r` (a number, length, percentage or calc()), resolving em
// against `em_px` (unknown when !em_known) and rem, vw, vh against `ctx`. False when the range
// is not a valid numeric value.
bool ParseNumeric(const TokenList& tl, Range r, ComputeContext& ctx, double em_px, bool em_known,
                  Numeric* out);

// A length in px as computed values serialise it ("12.5px").
std::string Px(double v);

// Is `word` one of `list` (ASCII case-insensitive)?
inline bool OneOf(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (EqualsIgnoreCase(word, w)) {
      return true;
    }
  }
  return false;
}

enum class ColorParse { kInvalid, kColor, kUnknown };

inline double Clamp(double v, double lo, double hi) {
  return std::max(lo, std::min(hi, v));
}

// Parses one colour component value. currentcolor is the caller's business. kUnknown: a colour
// whose value cannot be known statically (var() inside a colour function, system colours).
ColorParse ParseColorRange(const TokenList& tl, Range r, Rgba* out);

// Is the range a colour (currentcolor included)?
bool IsColorComponent(const TokenList& tl, Range r);

}  // namespace plainsight::engine::css::internal
