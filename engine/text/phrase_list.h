// Phrase lists (wordy phrases, jargon, nominalisations) and their matcher: one RE2::Set over
// every phrase of every list, then the single pattern of each hit for its positions.
//
// File format (docs/text.md): UTF-8, one entry per line, `phrase<TAB>plainer phrase`; further
// columns are ignored. `#` starts a comment line. Directives in comments:
//   #kind: wordy-phrase | jargon | nominalisation     (default wordy-phrase)
//   #severity: info | warning | error                  (default info)
// A phrase may give alternatives as "commit / pledge". Matching ignores case, needs whole
// words, lets any whitespace separate the words, and accepts common English inflections of a
// one-word entry ("utilise" also finds "utilised", "utilising").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace plainsight::engine::text {

enum class Severity : uint8_t { kInfo, kWarning, kError };

const char* SeverityName(Severity severity) noexcept;

struct PhraseEntry {
  std::string phrase;
  std::string suggestion;
};

struct PhraseList {
  std::string origin;  // the file it came from
  std::string kind = "wordy-phrase";
  Severity severity = Severity::kInfo;
  std::vector<PhraseEntry> entries;
};

// Parses list text. Fails with kParse naming origin:line for a line without a tab or a bad
// directive.
Result<PhraseList> ParsePhraseList(std::string_view content, const std::string& origin);
// Reads and parses a file. Fails with kNotFound when it cannot be read.
Result<PhraseList> LoadPhraseList(const std::string& path);

class PhraseMatcher {
 public:
  struct Match {
    uint32_t start = 0;
    uint32_t end = 0;
    const PhraseEntry* entry = nullptr;
    const PhraseList* list = nullptr;
  };

  // Compiles the lists. Fails with kInternal if RE2 rejects a pattern (it names the phrase).
  static Result<std::unique_ptr<PhraseMatcher>> Build(std::vector<PhraseList> lists);
  ~PhraseMatcher();

  // Appends every match in `text`, ordered by start.
  void FindAll(std::string_view text, std::vector<Match>& out) const;
  size_t size() const;

 private:
  struct Impl;
  explicit PhraseMatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::engine::text
