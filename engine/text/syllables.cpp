// Syllable counting: CMU-derived table, derivation from the table, spelling rules.
// The English rules are our own (no packaged library counts syllables in C or C++); they were
// tuned on a tuning half of dictionary words and measured on the other half
// (bench/text/syllable_accuracy.py).
#include "engine/text/syllables.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "engine/text/segment.h"

namespace plainsight::engine::text {

namespace {

// The whole of the file at `path`, read at once, or nullopt when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    return std::nullopt;
  }
  const std::streamoff size = in.tellg();
  if (size < 0) {
    return std::nullopt;
  }
  std::string content(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(content.data(), size)) {
    return std::nullopt;
  }
  return content;
}

// Adds the entries of one file's `content` to `table`. Returns the failure, if any.
std::optional<Error> ParseSyllableFile(const std::string& path, std::string_view content,
                                       SyllableTable& table) {
  std::array<std::pair<std::string_view, uint8_t>, SyllableTable::kBatch> batch;
  size_t in_batch = 0;
  int line_number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) {
      eol = content.size();
    }
    std::string_view line(content.data() + pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    ++line_number;
    if (line.empty() || line[0] == '#') {
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab + 1 >= line.size()) {
      return Error{ErrorCode::kParse, "expected word<TAB>syllables",
                   path + ":" + std::to_string(line_number)};
    }
    int count = 0;
    for (size_t i = tab + 1; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
      count = count * 10 + (line[i] - '0');
    }
    if (count <= 0 || count > 30) {
      return Error{ErrorCode::kParse, "syllable count out of range",
                   path + ":" + std::to_string(line_number)};
    }
    batch[in_batch++] = {line.substr(0, tab), static_cast<uint8_t>(count)};
    if (in_batch == batch.size()) {
      table.InsertBatch(batch);
      in_batch = 0;
    }
  }
  table.InsertBatch(std::span(batch.data(), in_batch));
  return std::nullopt;
}

}  // namespace

Result<std::shared_ptr<const SyllableTable>> LoadSyllableTables(
    const std::vector<std::string>& paths) {
  // Every file is read first and the table sized for all their lines at once (start-up cost,
  // issue 20: growing the table, and reading through a stream iterator, took most of the load).
  std::vector<std::string> contents;
  contents.reserve(paths.size());
  size_t lines = 0;
  size_t bytes = 0;
  for (const std::string& path : paths) {
    std::optional<std::string> content = ReadWholeFile(path);
    if (!content) {
      return Error{ErrorCode::kNotFound, "cannot open syllable table " + path, ""};
    }
    lines += static_cast<size_t>(std::count(content->begin(), content->end(), '\n')) + 1;
    bytes += content->size();  // more than the words alone: a bound for their arena
    contents.push_back(std::move(*content));
  }
  auto table = std::make_shared<SyllableTable>();
  table->Reserve(lines, bytes);
  for (size_t i = 0; i < paths.size(); ++i) {
    if (std::optional<Error> error = ParseSyllableFile(paths[i], contents[i], *table)) {
      return *error;
    }
  }
  return std::shared_ptr<const SyllableTable>(std::move(table));
}

Result<std::shared_ptr<const SyllableTable>> LoadSyllableTable(const std::string& path) {
  return LoadSyllableTables({path});
}

Result<std::shared_ptr<const SyllableTable>> LoadEnglishSyllableTable(const std::string& data_dir) {
  return LoadSyllableTables({data_dir + "/en/syllables.tsv", data_dir + "/en/syllables-extra.tsv"});
}

void SyllableTable::Reserve(size_t words, size_t key_bytes) {
  keys_.reserve(key_bytes);
  size_t count = slots_.size();
  while (words * 2 > count) {
    count *= 2;
  }
  if (count > slots_.size()) {
    Rehash(count);
  }
}

void SyllableTable::Rehash(size_t count) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(count, Slot{});
  const size_t mask = count - 1;
  for (const Slot& s : old) {
    if (s.length == 0) {
      continue;
    }
    size_t i = HashWord(std::string_view(keys_.data() + s.offset, s.length)) & mask;
    while (slots_[i].length != 0) {
      i = (i + 1) & mask;
    }
    slots_[i] = s;
  }
}

const SyllableTable::Slot* SyllableTable::FindSlot(std::string_view word, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const auto tag = static_cast<uint16_t>(hash >> 48);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.length == 0 || (s.tag == tag && s.length == word.size() &&
                          std::memcmp(keys_.data() + s.offset, word.data(), word.size()) == 0)) {
      return &s;
    }
  }
}

void SyllableTable::Insert(std::string_view word, uint8_t syllables) {
  const std::pair<std::string_view, uint8_t> one[] = {{word, syllables}};
  InsertBatch(one);
}

void SyllableTable::InsertBatch(std::span<const std::pair<std::string_view, uint8_t>> words) {
  // Room first (at most half full: short probe runs), so that the slots prefetched below stay
  // where they are; the inserts' cache misses then overlap instead of following each other.
  while ((size_ + words.size()) * 2 > slots_.size()) {
    Rehash(slots_.size() * 2);
  }
  std::array<uint64_t, kBatch> hashes;
  const size_t mask = slots_.size() - 1;
  for (size_t start = 0; start < words.size(); start += kBatch) {
    const size_t n = std::min(kBatch, words.size() - start);
    for (size_t i = 0; i < n; ++i) {
      hashes[i] = HashWord(words[start + i].first);
      __builtin_prefetch(&slots_[hashes[i] & mask]);
    }
    for (size_t i = 0; i < n; ++i) {
      InsertHashed(words[start + i].first, words[start + i].second, hashes[i]);
    }
  }
}

void SyllableTable::InsertHashed(std::string_view word, uint8_t syllables, uint64_t hash) {
  longest_ = std::max(longest_, word.size());
  if (word.empty()) {
    if (empty_word_ < 0) {
      empty_word_ = syllables;
    }
    return;
  }
  if (word.size() > kMaxLength || keys_.size() + word.size() > kMaxKeyBytes) {
    long_.emplace(std::string(word), syllables);
    return;
  }
  auto* slot = const_cast<Slot*>(FindSlot(word, hash));
  if (slot->length != 0) {
    return;  // the first count given wins
  }
  slot->offset = static_cast<uint32_t>(keys_.size());
  slot->length = static_cast<uint8_t>(word.size());
  slot->syllables = syllables;
  slot->tag = static_cast<uint16_t>(hash >> 48);
  keys_.append(word);
  ++size_;
}

int SyllableTable::Find(std::string_view word) const {
  if (word.size() > longest_) {
    return -1;
  }
  if (word.empty()) {
    return empty_word_;
  }
  if (word.size() <= kMaxLength) {
    const Slot* slot = FindSlot(word, HashWord(word));
    if (slot->length != 0) {
      return slot->syllables;
    }
    if (long_.empty()) {
      return -1;
    }
  }
  auto it = long_.find(word);
  return it != long_.end() ? it->second : -1;
}

namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsConsonantLetter(char c) {
  return c >= 'a' && c <= 'z' && !IsVowel(c) && c != 'y';
}

// Can consonant `c` stand before a syllabic "-le" ("table", "bottle")? Not l ("Rochelle"), r
// or w ("gnarled", "sprawled").
bool FormsLe(char c) {
  return IsConsonantLetter(c) && c != 'l' && c != 'r' && c != 'w';
}

}  // namespace

namespace {

bool EndsInSibilant(std::string_view w) {
  return EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
         EndsWith(w, "sh") || EndsWith(w, "ce") || EndsWith(w, "ge") || EndsWith(w, "se") ||
         EndsWith(w, "ze");
}

// Letter names spoken in an abbreviation without vowels ("dvd", "ftp"): W has three syllables.
int SpelledOut(std::string_view w) {
  int count = 0;
  for (char c : w) {
    count += c == 'w' ? 3 : 1;
  }
  return count;
}

// Vowel-group rules for letters only (no apostrophes).
int VowelRules(std::string_view w) {
  const size_t n = w.size();
  if (n == 0) {
    return 1;
  }
  // "mc" in names is a syllable of its own: "McDonald", "McNutt".
  if (n > 3 && StartsWith(w, "mc") && IsConsonantLetter(w[2])) {
    return 1 + VowelRules(w.substr(2));
  }
  // Vowel letters; 'y' is a consonant before a vowel at the start or after a vowel ("yes",
  // "player"), a vowel otherwise ("my", "rhythm").
  std::vector<bool> vowel(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (IsVowel(w[i])) {
      vowel[i] = true;
    } else if (w[i] == 'y') {
      bool before_vowel = i + 1 < n && IsVowel(w[i + 1]);
      bool after_vowel = i > 0 && IsVowel(w[i - 1]);
      vowel[i] = !(before_vowel && (i == 0 || after_vowel));
    }
  }
  int groups = 0;
  for (size_t i = 0; i < n; ++i) {
    if (vowel[i] && (i == 0 || !vowel[i - 1])) {
      ++groups;
    }
  }
  if (groups == 0) {
    // An abbreviation read letter by letter ("dvd", "nfl"), except interjections.
    static constexpr std::string_view kSounds[] = {"hmm", "hm",   "mm",  "nth", "shh", "sh",
                                                   "brr", "psst", "pst", "tsk", "grr", "zzz"};
    bool sound = std::find(std::begin(kSounds), std::end(kSounds), w) != std::end(kSounds);
    return n >= 2 && !sound ? SpelledOut(w) : 1;
  }
  if (n <= 3) {
    // "ode", "axe", "ice": vowel, consonant, silent e.
    if (n == 3 && groups == 2 && vowel[0] && !vowel[1] && w[2] == 'e') {
      return 1;
    }
    return groups;
  }
  auto lone_e = [&](size_t i) {  // an 'e' that forms a vowel group on its own
    return w[i] == 'e' && (i == 0 || !vowel[i - 1]) && (i + 1 >= n || !vowel[i + 1]);
  };
  int count = groups;
  // Silent final e ("make"), but not consonant+le ("table"; "-lle" is silent: "Rochelle") or a
  // word's only vowel.
  if (w[n - 1] == 'e' && lone_e(n - 1) && groups > 1) {
    bool le = n >= 3 && w[n - 2] == 'l' && FormsLe(w[n - 3]);
    if (!le) {
      --count;
    }
  }
  // "-es" and "-ed" after a silent e: "makes", "hoped"; but "boxes", "wanted" keep it.
  if (n >= 4 && lone_e(n - 2) && groups > 1 && (w[n - 1] == 's' || w[n - 1] == 'd')) {
    char before = w[n - 3];
    bool le = before == 'l' && FormsLe(w[n - 4]);
    bool sounded = w[n - 1] == 's'
                       ? (before == 's' || before == 'x' || before == 'z' || before == 'c' ||
                          before == 'g' || EndsWith(w, "ches") || EndsWith(w, "shes"))
                       : (before == 't' || before == 'd');
    if (!sounded && !le && !vowel[n - 3]) {  // "hoped", "played"
      --count;
    }
  }
  // Silent e inside before common suffixes: "statement", "hopeful", "lately", "useless".
  for (std::string_view suffix : {"ment", "ments", "ful", "fully", "less", "ness", "ly"}) {
    if (EndsWith(w, suffix) && n > suffix.size() + 2) {
      size_t e = n - suffix.size() - 1;
      if (lone_e(e) && IsConsonantLetter(w[e - 1]) &&
          !(w[e - 1] == 'l' && e >= 2 && IsConsonantLetter(w[e - 2]))) {
        --count;
      }
      break;
    }
  }
  // "-que" and "-gue" endings are silent: "unique", "league".
  if ((EndsWith(w, "que") || EndsWith(w, "gue") || EndsWith(w, "ques") || EndsWith(w, "gues")) &&
      n > 4) {
    --count;
  }
  // "-ically" is two syllables, not three: "basically", "graphically".
  if (EndsWith(w, "ically") && n > 7) {
    --count;
  }
  // "-ire" is two syllables: "fire", "desire", "hired", "Wiltshire".
  for (std::string_view suffix : {"ire", "ires", "ired"}) {
    size_t before = n - suffix.size() - 1;
    if (EndsWith(w, suffix) && n > suffix.size() &&
        (IsConsonantLetter(w[before]) ||
         (w[before] == 'u' && before > 0 && w[before - 1] == 'q'))) {
      ++count;
      break;
    }
  }
  // Vowel pairs that are two syllables (hiatus).
  for (size_t i = 0; i + 1 < n; ++i) {
    char a = w[i];
    char b = w[i + 1];
    char prev = i > 0 ? w[i - 1] : ' ';
    if (a == 'i' && b == 'a') {
      // "media", "trial", "appreciate", "initiation"; not "special", "initial", "Asia".
      bool ate = i + 2 < n && w[i + 2] == 't';
      if (ate || (prev != 'c' && prev != 't' && prev != 's' && prev != 'g')) {
        ++count;
      }
    } else if (a == 'i' && b == 'o') {
      // "radio", "period", "various", "lion"; not "nation", "fashion", "union", "million".
      char next = i + 2 < n ? w[i + 2] : ' ';
      char before = i >= 2 ? w[i - 2] : ' ';
      bool merged = ((prev == 't' || prev == 's' || prev == 'c' || prev == 'g' || prev == 'x') &&
                     (next == 'n' || next == 'u')) ||
                    (prev == 'h' && before == 's' && next == 'n') || (prev == 'n' && next == 'n') ||
                    (prev == 'l' && (before == 'l' || before == 'i') && next == 'n');
      if (!merged) {
        ++count;
      }
    } else if (a == 'i' && b == 'u') {
      ++count;  // "medium", "radius", "triumph"
    } else if (a == 'u' && b == 'a' && prev != 'q' && prev != 'g') {
      ++count;  // "usual", "actual"
    } else if (a == 'e' && b == 'o') {
      // "video", "theology", "simultaneous"; not "people", "George", "pigeon", "gorgeous",
      // "luncheon", "leopard".
      char next = i + 2 < n ? w[i + 2] : ' ';
      bool merged = prev == 'p' || prev == 'c' || (prev == 'h' && i >= 2 && w[i - 2] == 'c') ||
                    (prev == 'g' && (next == 'n' || next == 'u' ||
                                     (next == 'r' && i + 3 < n && w[i + 3] == 'g'))) ||
                    ((prev == 'l' || prev == 'j') && next == 'p');
      if (!merged) {
        ++count;
      }
    } else if (a == 'e' && b == 'a' && i + 2 == n && n > 3) {
      ++count;  // "idea", "area"
    } else if (a == 'u' && b == 'o' && prev != 'q') {
      ++count;  // "continuous", "fluorescent"
    } else if (a == 'i' && b == 'e' && i + 3 == n && w[i + 2] == 'r' && n > 4) {
      ++count;  // "happier"
    } else if (a == 'i' && b == 'e' && EndsWith(w, "iest") && i + 4 == n && n > 5) {
      ++count;  // "earliest"
    } else if (a == 'i' && b == 'i') {
      ++count;  // "skiing"
    } else if (a == 'y' && vowel[i] && b == 'e' && i + 2 < n && w[i + 2] == 'r') {
      ++count;  // "flyer", "dyer"
    }
  }
  // "-ing" after a vowel: "being", "going", "lying", "continuing" (not "saying": y is a
  // consonant there).
  if (EndsWith(w, "ing") && n > 4 && vowel[n - 4] && w[n - 4] != 'i') {
    ++count;
  }
  // "-ism", "-sm" and "-thm": "realism", "spasm", "rhythm".
  if ((EndsWith(w, "sm") || EndsWith(w, "thm")) && n > 3) {
    ++count;
  }
  // "co-" + vowel: "cooperate", "coordinate", "coexist" (not "cooper", "cooking").
  if ((StartsWith(w, "cooperat") || StartsWith(w, "coord") || StartsWith(w, "coe")) && n > 5) {
    ++count;
  }
  if (StartsWith(w, "re") && n > 5 && (w[2] == 'a' || w[2] == 'i') && !StartsWith(w, "rea") &&
      !StartsWith(w, "rei")) {
    ++count;
  }
  // "re-" before a vowel: "react", "reappear", "rearrange", "reunite", "reinforce".
  for (std::string_view prefix :
       {"reac", "reapp", "reass", "reatt", "rearr", "rearm", "readm", "readj", "reaff", "reauth",
        "reun", "reinv", "reins", "reint", "reinf", "reimb", "reinc", "reind"}) {
    if (StartsWith(w, prefix) && n > prefix.size()) {
      ++count;
      break;
    }
  }
  return std::max(count, 1);
}

}  // namespace

int EnglishSyllablesByRule(std::string_view word) {
  // Clitics first: "church's" (+1 after a sibilant), "shouldn't" and "it'll" (+1 after a
  // consonant), "we've", "they're", "tryin'" (as "trying").
  std::string_view base = word;
  int extra = 0;
  std::string dropped_g;
  auto ends_in_consonant = [](std::string_view s) {
    return !s.empty() && IsConsonantLetter(s.back());
  };
  if (EndsWith(word, "'s")) {
    base = word.substr(0, word.size() - 2);
    extra = EndsInSibilant(base) ? 1 : 0;
  } else if (EndsWith(word, "s'")) {
    base = word.substr(0, word.size() - 1);
  } else if (EndsWith(word, "n't")) {
    base = word.substr(0, word.size() - 3);
    extra = ends_in_consonant(base) ? 1 : 0;
  } else if (EndsWith(word, "'ve") || EndsWith(word, "'ll")) {
    base = word.substr(0, word.size() - 3);
    extra = ends_in_consonant(base) ? 1 : 0;
  } else if (EndsWith(word, "'d")) {
    base = word.substr(0, word.size() - 2);
    extra = ends_in_consonant(base) ? 1 : 0;
  } else if (EndsWith(word, "'re") || EndsWith(word, "'m")) {
    base = word.substr(0, word.size() - (EndsWith(word, "'m") ? 2 : 3));
  } else if (EndsWith(word, "in'") && word.size() > 4) {
    dropped_g = std::string(word.substr(0, word.size() - 1)) + "g";
    base = dropped_g;
  }
  std::string w;
  w.reserve(base.size());
  for (char c : base) {
    if (c >= 'a' && c <= 'z') {
      w.push_back(c);
    }
  }
  if (w.empty()) {
    return 1;
  }
  return VowelRules(w) + extra;
}

namespace {

std::u32string ToCodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  int32_t i = 0;
  auto length = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) {
      out.push_back(static_cast<char32_t>(c));
    }
  }
  return out;
}

bool IsVowelCodePoint(char32_t c, std::string_view lang) {
  static constexpr std::u32string_view kVowels =
      U"aeiouáéíóúàèìòùâêîôûäëïöüæœøåãõāēīōūąęėįųőűěůyýÿ";
  if (c == U'y') {
    // y is a vowel in Dutch/German/French/Nordic words ("Typ"); a consonant in Spanish "ya".
    return lang != "es" && lang != "ga";
  }
  return kVowels.find(c) != std::u32string_view::npos;
}

bool IsStrongVowel(char32_t c) {
  return c == U'a' || c == U'e' || c == U'o' || c == U'á' || c == U'é' || c == U'ó';
}

}  // namespace

int VowelGroupSyllables(std::string_view lower_word, std::string_view lang) {
  std::u32string w = ToCodePoints(lower_word);
  int count = 0;
  bool in_group = false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool v = IsVowelCodePoint(w[i], lang);
    if (v && !in_group) {
      ++count;
    } else if (v && in_group && (lang == "es" || lang == "it" || lang == "pt")) {
      // Hiatus: two strong vowels are two syllables ("poeta", "leer"); an accented weak vowel
      // breaks a diphthong ("día").
      char32_t prev = w[i - 1];
      if ((IsStrongVowel(prev) && IsStrongVowel(w[i])) || w[i] == U'í' || w[i] == U'ú' ||
          prev == U'í' || prev == U'ú') {
        ++count;
      }
    }
    in_group = v;
  }
  if (lang == "fr" && count > 1) {
    // Silent final e and -es ("table", "tables" are one syllable in careful counting: two
    // when pronounced; readability formulas for French count the written e as silent).
    size_t n = w.size();
    if ((n >= 2 && w[n - 1] == U'e' && !IsVowelCodePoint(w[n - 2], lang)) ||
        (n >= 3 && w[n - 1] == U's' && w[n - 2] == U'e' && !IsVowelCodePoint(w[n - 3], lang))) {
      --count;
    }
  }
  return std::max(count, 1);
}

SyllableCounter::SyllableCounter(std::string_view lang, std::shared_ptr<const SyllableTable> table)
    : lang_(PrimaryLanguage(lang)),
      english_(lang_ == "en" || lang_.empty()),
      table_(std::move(table)) {}

namespace {

// Lowercases a word: ASCII directly (exact for ASCII), anything else through ICU with the
// language's rules (Turkish dotted i, Irish "tUasal" needs no special case here).
std::string LowerWord(std::string_view word, const std::string& lang) {
  bool ascii = std::all_of(word.begin(), word.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.toLower(icu::Locale(lang.c_str()));
  std::string out;
  u.toUTF8String(out);
  // Typographic apostrophe to ASCII, as in the table.
  for (size_t pos = out.find("\xE2\x80\x99"); pos != std::string::npos;
       pos = out.find("\xE2\x80\x99", pos)) {
    out.replace(pos, 3, "'");
  }
  return out;
}

bool HasLetterOrDigitOnlyNumber(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

}  // namespace

int SyllableCounter::LookUp(std::string_view w, int depth) const {
  if (!table_) {
    return -1;
  }
  if (int c = table_->Find(w); c >= 0) {
    return c;
  }
  if (depth >= 2 || w.size() < 4) {
    return -1;
  }
  auto stem_count = [&](std::string_view stem) -> int {
    if (stem.size() < 2) {
      return -1;
    }
    return table_->Find(stem);
  };
  auto with_e = [&](std::string_view stem) -> int {
    std::string e(stem);
    e.push_back('e');
    return stem_count(e);
  };
  auto undoubled = [&](std::string_view stem) -> int {  // "running" -> "run"
    if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2]) {
      return stem_count(stem.substr(0, stem.size() - 1));
    }
    return -1;
  };
  auto sibilant = [](std::string_view stem) {
    return EndsWith(stem, "s") || EndsWith(stem, "x") || EndsWith(stem, "z") ||
           EndsWith(stem, "ch") || EndsWith(stem, "sh") || EndsWith(stem, "ce") ||
           EndsWith(stem, "ge") || EndsWith(stem, "se") || EndsWith(stem, "ze");
  };
  if (EndsWith(w, "'s") || EndsWith(w, "s'")) {
    std::string_view stem = w.substr(0, w.size() - 2);
    if (EndsWith(w, "s'")) {
      stem = w.substr(0, w.size() - 1);
      return LookUp(stem, depth + 1);
    }
    int c = LookUp(stem, depth + 1);
    return c < 0 ? -1 : c + (sibilant(stem) ? 1 : 0);
  }
  if (EndsWith(w, "ies") || EndsWith(w, "ied")) {
    std::string y(w.substr(0, w.size() - 3));
    y.push_back('y');
    if (int c = stem_count(y); c > 0) {
      return c;
    }
  }
  // "handle" + "ing" = "handling": the -le syllable becomes the suffix's.
  auto le_stem = [](std::string_view stem) {
    return stem.size() >= 2 && stem.back() == 'l' && IsConsonantLetter(stem[stem.size() - 2]);
  };
  if (EndsWith(w, "ing")) {
    std::string_view stem = w.substr(0, w.size() - 3);
    if (int c = stem_count(stem); c > 0) {
      return c + 1;
    }
    if (int c = with_e(stem); c > 0) {
      return c + (le_stem(stem) ? 0 : 1);
    }
    if (int c = undoubled(stem); c > 0) {
      return c + 1;
    }
  }
  if (EndsWith(w, "ed")) {
    std::string_view stem = w.substr(0, w.size() - 2);
    bool td = EndsWith(stem, "t") || EndsWith(stem, "d");
    if (int c = stem_count(stem); c > 0) {
      return c + (td ? 1 : 0);
    }
    if (int c = stem_count(w.substr(0, w.size() - 1)); c > 0) {  // "used" = "use" + d
      return c + (td ? 1 : 0);
    }
    if (int c = undoubled(stem); c > 0) {
      return c + (td ? 1 : 0);
    }
  }
  if (EndsWith(w, "es")) {
    std::string_view stem = w.substr(0, w.size() - 2);
    if (int c = stem_count(stem); c > 0) {
      return c + (sibilant(stem) ? 1 : 0);
    }
  }
  if (EndsWith(w, "s") && !EndsWith(w, "ss")) {
    std::string_view stem = w.substr(0, w.size() - 1);
    if (int c = stem_count(stem); c > 0) {
      return c + (sibilant(stem) ? 1 : 0);
    }
  }
  if (EndsWith(w, "ily")) {
    std::string y(w.substr(0, w.size() - 3));
    y.push_back('y');
    if (int c = stem_count(y); c > 0) {
      return c + 1;
    }
  }
  for (std::string_view suffix : {"ly", "ness", "ment", "ments", "ful", "less", "er", "ers", "est",
                                  "ship", "hood", "able", "ably"}) {
    if (EndsWith(w, suffix) && w.size() > suffix.size() + 2) {
      std::string_view stem = w.substr(0, w.size() - suffix.size());
      int extra = (suffix == "able" || suffix == "ably") ? 2 : 1;
      bool vowel_suffix = suffix[0] == 'e' || suffix[0] == 'a';
      if (int c = stem_count(stem); c > 0) {
        return c + extra;
      }
      if (int c = with_e(stem); c > 0) {
        return c + extra - (vowel_suffix && le_stem(stem) ? 1 : 0);  // "juggler", "simplest"
      }
      if (int c = undoubled(stem); c > 0) {
        return c + extra;
      }
    }
  }
  // British spellings of American entries: "realise", "colour", "centre".
  for (auto [gb, us] : {std::pair<std::string_view, std::string_view>{"isation", "ization"},
                        {"ise", "ize"},
                        {"ised", "ized"},
                        {"ises", "izes"},
                        {"ising", "izing"},
                        {"yse", "yze"},
                        {"our", "or"},
                        {"ours", "ors"},
                        {"tre", "ter"},
                        {"tres", "ters"}}) {
    if (EndsWith(w, gb) && w.size() > gb.size() + 2) {
      std::string american(w.substr(0, w.size() - gb.size()));
      american.append(us);
      if (int c = table_->Find(american); c > 0) {
        return c;
      }
    }
  }
  // "Mc" + a name the table has: "McBride" = 1 + "bride".
  if (StartsWith(w, "mc") && w.size() > 4) {
    if (int c = table_->Find(w.substr(2)); c > 0) {
      return c + 1;
    }
  }
  for (auto [prefix, extra] : {std::pair<std::string_view, int>{"un", 1},
                               {"re", 1},
                               {"pre", 1},
                               {"non", 1},
                               {"dis", 1},
                               {"mis", 1},
                               {"sub", 1},
                               {"over", 2},
                               {"under", 2},
                               {"out", 1},
                               {"inter", 2},
                               {"counter", 2},
                               {"anti", 2},
                               {"multi", 2},
                               {"self", 1}}) {
    if (StartsWith(w, prefix) && w.size() > prefix.size() + 2) {
      int c = LookUp(w.substr(prefix.size()), depth + 1);
      if (c > 0) {
        return c + extra;
      }
    }
  }
  // A compound of two words the table has ("peacekeeping", "stoneman", "videodisk"), each at
  // least three letters; the split with the longest first word wins.
  if (depth == 0 && w.size() >= 7) {
    static constexpr std::string_view kNotWords[] = {"tion", "sion", "ing",  "ings", "ers", "est",
                                                     "ies",  "ism",  "ist",  "ive",  "ous", "ate",
                                                     "ates", "ated", "able", "ment", "ness"};
    for (size_t split = w.size() - 3; split >= 4; --split) {
      std::string_view right_part = w.substr(split);
      if (std::find(std::begin(kNotWords), std::end(kNotWords), right_part) !=
          std::end(kNotWords)) {
        continue;
      }
      int left = table_->Find(w.substr(0, split));
      int right = left > 0 ? table_->Find(right_part) : -1;
      if (right > 0) {
        return left + right;
      }
    }
  }
  return -1;
}

int SyllableCounter::CountPart(std::string_view lower, bool use_table) const {
  if (!HasLetterOrDigitOnlyNumber(lower)) {
    return 1;
  }
  if (english_) {
    bool ascii = std::all_of(lower.begin(), lower.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (use_table) {
      int c = LookUp(lower, 0);
      if (c > 0) {
        return c;
      }
    }
    if (ascii) {
      return EnglishSyllablesByRule(lower);
    }
    return VowelGroupSyllables(lower, "en");  // "café", "naïve"
  }
  return VowelGroupSyllables(lower, lang_);
}

int SyllableCounter::Count(std::string_view word) const {
  std::string lower = LowerWord(word, lang_);
  if (english_ && table_) {
    // The whole word first: the dictionary has "o'clock", "able-bodied", "a.m.".
    if (int c = table_->Find(lower); c > 0) {
      return c;
    }
  }
  if (lower.find('-') == std::string::npos) {
    return CountPart(lower, true);
  }
  int total = 0;
  size_t start = 0;
  while (start <= lower.size()) {
    size_t dash = lower.find('-', start);
    size_t end = dash == std::string::npos ? lower.size() : dash;
    if (end > start) {
      total += CountPart(std::string_view(lower).substr(start, end - start), true);
    }
    if (dash == std::string::npos) {
      break;
    }
    start = dash + 1;
  }
  return std::max(total, 1);
}

int SyllableCounter::CountByRules(std::string_view word) const {
  return CountPart(LowerWord(word, lang_), false);
}

}  // namespace plainsight::engine::text
