// The plain-language analyser: segmentation, counts, metrics and findings. See analyser.h.
// Sources: long-sentence and long-paragraph thresholds follow GOV.UK and the Irish Plain English
// Style Guide for the Public Service (NALA, 2023: sentences of 15-20 words on average, none over
// 25-35); passive voice, nominalisations, double negatives and acronyms follow the same guides.
#include "engine/text/analyser.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "engine/ascii.h"
#include "engine/language_detect.h"
#include "engine/text/analyser_internal.h"
#include "engine/text/non_words.h"
#include "engine/text/segment.h"
#include "engine/text/segment_abbreviations.h"
#include "engine/text/speller.h"
#include "engine/text/syllables.h"
#include "engine/text/word_table.h"

namespace plainsight::engine::text {

using analyser_internal::CachedWord;
using analyser_internal::EnglishTable;
using analyser_internal::kHaveListFlags;
using analyser_internal::kHaveSpelling;
using analyser_internal::kHaveSyllables;
using analyser_internal::Language;
using analyser_internal::StringSet;

namespace {

// Letter-case profile of a word, through ICU for non-ASCII text.
struct CaseInfo {
  int letters = 0;
  int upper = 0;
  int digits = 0;
  bool first_upper = false;
};

CaseInfo Inspect(std::string_view word) {
  CaseInfo info;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  auto length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  bool first = true;
  while (i < length) {
    UChar32 c;
    if (s[i] < 0x80) {
      c = s[i++];
      bool lower = c >= 'a' && c <= 'z';
      bool up = c >= 'A' && c <= 'Z';
      if (lower || up) {
        ++info.letters;
        info.upper += up ? 1 : 0;
        if (first) {
          info.first_upper = up;
        }
        first = false;
      } else if (c >= '0' && c <= '9') {
        ++info.digits;
      }
      continue;
    }
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      continue;
    }
    if (u_isalpha(c)) {
      ++info.letters;
      bool up = u_isupper(c) || u_istitle(c);
      info.upper += up ? 1 : 0;
      if (first) {
        info.first_upper = up;
      }
      first = false;
    } else if (u_isdigit(c)) {
      ++info.digits;
    }
  }
  return info;
}

// Counts the Han characters of a word, and those among the language's common characters.
void CountHan(const Language& lang, std::string_view w, TextCounts& totals) {
  const auto n = static_cast<int32_t>(w.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(w.data(), i, n, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c < 0 || uscript_getScript(c, &status) != USCRIPT_HAN) {
      continue;
    }
    ++totals.han;
    if (std::binary_search(lang.common_characters.begin(), lang.common_characters.end(), c)) {
      ++totals.common_han;
    }
  }
}

}  // namespace

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Does `word` look like a past participle after "be"?
bool IsParticiple(const Language& lang, const std::string& lower) {
  if (lang.participles.count(lower) > 0) {
    return true;
  }
  return lower.size() >= 5 && EndsWith(lower, "ed") && lang.not_participles.count(lower) == 0;
}

// Is `lower` negative by its prefix ("unclear", "impossible", "neamhchoitianta")?
bool IsNegativeWord(const Language& lang, const std::string& lower) {
  if (lang.negative_words.count(lower) > 0) {
    return true;
  }
  if (lang.code == "en") {
    static const std::vector<std::string_view> kNotNegative = {
        "under", "uni",  "unti", "unle", "unto", "unde",   "uncle",
        "unit",  "unio", "uniq", "unif", "univ", "unanim", "uno"};
    if (lower.size() >= 6 && lower.rfind("un", 0) == 0) {
      for (std::string_view p : kNotNegative) {
        if (lower.rfind(p, 0) == 0) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
  if (lang.code == "ga") {
    return lower.rfind("neamh", 0) == 0 && lower.size() > 6;
  }
  return false;
}

// Does `w`, lowercased in ASCII, end in -es, -ed or -ing? (Inflected three-syllable words are
// not "complex" for Gunning fog.)
bool HasInflectedEnding(std::string_view w) {
  auto ends = [&](std::string_view suffix) {
    if (w.size() < suffix.size()) {
      return false;
    }
    std::string_view tail = w.substr(w.size() - suffix.size());
    for (size_t i = 0; i < suffix.size(); ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
      if (c != suffix[i]) {
        return false;
      }
    }
    return true;
  };
  return ends("es") || ends("ed") || ends("ing");
}

// Flags for the passive-voice and double-negative checks, from the word as matched (lowercase,
// typographic apostrophe as ASCII).
uint16_t ListFlags(const Language& lang, std::string_view w) {
  static const std::set<std::string, std::less<>> kBetweenWords = {
      "not",      "also",      "always",  "never",   "often",     "usually", "still", "being",
      "been",     "then",      "already", "now",     "only",      "just",    "all",   "generally",
      "normally", "sometimes", "rarely",  "further", "currently", "n't"};
  std::string lower = LowerForMatch(w);
  uint16_t flags = 0;
  if (lang.be_forms.count(lower) > 0) {
    flags |= kBeForm;
  }
  if (kBetweenWords.count(lower) > 0 || EndsWith(lower, "ly")) {
    flags |= kBetween;
  }
  if (IsParticiple(lang, lower)) {
    flags |= kParticiple;
  }
  if (lower == "by") {
    flags |= kBy;
  }
  bool negator_word = lang.negators.count(lower) > 0;
  if (negator_word || EndsWith(lower, "n't")) {
    flags |= kNegator;
  }
  if (lower == "without" || lower == "gan") {
    flags |= kNotOpening;
  }
  if (negator_word && lower != "no" && lower != "nor" && lower != "ná") {
    flags |= kSecondNegator;
  }
  if (IsNegativeWord(lang, lower)) {
    flags |= kNegativeWord;
  }
  if (lower == "a" || lower == "i") {
    flags |= kCapsShortWord;
  }
  return flags;
}

// One token's facts, copied out of the word cache (or computed, for words too long to cache).
struct WordInfo {
  int letters = 0;
  int upper = 0;
  int digits = 0;
  int syllables = 1;
  uint16_t flags = 0;  // TokenFlag
};

// Letter case, and whether the word can be a word at all (kNotAWord, non_words.h; asked of every
// token as if it were a word: the analyser also leaves out addresses by their token kind).
void FillCase(std::string_view lang, std::string_view w, int& letters, int& upper, int& digits,
              uint16_t& flags) {
  CaseInfo info = Inspect(w);
  letters = info.letters;
  upper = info.upper;
  digits = info.digits;
  flags = static_cast<uint16_t>((info.first_upper ? kFirstUpper : 0) |
                                (HasInflectedEnding(w) ? kInflectedEnding : 0));
  // Short words are words: only the longer ones are looked at closely.
  if (letters >= 5 && ClassifyToken(w, TokenKind::kWord, lang) != NonWordKind::kWord) {
    flags |= kNotAWord;
  }
}

// Words with a digit ("2026", "A1", "12-14") are not cached: a site has endless distinct ones
// (dates, phone and reference numbers, "Page 4821"), which would fill each thread's table (up to
// 8 MiB a language) with entries seldom met again, and its memory would grow with the pages
// audited (issue 17). Their facts are worked out each time, as for a word too long to cache.
bool Cacheable(std::string_view w) {
  return std::none_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The cache entry for `w` in `lang`, with its letter case filled in; nullptr when the word is not
// cached (too long, with a digit, or the cache is full).
CachedWord* Entry(Language& lang, std::string_view w, uint64_t hash) {
  if (!Cacheable(w)) {
    return nullptr;
  }
  bool inserted = false;
  CachedWord* c = lang.words.FindOrInsert(w, hash, CachedWord{}, &inserted);
  if (c != nullptr && inserted) {
    int letters;
    int upper;
    int digits;
    FillCase(lang.code, w, letters, upper, digits, c->flags);
    c->letters = static_cast<uint8_t>(letters);
    c->upper = static_cast<uint8_t>(upper);
    c->digits = static_cast<uint8_t>(digits);
  }
  return c;
}

// Letter case, and syllables and list flags when asked (syllables are 1 when not asked).
// `hash` is from lang.words.Prefetch(w).
WordInfo WordFacts(Language& lang, std::string_view w, uint64_t hash, bool syllables,
                   bool list_flags) {
  WordInfo out;
  CachedWord* c = Entry(lang, w, hash);
  if (c == nullptr) {
    FillCase(lang.code, w, out.letters, out.upper, out.digits, out.flags);
    if (syllables && (out.flags & kNotAWord) == 0) {  // left out of the counts anyway
      out.syllables = lang.syllables->Count(w);
    }
    if (list_flags) {
      out.flags |= ListFlags(lang, w);
    }
    return out;
  }
  if (syllables && (c->have & kHaveSyllables) == 0) {
    c->syllables = static_cast<uint8_t>(std::min(lang.syllables->Count(w), 255));
    c->have |= kHaveSyllables;
  }
  if (list_flags && (c->have & kHaveListFlags) == 0) {
    c->flags |= ListFlags(lang, w);
    c->have |= kHaveListFlags;
  }
  out.letters = c->letters;
  out.upper = c->upper;
  out.digits = c->digits;
  out.syllables = syllables ? c->syllables : 1;
  out.flags = c->flags;
  return out;
}

// The word as Hunspell sees it: typographic apostrophes as ASCII.
std::string SpellingForm(std::string_view w) {
  std::string word(w);
  for (size_t pos = word.find("\xE2\x80\x99"); pos != std::string::npos;
       pos = word.find("\xE2\x80\x99", pos)) {
    word.replace(pos, 3, "'");
  }
  return word;
}

// The share of a text's bytes (CLD2's percent) from which its second language counts for
// spelling: less is quotations and names, more is a bilingual text.
constexpr int kSecondLanguageMinPercent = 15;

// Irish public bodies write in Irish and English, often side by side: a sentence of at least
// kPartnerMinWords words that one's dictionary mostly does not know and the other's mostly does
// is taken to be in the other (its words are not misspellings).
constexpr size_t kPartnerMinWords = 3;

const char* PartnerLanguage(std::string_view code) {
  return code == "en" ? "ga" : code == "ga" ? "en" : nullptr;
}

// Irish writes its prefixes joined to the (lenited) word: "ardchaighdeán" is "ard" +
// "chaighdeán", "leasmhara" "leas" + "mhara", "neamhspleách" "neamh" + "spleách". The Irish
// dictionary lists the common compounds only; a word that is a prefix and a known word is one.
constexpr std::string_view kIrishPrefixes[] = {
    "ard",    "ath",   "comh", "dea", "droch", "fíor", "frith", "iar",  "il", "leas", "mí", "neamh",
    "príomh", "réamh", "sain", "sár", "sean",  "so",   "tras",  "uath", "an", "do",   "fo", "in"};

// `lower`: the word through LowerForMatch.
bool IrishPrefixCompound(Speller& speller, const std::string& lower) {
  for (std::string_view prefix : kIrishPrefixes) {
    // Two-letter prefixes need a longer rest: "an" + a short word is too easy a match.
    const size_t min_rest = prefix.size() <= 2 ? 4 : 3;
    if (lower.size() >= prefix.size() + min_rest && lower.compare(0, prefix.size(), prefix) == 0 &&
        speller.Check(lower.substr(prefix.size())) == 1) {
      return true;
    }
  }
  return false;
}

// Is any part (of two bytes or more) of the word not in the dictionary? Hyphenated compounds
// are checked part by part. Irish prefixes count as known (above).
bool CheckSpelling(Speller& speller, std::string_view w, bool hyphenated, bool cached,
                   std::string_view lang) {
  std::string word = SpellingForm(w);
  std::vector<std::string_view> parts;
  if (hyphenated) {
    size_t s = 0;
    while (s <= word.size()) {
      size_t d = word.find('-', s);
      parts.push_back(
          std::string_view(word).substr(s, d == std::string::npos ? std::string::npos : d - s));
      if (d == std::string::npos) {
        break;
      }
      s = d + 1;
    }
  } else {
    parts.push_back(word);
  }
  bool bad = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    if (part.size() < 2 || speller.Check(std::string(part), !cached) != 0) {
      continue;
    }
    if (lang == "ga") {
      // A prefix written with a hyphen ("droch-áit", "an-mhaith"), or joined to its word.
      const std::string lower = LowerForMatch(part);
      const bool hyphened_prefix =
          i + 1 < parts.size() && std::find(std::begin(kIrishPrefixes), std::end(kIrishPrefixes),
                                            lower) != std::end(kIrishPrefixes);
      if (hyphened_prefix || IrishPrefixCompound(speller, lower)) {
        continue;
      }
    }
    bad = true;
  }
  return bad;
}

// The spelling verdict for a word, cached per language. The cache is keyed by the bytes alone,
// so it is used only when the token's hyphenation agrees with its bytes (always, with ICU's
// word rules: only the hyphen join puts a '-' inside a word).
bool Misspelt(Language& spell_lang, std::string_view w, bool hyphenated) {
  if (hyphenated != (w.find('-') != std::string_view::npos)) {
    return CheckSpelling(*spell_lang.speller, w, hyphenated, false, spell_lang.code);
  }
  CachedWord* c = Entry(spell_lang, w, HashWord(w));
  if (c != nullptr && (c->have & kHaveSpelling) != 0) {
    return c->misspelt;
  }
  // Not cached here: cached by the speller, unless it is a word with a digit (see Cacheable).
  bool bad = CheckSpelling(*spell_lang.speller, w, hyphenated, c != nullptr || !Cacheable(w),
                           spell_lang.code);
  if (c != nullptr) {
    c->misspelt = bad;
    c->have |= kHaveSpelling;
  }
  return bad;
}

}  // namespace

namespace {

// The kind of shortened form `w` is when a full stop follows it in its block (`next`), as the
// segmenter knows them ("etc.", "approx.", "no.", "Cllr.", "uimh."); kNone otherwise. A known form
// is not a word of the dictionary, so not a misspelling.
AbbreviationKind AbbreviationBefore(std::string_view lang, std::string_view w, char next) {
  if (next != '.') {
    return AbbreviationKind::kNone;
  }
  const std::string lower = AsciiLower(w);
  return lang == "en"   ? EnglishAbbreviationKind(lower)
         : lang == "ga" ? IrishAbbreviationKind(lower)
                        : AbbreviationKind::kNone;
}

// A shortened form readers may not know, by its kind (above): a Latin abbreviation ("e.g.",
// "i.e.", "cf.", "viz.", "approx.") or "etc.". Titles, dates and units ("Dr.", "Jan.", "mins.") are
// left alone: they are read without thought.
bool IsAdviceAbbreviation(AbbreviationKind kind, std::string_view w, char next) {
  return kind == AbbreviationKind::kLatin || (next == '.' && EqualsIgnoreCase(w, "etc"));
}

}  // namespace

Result<std::shared_ptr<const TextFacts>> Analyser::Facts(ExtractedText text_in,
                                                         const AnalysisOptions& options) {
  auto facts = std::make_shared<TextFacts>();
  TextFacts& out = *facts;
  out.text = std::move(text_in);
  const ExtractedText& text = out.text;
  Impl& impl = *impl_;

  // Language: --lang, else declared, else detected, else English.
  out.declared_lang = !options.lang.empty() ? options.lang : text.lang;
  std::string declared = PrimaryLanguage(out.declared_lang);
  std::string detected;
  // The languages with a fair share of the text, when it has two (a bilingual page or
  // paragraph): a word the other one's dictionary knows is not a misspelling.
  std::vector<std::string> bilingual;
  bool detect = options.detect_language && !options.metrics_only;
  if (detect || declared.empty()) {
    std::string sample;
    for (const TextBlock& b : text.blocks) {
      if (sample.size() > 64 * 1024) {
        break;
      }
      sample += b.text;
      sample.push_back('\n');
    }
    DetectedLanguage found = DetectLanguage(sample, sample.size());
    if (found.reliable && !found.language.empty()) {
      detected = found.language;
      if (detected == "iw") {
        detected = "he";
      } else if (detected == "nb" || detected == "nn") {
        detected = "no";
      }
      detected = PrimaryLanguage(detected);
    }
    if (found.second_percent >= kSecondLanguageMinPercent && !found.language.empty()) {
      bilingual = {PrimaryLanguage(found.language), PrimaryLanguage(found.second_language)};
    }
  }
  out.detected_lang = detected;
  std::string doc_lang = !declared.empty() ? declared : (!detected.empty() ? detected : "en");
  out.lang = doc_lang;
  out.spelling = options.spelling && !options.metrics_only;

  TextCounts totals;
  std::vector<PhraseMatcher::Match> matches;
  std::vector<uint64_t> hashes;
  std::vector<TokenFacts> scratch_tokens;  // metrics only: one sentence's tokens
  // Misspellings, once per word and language; suggestions are looked up after the text.
  std::map<std::pair<std::string, std::string>, uint32_t> misspelling_index;
  std::vector<Speller*> misspelling_spellers;  // per out.misspellings entry
  out.blocks.resize(text.blocks.size());

  for (size_t block_index = 0; block_index < text.blocks.size(); ++block_index) {
    const TextBlock& block = text.blocks[block_index];
    BlockFacts& block_facts = out.blocks[block_index];
    // Blocks inherit the document's language; --lang replaces that inherited value only.
    std::string block_lang = PrimaryLanguage(block.lang);
    if (block_lang.empty() || (!options.lang.empty() && block.lang == text.lang)) {
      block_lang = doc_lang;
    }
    auto lang_or = impl.Get(block_lang, out.spelling);
    if (!lang_or) {
      return lang_or.error();
    }
    Language& lang = **lang_or;
    if (block_lang == "en" && !out.word_list && lang.syllables) {
      out.word_list = lang.syllables->table();
    }
    block_facts.lang = block_lang;
    block_facts.first_sentence = static_cast<uint32_t>(out.sentences.size());
    uint32_t block_sentences = 0;
    bool count_syllables = CountsSyllables(block_lang);
    uint64_t block_words = 0;
    uint64_t block_checked = 0;  // words looked up in the block language's dictionary
    uint64_t block_unknown = 0;  // of which not found
    // The language a word is spell-checked in: the block's own (inline runs aside).
    const std::string uniform_word_lang =
        block.lang_runs.empty() ? PrimaryLanguage(block.lang) : std::string();
    ++totals.paragraphs;

    lang.segmenter->Segment(
        block.text, options.max_sentence_words,
        [&](const SentenceSpan& span, const std::vector<Token>& tokens) {
          ++totals.sentences;
          ++block_sentences;
          const size_t n = tokens.size();
          // Metrics only: the counts are all that is kept, so a sentence's tokens go to a
          // scratch list instead of the facts (which would grow by every token of the text).
          std::vector<TokenFacts>& token_out = options.metrics_only ? scratch_tokens : out.tokens;
          if (options.metrics_only) {
            scratch_tokens.clear();
          }
          uint64_t counted = 0;  // tokens that count as words
          SentenceFacts scratch_sentence;
          SentenceFacts& sentence =
              options.metrics_only ? scratch_sentence : out.sentences.emplace_back();
          sentence.block = static_cast<uint32_t>(block_index);
          sentence.start = span.start;
          sentence.end = span.end;
          sentence.cut = span.cut;
          sentence.first_token = static_cast<uint32_t>(token_out.size());
          sentence.tokens = static_cast<uint32_t>(n);
          hashes.resize(n);
          const bool list_flags = !options.metrics_only;
          uint64_t complex = 0;
          // Start every word's cache miss first, so that they overlap.
          for (size_t i = 0; i < n; ++i) {
            const Token& t = tokens[i];
            hashes[i] =
                lang.words.Prefetch(std::string_view(block.text.data() + t.start, t.end - t.start));
          }
          for (size_t i = 0; i < n; ++i) {
            const Token& t = tokens[i];
            std::string_view w(block.text.data() + t.start, t.end - t.start);
            WordInfo f = WordFacts(lang, w, hashes[i],
                                   t.kind == TokenKind::kWord && count_syllables, list_flags);
            TokenFacts& tf = token_out.emplace_back();
            tf.start = t.start;
            tf.end = t.end;
            tf.kind = t.kind;
            tf.hyphenated = t.hyphenated;
            tf.letters = static_cast<uint8_t>(std::min(f.letters, 255));
            tf.upper = static_cast<uint8_t>(std::min(f.upper, 255));
            tf.digits = static_cast<uint8_t>(std::min(f.digits, 255));
            tf.syllables = static_cast<uint8_t>(std::min(f.syllables, 255));
            tf.flags = f.flags;
            if (t.kind == TokenKind::kUrl || t.kind == TokenKind::kEmail) {
              tf.flags |= kNotAWord;
            } else if (t.kind != TokenKind::kWord) {
              tf.flags &= static_cast<uint16_t>(~kNotAWord);
            }
            if ((tf.flags & kNotAWord) != 0) {
              ++totals.left_out;  // in no count: not a word of the language (non_words.h)
              continue;
            }
            ++counted;
            if (!lang.common_characters.empty()) {
              CountHan(lang, w, totals);
            }
            const int syl = f.syllables;
            totals.letters += static_cast<uint64_t>(f.letters);
            totals.characters += static_cast<uint64_t>(f.letters + f.digits);
            totals.syllables += static_cast<uint64_t>(syl);
            if (f.letters > 6) {
              ++totals.long_words;
            }
            if (syl == 1) {
              ++totals.monosyllables;
            }
            if (syl >= 3) {
              ++totals.polysyllables;
              bool proper = (f.flags & kFirstUpper) != 0 && i > 0;
              bool inflected = syl == 3 && (f.flags & kInflectedEnding) != 0;
              if (!proper && !t.hyphenated && !inflected) {
                ++complex;
              }
            }
          }
          totals.words += counted;
          totals.complex_words += complex;
          block_words += counted;
          if (counted == 0) {
            --totals.sentences;  // only addresses and non-words: no sentence for the formulas
          }
          std::string_view sentence_text(block.text.data() + span.start, span.end - span.start);

          if (options.detail && out.detail.size() < options.max_detail_sentences) {
            SentenceDetail d;
            std::tie(d.start, d.end) = block.SourceSpan(span.start, span.end, text.source.size());
            // Plain text: the sentence exactly as in the source (the block has line breaks
            // turned into spaces for ICU).
            d.text = text.format == SourceFormat::kPlainText
                         ? text.source.substr(d.start, d.end - d.start)
                         : std::string(sentence_text);
            d.words.reserve(n);
            TokenFacts* first = token_out.data() + sentence.first_token;
            for (size_t i = 0; i < n; ++i) {
              d.words.push_back(
                  {block.text.substr(tokens[i].start, tokens[i].end - tokens[i].start),
                   first[i].syllables});
            }
            out.detail.push_back(std::move(d));
          }
          if (options.metrics_only) {
            return;
          }
          TokenFacts* first = out.tokens.data() + sentence.first_token;
          // Misspellings wait for the end of the sentence: a sentence in the partner language
          // (Irish in an English text, English in an Irish one) is not a row of misspellings.
          struct Pending {
            size_t token;
            std::string word;
            Language* spell_lang;
            bool partner_knows;
          };
          std::vector<Pending> pending;
          size_t sentence_checked = 0;
          for (size_t i = 0; i < n; ++i) {
            const Token& t = tokens[i];
            TokenFacts& c = first[i];
            if (t.kind != TokenKind::kWord || (c.flags & kNotAWord) != 0) {
              continue;
            }
            std::string_view w(block.text.data() + t.start, t.end - t.start);
            if (c.letters >= 2 && c.upper == c.letters) {
              if (lang.known_acronyms.count(std::string(w)) > 0) {
                c.flags |= kKnownAcronym;
              }
              continue;  // capitals are not spell-checked
            }
            const char next = t.end < block.text.size() ? block.text[t.end] : '\0';
            const AbbreviationKind abbreviation = AbbreviationBefore(lang.code, w, next);
            if (IsAdviceAbbreviation(abbreviation, w, next)) {
              c.flags |= kAbbreviation;
            }
            if (!out.spelling || c.digits > 0 || c.letters < 2 ||
                w.find('.') != std::string_view::npos || abbreviation != AbbreviationKind::kNone) {
              continue;
            }
            // Identifiers, paths and camelCase names are not words of the language: Hunspell
            // has no verdict worth giving on them, and they cost the most to suggest for.
            if (IsIdentifierLike(w, lang.code)) {
              ++out.spelling_stats.not_candidates;
              continue;
            }
            if (!impl.accepted_words.empty() && (impl.accepted_words.count(std::string(w)) > 0 ||
                                                 impl.accepted_words.count(LowerForMatch(w)) > 0)) {
              continue;  // the body's own words (--words)
            }
            // Interpretation: a capitalised word inside a sentence is taken for a name and not
            // spell-checked; names are the main source of false alarms.
            if ((c.flags & kFirstUpper) != 0 && i > 0) {
              continue;
            }
            std::string word_lang = block.lang_runs.empty()
                                        ? uniform_word_lang
                                        : PrimaryLanguage(block.LangAt(t.start));
            Language* spell_lang = &lang;
            if (!word_lang.empty() && word_lang != lang.code) {
              auto other = impl.Get(word_lang, true);
              if (!other) {
                continue;
              }
              spell_lang = *other;
            }
            if (!spell_lang->speller) {
              continue;
            }
            bool bad = Misspelt(*spell_lang, w, t.hyphenated);
            for (const std::string& other_code : bilingual) {
              if (!bad || other_code == spell_lang->code) {
                continue;
              }
              auto other = impl.Get(other_code, true);
              if (other && (*other)->speller && !Misspelt(**other, w, t.hyphenated)) {
                bad = false;  // a word of the text's other language
              }
            }
            if (spell_lang == &lang) {
              ++block_checked;
              block_unknown += bad ? 1 : 0;
            }
            ++sentence_checked;
            if (!bad) {
              c.spelling = Spelling::kKnown;
              continue;
            }
            pending.push_back({i, SpellingForm(w), spell_lang, false});
          }
          // Most of the sentence unknown, and most of that known to the partner language: the
          // sentence is in that language. The partner's dictionary is asked (and loaded) only
          // for such a sentence, not for a few typos.
          bool in_partner = false;
          // From English, only a sentence with a fada in one of its unknown words may be
          // Irish: technical English (option names, commands) has many unknown words too, and
          // asking the Irish dictionary about each cost a fifth of the analysis of a manual.
          auto fada = [](std::string_view s) {
            for (std::string_view v :
                 {"\xC3\xA1", "\xC3\xA9", "\xC3\xAD", "\xC3\xB3", "\xC3\xBA", "\xC3\x81",
                  "\xC3\x89", "\xC3\x8D", "\xC3\x93", "\xC3\x9A"}) {
              if (s.find(v) != std::string_view::npos) {
                return true;
              }
            }
            return false;
          };
          const bool may_be_irish = std::any_of(
              pending.begin(), pending.end(),
              [&](const Pending& p) { return p.spell_lang->code != "en" || fada(p.word); });
          if (may_be_irish && pending.size() >= kPartnerMinWords &&
              pending.size() * 2 >= sentence_checked) {
            size_t partner_known = 0;
            for (Pending& p : pending) {
              const char* partner = PartnerLanguage(p.spell_lang->code);
              auto other =
                  partner != nullptr ? impl.Get(partner, true) : Result<Language*>(Error{});
              const Token& t = tokens[p.token];
              std::string_view w(block.text.data() + t.start, t.end - t.start);
              p.partner_knows = other && (*other)->speller && !Misspelt(**other, w, t.hyphenated);
              partner_known += p.partner_knows ? 1 : 0;
            }
            in_partner = partner_known * 10 >= pending.size() * 7;
          }
          for (Pending& p : pending) {
            TokenFacts& c = first[p.token];
            if (in_partner && p.partner_knows) {
              c.spelling = Spelling::kKnown;
              continue;
            }
            c.spelling = Spelling::kMisspelt;
            auto [it, inserted] =
                misspelling_index.try_emplace(std::make_pair(p.word, p.spell_lang->code),
                                              static_cast<uint32_t>(out.misspellings.size()));
            if (inserted) {
              Misspelling& m = out.misspellings.emplace_back();
              m.word = std::move(p.word);
              m.lang = p.spell_lang->code;
              misspelling_spellers.push_back(p.spell_lang->speller.get());
            }
            c.misspelling = it->second;
          }
        });
    block_facts.sentences = block_sentences;
    block_facts.words = block_words;

    if (options.metrics_only) {
      continue;
    }

    // Phrase lists over the whole block.
    matches.clear();
    lang.phrases->FindAll(block.text, matches);
    for (const PhraseMatcher::Match& m : matches) {
      PhraseFacts& p = out.phrases.emplace_back();
      p.block = static_cast<uint32_t>(block_index);
      p.start = m.start;
      p.end = m.end;
      p.kind = m.list->kind;
      p.list_severity = m.list->severity;
      p.suggestion = m.entry->suggestion;
    }

    // CLD2 on the block alone (for text.language-mismatch, WCAG 3.1.2). It runs only when the
    // block's own dictionary does not know many of its words (or there is no dictionary): a
    // block that spell-checks as English is English, and this keeps detection off the hot path.
    bool suspicious =
        !lang.speller || !out.spelling || block_checked < 10 || block_unknown * 4 > block_checked;
    if (detect && suspicious && block_words >= options.block_detection_min_words &&
        text.blocks.size() > 1) {
      DetectedLanguage found = DetectLanguage(block.text, 16384);
      if (found.reliable && !found.language.empty()) {
        block_facts.detected_lang = found.language;
      }
    }
  }

  for (const TextBlock& block : text.blocks) {
    if (block.lang.empty()) {
      continue;
    }
    std::string code = PrimaryLanguage(block.lang);
    if (!options.metrics_only && options.spelling) {
      auto l = impl.Get(code, true);
      if (l && (*l)->speller_base.empty()) {
        std::string note =
            "no Hunspell dictionary installed for " + code + ": spelling not checked";
        if (std::find(out.notes.begin(), out.notes.end(), note) == out.notes.end()) {
          out.notes.push_back(note);
        }
      }
    }
  }

  SuggestForMisspellings(out, misspelling_spellers, options.max_spelling_suggestions,
                         options.suggestion_budget_ms);
  out.metrics = ComputeMetrics(totals, doc_lang);
  return std::shared_ptr<const TextFacts>(std::move(facts));
}

namespace {

Severity ParseCompatSeverity(std::string_view name) {
  return name == "error"     ? Severity::kError
         : name == "warning" ? Severity::kWarning
                             : Severity::kInfo;
}

}  // namespace

Result<TextAnalysis> Analyser::Analyse(const ExtractedText& text,
                                       std::span<const Rule* const> rules,
                                       const AnalysisOptions& options) {
  return Analyse(ExtractedText(text), rules, options);
}

Result<TextAnalysis> Analyser::Analyse(ExtractedText&& text, std::span<const Rule* const> rules,
                                       const AnalysisOptions& options) {
  auto facts = Facts(std::move(text), options);
  if (!facts) {
    return facts.error();
  }
  const TextFacts& f = **facts;
  TextAnalysis out;
  out.lang = f.lang;
  out.declared_lang = f.declared_lang;
  out.detected_lang = f.detected_lang;
  out.metrics = f.metrics;
  out.notes = f.notes;
  out.sentences = f.detail;
  if (options.metrics_only) {
    return out;
  }
  out.rules = RunTextRules(f, rules, options.rule_options);
  for (const RuleResult& r : out.rules) {
    for (const Finding& x : r.findings) {
      if (x.compat_kind().empty() || x.outcome == Outcome::kPassed) {
        continue;
      }
      TextFinding t;
      t.kind = std::string(x.compat_kind());
      t.rule = std::string(r.rule->id);
      t.severity = ParseCompatSeverity(x.compat_severity());
      t.start = x.span.start;
      t.end = x.span.end;
      t.line = x.position.line;
      t.column = x.position.column;
      t.text = x.snippet;
      t.message = x.message;
      t.suggestion = x.suggestion();
      t.block = x.text_block();
      t.block_start = x.block_span().start;
      t.block_end = x.block_span().end;
      out.findings.push_back(std::move(t));
    }
  }
  std::stable_sort(out.findings.begin(), out.findings.end(),
                   [](const TextFinding& a, const TextFinding& b) {
                     return a.start != b.start ? a.start < b.start : a.end > b.end;
                   });
  if (out.findings.size() > options.max_findings) {
    out.findings_dropped = out.findings.size() - options.max_findings;
    out.findings.resize(options.max_findings);
  }
  return out;
}

Result<TextAnalysis> Analyser::AnalyseDocument(const Document& document,
                                               std::span<const Rule* const> rules,
                                               const AnalysisOptions& options) {
  HtmlExtractOptions extract;
  extract.main_content_only = true;
  return Analyse(ExtractFromDocument(document, extract), rules, options);
}

}  // namespace plainsight::engine::text
