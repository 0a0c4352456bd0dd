// Hunspell in two tiers with a process-wide suggestion cache. See speller.h.
#include "engine/text/speller.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include <hunspell/hunspell.hxx>
#include <sys/mman.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include "engine/ascii.h"

namespace plainsight::engine::text {

namespace {

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Suggestions per dictionary (its base path) and word, shared by every analyser of the process.
struct SharedSuggestions {
  static constexpr size_t kMaxWords = 50000;  // per dictionary
  std::mutex mutex;
  std::unordered_map<std::string, std::unordered_map<std::string, std::vector<std::string>>> by_dic;
};

std::atomic<size_t> spellers_loaded{0};

SharedSuggestions& Shared() {
  static auto* shared = new SharedSuggestions();  // never destroyed: no exit order
  return *shared;
}

// The whole file in one read (a stream copy of en_GB's 1.2 MB .dic took a tenth of a 20 KB
// draft's CPU time), or false.
bool ReadWhole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  if (size < 0) {
    return false;
  }
  out.resize(static_cast<size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(out.data(), size));
}

// The whitespace-separated fields of one line.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
      ++i;
    }
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
      ++i;
    }
    if (i > start) {
      out.push_back(line.substr(start, i - start));
    }
  }
  return out;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Calls `f` with each line of `text` (without its newline).
template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    f(text.substr(start, end - start));
    start = end + 1;
  }
}

// The affix file `aff` with `MAXNGRAMSUGS 0` (any earlier MAXNGRAMSUGS line dropped: Hunspell
// refuses a second definition) and, with `drop_compound_rules`, without its COMPOUNDRULE lines.
std::string SpellerAffix(std::string_view aff, bool drop_compound_rules) {
  std::string out;
  out.reserve(aff.size() + 32);
  ForEachLine(aff, [&](std::string_view line) {
    if (line.rfind("MAXNGRAMSUGS", 0) == 0 ||
        (drop_compound_rules && line.rfind("COMPOUNDRULE", 0) == 0)) {
      return;
    }
    out += line;
    out.push_back('\n');
  });
  out += "MAXNGRAMSUGS 0\n";
  return out;
}

// `text` in an anonymous memory file, so nothing is written to disk. Returns the file descriptor
// (the caller closes it), or -1 when memfd_create or the write fails.
int MemoryFile(const std::string& text) {
  int fd = memfd_create("plainsight-aff", MFD_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      close(fd);
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  return fd;
}

}  // namespace

struct Speller::Impl {
  std::string base;
  std::unique_ptr<Hunspell> edits;  // MAXNGRAMSUGS 0 (or as installed, when that failed)
  std::string encoding;
  bool utf8 = true;
  std::unordered_map<std::string, int> verdicts;
  bool compound_rules_dropped = false;

  bool Convert(const char* to, const char* from, const std::string& in, std::string& out) const {
    UErrorCode status = U_ZERO_ERROR;
    out.resize(in.size() * 4 + 4);
    int32_t n = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()), in.data(),
                             static_cast<int32_t>(in.size()), &status);
    if (U_FAILURE(status)) {
      return false;
    }
    out.resize(static_cast<size_t>(n));
    // ICU substitutes unmappable characters with SUB (0x1A) or '?'.
    return out.find('\x1a') == std::string::npos &&
           (in.find('?') != std::string::npos || out.find('?') == std::string::npos);
  }

  bool Encode(const std::string& word, std::string& out) const {
    if (utf8 || IsAscii(word)) {
      out = word;
      return true;
    }
    return Convert(encoding.c_str(), "UTF-8", word, out);
  }

  bool Decode(const std::string& word, std::string& out) const {
    if (utf8 || IsAscii(word)) {
      out = word;
      return true;
    }
    return Convert("UTF-8", encoding.c_str(), word, out);
  }

  std::vector<std::string> Suggest(Hunspell& h, const std::string& word) const {
    std::string encoded;
    std::vector<std::string> out;
    if (!Encode(word, encoded)) {
      return out;
    }
    for (const std::string& s : h.suggest(encoded)) {
      std::string decoded;
      if (Decode(s, decoded)) {
        out.push_back(decoded);
      }
      if (out.size() == 3) {
        break;
      }
    }
    return out;
  }
};

bool CompoundRulesNeedDigits(std::string_view aff, std::string_view dic) {
  std::string rule_flags;
  bool other_compounding = false;
  bool digit_material = false;  // a digit a suggestion could bring into a word
  ForEachLine(aff, [&](std::string_view line) {
    const std::vector<std::string_view> f = Fields(line);
    if (f.empty()) {
      return;
    }
    const std::string_view key = f[0];
    // Flags other than single bytes, and compounding by flag, are beyond this check.
    if (key == "FLAG" || key == "AF" || key == "COMPOUNDFLAG" || key == "COMPOUNDBEGIN" ||
        key == "COMPOUNDMIDDLE" || key == "COMPOUNDEND" || key == "COMPOUNDLAST") {
      other_compounding = true;
    } else if (key == "COMPOUNDRULE" && f.size() >= 2 && !(f.size() == 2 && AllDigits(f[1]))) {
      for (char c : f[1]) {
        if (c != '*' && c != '?' && c != '(' && c != ')') {
          rule_flags.push_back(c);
        }
      }
    } else if (key == "TRY" || key == "KEY" || key == "REP" || key == "MAP" || key == "ICONV" ||
               key == "OCONV") {
      const bool count_line = f.size() == 2 && AllDigits(f[1]) && key != "TRY" && key != "KEY";
      for (size_t i = 1; i < f.size() && !count_line; ++i) {
        digit_material = digit_material || HasDigit(f[i]);
      }
    } else if ((key == "PFX" || key == "SFX") && f.size() >= 5 && f[2] != "0") {
      digit_material = digit_material || HasDigit(f[2]);  // a strip that removes a digit
    }
  });
  if (rule_flags.empty() || other_compounding || digit_material) {
    return false;
  }
  // Only the flags matter: the word before them is looked at when they name a rule flag.
  bool all_have_digits = true;
  const char* p = dic.data();
  const char* const end = dic.data() + dic.size();
  p = static_cast<const char*>(std::memchr(p, '\n', dic.size()));  // past the entry count
  while (p != nullptr && p < end && all_have_digits) {
    const char* line = p + 1;
    const auto* eol = static_cast<const char*>(std::memchr(line, '\n', end - line));
    const char* line_end = eol != nullptr ? eol : end;
    // word[/flags][ morphology]; "\\/" is a slash inside the word.
    const char* slash = line;
    while ((slash = static_cast<const char*>(std::memchr(slash, '/', line_end - slash))) !=
               nullptr &&
           slash > line && slash[-1] == '\\') {
      ++slash;
    }
    if (slash != nullptr) {
      const std::string_view rest(slash + 1, static_cast<size_t>(line_end - slash - 1));
      const std::string_view flags = rest.substr(0, rest.find_first_of(" \t\r"));
      if (flags.find_first_of(rule_flags) != std::string_view::npos &&
          !HasDigit(std::string_view(line, static_cast<size_t>(slash - line)))) {
        all_have_digits = false;
      }
    }
    p = eol;
  }
  return all_have_digits;
}

Speller::Speller(const std::string& base, SpellerMode mode) : impl_(std::make_unique<Impl>()) {
  ++spellers_loaded;
  impl_->base = base;
  const std::string aff = base + ".aff";
  const std::string dic = base + ".dic";
  std::string aff_text;
  const bool aff_ok = ReadWhole(aff, aff_text);
  bool drop_rules = false;
  if (aff_ok && mode == SpellerMode::kFast && aff_text.find("COMPOUNDRULE") != std::string::npos) {
    std::string dic_text;
    drop_rules = ReadWhole(dic, dic_text) && CompoundRulesNeedDigits(aff_text, dic_text);
  }
  impl_->compound_rules_dropped = drop_rules;
  int fd = aff_ok ? MemoryFile(SpellerAffix(aff_text, drop_rules)) : -1;
  if (fd >= 0) {
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    impl_->edits = std::make_unique<Hunspell>(path.c_str(), dic.c_str());
    close(fd);
  } else {
    impl_->compound_rules_dropped = false;
    impl_->edits = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }
  impl_->encoding = impl_->edits->get_dict_encoding();
  const std::string lower = AsciiLower(impl_->encoding);
  impl_->utf8 = lower == "utf-8" || lower == "utf8";
}

bool Speller::compound_rules_dropped() const {
  return impl_->compound_rules_dropped;
}

Speller::~Speller() = default;

int Speller::Check(const std::string& word, bool use_cache) {
  Impl& d = *impl_;
  if (!use_cache) {
    std::string encoded;
    return d.Encode(word, encoded) ? (d.edits->spell(encoded) ? 1 : 0) : -1;
  }
  if (auto it = d.verdicts.find(word); it != d.verdicts.end()) {
    return it->second;
  }
  std::string encoded;
  int result = d.Encode(word, encoded) ? (d.edits->spell(encoded) ? 1 : 0) : -1;
  if (d.verdicts.size() < 200000) {
    d.verdicts.emplace(word, result);
  }
  return result;
}

bool Speller::Cached(const std::string& word, std::vector<std::string>& out) const {
  SharedSuggestions& shared = Shared();
  std::lock_guard lock(shared.mutex);
  auto dic = shared.by_dic.find(impl_->base);
  if (dic == shared.by_dic.end()) {
    return false;
  }
  auto it = dic->second.find(word);
  if (it == dic->second.end()) {
    return false;
  }
  out = it->second;
  return true;
}

void Speller::Remember(const std::string& word, const std::vector<std::string>& suggestions) {
  SharedSuggestions& shared = Shared();
  std::lock_guard lock(shared.mutex);
  auto& words = shared.by_dic[impl_->base];
  if (words.size() < SharedSuggestions::kMaxWords) {
    words.emplace(word, suggestions);
  }
}

std::vector<std::string> Speller::SuggestEdits(const std::string& word) {
  return impl_->Suggest(*impl_->edits, word);
}

namespace {

// Whether `candidate` is `word` with a doubled letter moved ("bizzare" -> "bizarre",
// "tommorow" -> "tomorrow"): the same length, and the same text once one doubled letter of each
// is made single.
bool MovesDoubling(std::string_view word, std::string_view candidate) {
  if (word.size() != candidate.size() || word == candidate) {
    return false;
  }
  auto undoubled = [](std::string_view s) {
    std::vector<std::string> out;
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] == s[i - 1]) {
        out.push_back(std::string(s.substr(0, i)).append(s.substr(i + 1)));
      }
    }
    return out;
  };
  const std::vector<std::string> a = undoubled(word);
  for (const std::string& b : undoubled(candidate)) {
    if (std::find(a.begin(), a.end(), b) != a.end()) {
      return true;
    }
  }
  return false;
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring),
// on bytes.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::vector<std::string> Speller::SuggestUndoubled(const std::string& word) {
  std::vector<std::string> out;
  int tried = 0;
  for (size_t i = 1; i < word.size() && tried < 2 && out.size() < 3; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (word[i] != word[i - 1] || c >= 0x80 || (i + 1 < word.size() && word[i + 1] == word[i])) {
      continue;
    }
    ++tried;
    std::string undoubled = word.substr(0, i) + word.substr(i + 1);
    // Closest to the word as written first ("ocurr" -> "ocur" -> "our, cur, occur": "occur").
    std::vector<std::string> found = impl_->Suggest(*impl_->edits, undoubled);
    std::stable_sort(found.begin(), found.end(), [&](const std::string& x, const std::string& y) {
      auto key = [&](const std::string& s) {
        size_t length_gap =
            s.size() > word.size() ? s.size() - word.size() : word.size() - s.size();
        return std::make_pair(EditDistance(s, word), length_gap);
      };
      return key(x) < key(y);
    });
    for (std::string& s : found) {
      if (out.size() < 3 && s != word && std::find(out.begin(), out.end(), s) == out.end()) {
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

void ForgetSuggestions() {
  SharedSuggestions& shared = Shared();
  std::lock_guard lock(shared.mutex);
  shared.by_dic.clear();
}

size_t SpellersLoaded() {
  return spellers_loaded.load();
}

bool IsIdentifierLike(std::string_view w, std::string_view lang) {
  if (w.find_first_of("_/\\@:=#~") != std::string_view::npos) {
    return true;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  const auto length = static_cast<int32_t>(w.size());
  int32_t i = 0;
  int index = 0;
  int transitions = 0;  // a capital right after a lower-case letter
  int first_at = -1;    // letter index of the first such capital
  bool previous_lower = false;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const bool upper = c >= 0 && (u_isupper(c) || u_istitle(c));
    if (upper && previous_lower) {
      ++transitions;
      if (first_at < 0) {
        first_at = index;
      }
    }
    previous_lower = c >= 0 && u_islower(c);
    ++index;
  }
  if (transitions == 0) {
    return false;
  }
  return !(lang == "ga" && transitions == 1 && first_at <= 2);
}

void SuggestForMisspellings(TextFacts& facts, std::span<Speller* const> spellers, size_t max_words,
                            double budget_ms) {
  SpellingStats& stats = facts.spelling_stats;
  const auto start = std::chrono::steady_clock::now();
  auto spent_ms = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  const bool timed = budget_ms > 0;
  size_t looked_up = 0;
  // Shortest words first (then in order of first use): they cost the least, so more words get
  // suggestions within the time; without a time limit the order changes nothing.
  std::vector<size_t> order(std::min(facts.misspellings.size(), spellers.size()));
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  if (timed) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return facts.misspellings[a].word.size() < facts.misspellings[b].word.size();
    });
  }
  for (size_t i : order) {
    Misspelling& m = facts.misspellings[i];
    Speller& speller = *spellers[i];
    if (speller.Cached(m.word, m.suggestions)) {
      m.suggested = true;
      ++stats.from_cache;
      continue;
    }
    if (looked_up >= max_words || (timed && spent_ms() >= budget_ms)) {
      ++stats.not_computed;
      continue;
    }
    ++looked_up;
    ++stats.edit_lookups;
    std::vector<std::string> found = speller.SuggestEdits(m.word);
    if (found.size() < 3) {
      ++stats.undoubled_lookups;
      // Topped up to three. A word that only moves the doubling ("bizzare": "bizarre") goes
      // first, as Hunspell's full search ranked it; the rest after the edit phase's suggestions.
      size_t room = 3 - found.size();
      size_t moved = 0;
      for (std::string& s : speller.SuggestUndoubled(m.word)) {
        if (room == 0) {
          break;
        }
        if (std::find(found.begin(), found.end(), s) != found.end()) {
          continue;
        }
        auto at = MovesDoubling(m.word, s) ? found.begin() + static_cast<std::ptrdiff_t>(moved++)
                                           : found.end();
        found.insert(at, std::move(s));
        --room;
      }
    }
    speller.Remember(m.word, found);
    m.suggestions = std::move(found);
    m.suggested = true;
  }
  stats.suggestion_ms = spent_ms();
}

}  // namespace plainsight::engine::text
