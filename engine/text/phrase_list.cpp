// Phrase lists and the RE2::Set matcher. See phrase_list.h for the format.
#include "engine/text/phrase_list.h"

#include <algorithm>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "engine/ascii.h"

namespace plainsight::engine::text {

const char* SeverityName(Severity severity) noexcept {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "info";
}

namespace {

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The regular expression for one phrase: words separated by any whitespace; a one-word entry
// made of ASCII letters also matches its regular inflections.
std::string PhrasePattern(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') {
      ++i;
    }
    size_t start = i;
    while (i < phrase.size() && phrase[i] != ' ') {
      ++i;
    }
    if (i > start) {
      words.push_back(phrase.substr(start, i - start));
    }
  }
  std::string body;
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) {
      body += R"(\s+)";
    }
    std::string_view word = words[w];
    bool inflect = words.size() == 1 && word.size() >= 4 &&
                   std::all_of(word.begin(), word.end(), IsAsciiWordChar);
    if (!inflect) {
      body += RE2::QuoteMeta(re2::StringPiece(word.data(), word.size()));
      continue;
    }
    char last = word.back();
    char before = word[word.size() - 2];
    bool consonant_y =
        last == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos;
    if (last == 'e') {
      body += std::string(word.substr(0, word.size() - 1)) + "(?:e|es|ed|ing)";
    } else if (consonant_y) {
      body += std::string(word.substr(0, word.size() - 1)) + "(?:y|ies|ied|ying)";
    } else {
      body += std::string(word) + "(?:s|es|ed|ing)?";
    }
  }
  // Whole words are checked after matching (IsWordEdge): RE2's \b is ASCII-only, which would
  // split Irish "fáilte" at the á, and Unicode classes around every phrase make the set's DFA
  // large and slow to build.
  return "(?i)" + body;
}

// True when no letter, digit, apostrophe or hyphen touches the match at [start, end).
bool IsWholeWord(std::string_view text, size_t start, size_t end) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto joins = [](UChar32 c) {
    return c == '\'' || c == '-' || c == 0x2019 || u_isalnum(c) ||
           u_charType(c) == U_NON_SPACING_MARK;
  };
  if (start > 0) {
    auto i = static_cast<int32_t>(start);
    UChar32 c;
    U8_PREV(s, 0, i, c);
    if (c >= 0 && joins(c)) {
      return false;
    }
  }
  if (end < text.size()) {
    auto i = static_cast<int32_t>(end);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
    if (c >= 0 && joins(c)) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<PhraseList> ParsePhraseList(std::string_view content, const std::string& origin) {
  PhraseList list;
  list.origin = origin;
  std::istringstream in{std::string(content)};
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    std::string_view view = TrimWhitespace(line);
    if (line_number == 1 && view.substr(0, 3) == "\xEF\xBB\xBF") {
      view.remove_prefix(3);
    }
    if (view.empty()) {
      continue;
    }
    std::string where = origin + ":" + std::to_string(line_number);
    if (view[0] == '#') {
      std::string_view body = TrimWhitespace(view.substr(1));
      if (body.substr(0, 5) == "kind:") {
        std::string_view kind = TrimWhitespace(body.substr(5));
        if (kind != "wordy-phrase" && kind != "jargon" && kind != "nominalisation") {
          return Fail(ErrorCode::kParse,
                      "unknown list kind (use wordy-phrase, jargon or nominalisation)", where);
        }
        list.kind = std::string(kind);
      } else if (body.substr(0, 9) == "severity:") {
        std::string_view severity = TrimWhitespace(body.substr(9));
        if (severity == "info") {
          list.severity = Severity::kInfo;
        } else if (severity == "warning") {
          list.severity = Severity::kWarning;
        } else if (severity == "error") {
          list.severity = Severity::kError;
        } else {
          return Fail(ErrorCode::kParse, "unknown severity (use info, warning or error)", where);
        }
      }
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      return Fail(ErrorCode::kParse, "expected phrase<TAB>plainer phrase", where);
    }
    std::string_view phrase = TrimWhitespace(std::string_view(line).substr(0, tab));
    std::string_view rest = std::string_view(line).substr(tab + 1);
    std::string_view suggestion = TrimWhitespace(rest.substr(0, rest.find('\t')));
    if (phrase.find("...") != std::string_view::npos || phrase.empty()) {
      continue;  // templates with gaps ("for example, ... etc.") cannot be matched literally
    }
    // "commit / pledge": alternatives.
    size_t start = 0;
    while (start <= phrase.size()) {
      size_t slash = phrase.find(" / ", start);
      std::string_view one = TrimWhitespace(
          phrase.substr(start, slash == std::string_view::npos ? phrase.npos : slash - start));
      if (!one.empty()) {
        list.entries.push_back({std::string(one), std::string(suggestion)});
      }
      if (slash == std::string_view::npos) {
        break;
      }
      start = slash + 3;
    }
  }
  return list;
}

Result<PhraseList> LoadPhraseList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kNotFound, "cannot read word list " + path);
  }
  std::ostringstream content;
  content << in.rdbuf();
  return ParsePhraseList(content.str(), path);
}

struct PhraseMatcher::Impl {
  std::vector<PhraseList> lists;

  // One phrase's own expression, compiled the first time the set says it matched: a draft
  // matches a few of the hundreds of phrases, and compiling each up front was a sixth of a
  // one-shot `plainsight text` run. Matchers are shared by threads, hence the once_flag.
  struct Compiled {
    std::string pattern;
    const PhraseEntry* entry = nullptr;
    const PhraseList* list = nullptr;
    mutable std::once_flag compiled;
    mutable std::unique_ptr<RE2> re;

    const RE2& Get(const RE2::Options& options) const {
      std::call_once(compiled, [&] { re = std::make_unique<RE2>(pattern, options); });
      return *re;
    }
  };

  RE2::Options longest;           // leftmost-longest: "utilised", not "utilise" + "d"
  std::deque<Compiled> patterns;  // not a vector: a once_flag does not move
  std::unique_ptr<RE2::Set> set;
};

PhraseMatcher::PhraseMatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

PhraseMatcher::~PhraseMatcher() = default;

size_t PhraseMatcher::size() const {
  return impl_->patterns.size();
}

Result<std::unique_ptr<PhraseMatcher>> PhraseMatcher::Build(std::vector<PhraseList> lists) {
  auto impl = std::make_unique<Impl>();
  impl->lists = std::move(lists);
  RE2::Options options;
  options.set_max_mem(int64_t{256} << 20);
  options.set_log_errors(false);
  impl->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const PhraseList& list : impl->lists) {
    for (const PhraseEntry& entry : list.entries) {
      std::string pattern = PhrasePattern(entry.phrase);
      std::string error;
      if (impl->set->Add(pattern, &error) < 0) {
        return Fail(ErrorCode::kInternal,
                    "cannot compile phrase \"" + entry.phrase + "\": " + error, list.origin);
      }
      // The set accepted the pattern, so its own compilation (same syntax) cannot fail.
      Impl::Compiled& compiled = impl->patterns.emplace_back();
      compiled.pattern = std::move(pattern);
      compiled.entry = &entry;
      compiled.list = &list;
    }
  }
  impl->longest = options;
  impl->longest.set_longest_match(true);
  if (!impl->set->Compile()) {
    return Fail(ErrorCode::kInternal, "RE2 ran out of memory compiling the phrase lists");
  }
  return std::unique_ptr<PhraseMatcher>(new PhraseMatcher(std::move(impl)));
}

void PhraseMatcher::FindAll(std::string_view text, std::vector<Match>& out) const {
  if (impl_->patterns.empty() || text.empty()) {
    return;
  }
  std::vector<int> hits;
  re2::StringPiece input(text.data(), text.size());
  if (!impl_->set->Match(input, &hits)) {
    return;
  }
  size_t first = out.size();
  for (int id : hits) {
    const Impl::Compiled& c = impl_->patterns[static_cast<size_t>(id)];
    const RE2& re = c.Get(impl_->longest);
    size_t pos = 0;
    re2::StringPiece found;
    while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &found, 1)) {
      auto start = static_cast<size_t>(found.data() - text.data());
      size_t end = start + found.size();
      if (end > start && IsWholeWord(text, start, end)) {
        out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), c.entry, c.list});
        pos = end;
      } else {
        pos = start + 1;
      }
    }
  }
  // Longest match first at each start; drop matches inside a longer one ("in order to" hides
  // "order").
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
            [](const Match& a, const Match& b) {
              return a.start != b.start ? a.start < b.start : a.end > b.end;
            });
  std::vector<Match> kept;
  uint32_t covered_end = 0;
  for (size_t i = first; i < out.size(); ++i) {
    if (!kept.empty() && out[i].start < covered_end) {
      continue;
    }
    kept.push_back(out[i]);
    covered_end = out[i].end;
  }
  out.resize(first);
  out.insert(out.end(), kept.begin(), kept.end());
}

}  // namespace plainsight::engine::text
