// Text matching for the site-level checks: page text made ready for matching with ICU, and
// patterns matched with RE2 (STYLE.md section 9: no <regex>, no std::tolower on page text).
//
// Patterns are case-insensitive with Unicode simple case folding (RE2 in UTF-8 mode), so
// "RÁITEAS" matches r[aá]iteas. Irish is written with and without the fada on the web
// ("Raiteas Inrochtaineachta"), so patterns spell both forms. RE2's \b only knows ASCII word
// characters: patterns use it only beside ASCII letters.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace plainsight::engine::site {

// Page text ready for matching: Unicode NFC (a decomposed "a" + U+0301 becomes "á"), every
// Unicode space and line break (U+00A0, U+2009...) as one ASCII space, runs collapsed, ends
// trimmed, typographic apostrophes and dashes kept. Invalid UTF-8 is replaced, never thrown.
std::string NormaliseText(std::string_view utf8);

struct Match {
  size_t start = 0;  // byte offsets into the searched text
  size_t end = 0;
};

// One compiled pattern (RE2, UTF-8, case-insensitive unless it starts with (?-i)). Patterns are
// written in this module's sources: one that does not compile is a programmer error (assert).
class Pattern {
 public:
  explicit Pattern(std::string_view pattern);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  bool Search(std::string_view text) const;
  // The first match at or after `from`, or nullopt.
  std::optional<Match> Find(std::string_view text, size_t from = 0) const;
  // Every non-overlapping match, left to right.
  std::vector<Match> FindAll(std::string_view text) const;
  // The first match with its capture groups (group 0 is the whole match; a group that did not
  // take part is empty). Returns false when there is none.
  bool FindGroups(std::string_view text, size_t from, std::vector<std::string_view>& groups) const;

  const re2::RE2& re() const { return *re_; }

 private:
  std::unique_ptr<re2::RE2> re_;
};

// At most `max_bytes` of `text` around [start, end), cut at UTF-8 character boundaries, with
// "..." where cut. For messages and evidence.
std::string Snippet(std::string_view text, size_t start, size_t end, size_t max_bytes = 160);

// `text` cut to at most `max_bytes` at a UTF-8 boundary, with "..." when cut.
std::string Truncate(std::string_view text, size_t max_bytes);

}  // namespace plainsight::engine::site
