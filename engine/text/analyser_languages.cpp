// Loading a language's resources for the analyser (segmenter, phrase lists, word sets, the
// Hunspell dictionary on a thread of its own, the shared English syllable table) and
// Analyser::Create. The analysis itself is in analyser.cpp.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <system_error>

#include <unicode/utf8.h>

#include "engine/text/analyser_internal.h"
#include "plainsight/source_dir.h"

namespace plainsight::engine::text {

using analyser_internal::EnglishTable;
using analyser_internal::Language;
using analyser_internal::StringSet;

std::string DefaultDataDir() {
  if (const char* env = std::getenv("PLAINSIGHT_TEXT_DATA"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef PLAINSIGHT_SOURCE_DIR
  return std::string(PLAINSIGHT_SOURCE_DIR) + "/corpora/text";
#else
  return "corpora/text";
#endif
}

namespace {

// Reads a word-per-line file (# comments) into a set; a missing file gives an empty set.
StringSet LoadWordSet(const std::string& path) {
  StringSet set;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.pop_back();
    }
    if (line.empty() || line[0] == '#') {
      continue;
    }
    set.insert(line.substr(0, line.find('\t')));
  }
  return set;
}

// Reads the characters of a file's lines (# comments) into a sorted set of code points; a
// missing file gives an empty set.
std::vector<UChar32> LoadCharacterSet(const std::string& path) {
  std::vector<UChar32> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    const auto n = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c = 0;
      U8_NEXT(line.data(), i, n, c);
      if (c > 0x20) {
        out.push_back(c);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string HunspellFileFor(const std::string& dir, const std::string& lang) {
  namespace fs = std::filesystem;
  static const std::map<std::string, std::string> kPreferred = {
      {"en", "en_GB"}, {"ga", "ga_IE"}, {"de", "de_DE"}, {"fr", "fr_FR"},
      {"es", "es_ES"}, {"it", "it_IT"}, {"nl", "nl_NL"}, {"pt", "pt_PT"}};
  if (auto it = kPreferred.find(lang); it != kPreferred.end()) {
    if (fs::exists(dir + "/" + it->second + ".dic") &&
        fs::exists(dir + "/" + it->second + ".aff")) {
      return dir + "/" + it->second;
    }
  }
  std::error_code ec;
  std::vector<std::string> candidates;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 4 && name.substr(name.size() - 4) == ".dic" &&
        (name.rfind(lang + "_", 0) == 0 || name == lang + ".dic")) {
      candidates.push_back(dir + "/" + name.substr(0, name.size() - 4));
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const std::string& c : candidates) {
    if (fs::exists(c + ".aff")) {
      return c;
    }
  }
  return {};
}

}  // namespace

Result<Language*> Analyser::Impl::Get(const std::string& code_in, bool spelling) {
  std::string code = code_in.empty() ? "en" : code_in;
  if (auto it = languages.find(code); it != languages.end()) {
    Language* found = it->second.get();
    if (spelling && !found->speller.started() && !found->speller_base.empty()) {
      found->speller.Start(found->speller_base);
    }
    return found;
  }
  auto lang = std::make_unique<Language>();
  lang->code = code;
  // The dictionary first: it loads (the longest part of a language's start-up) while the rest
  // is built, the ICU segmenter included.
  lang->speller_base = HunspellFileFor(config.hunspell_dir, code);
  if (spelling && !lang->speller_base.empty()) {
    lang->speller.Start(lang->speller_base);
  }
  auto segmenter = Segmenter::Create(code);
  if (!segmenter) {
    return segmenter.error();
  }
  lang->segmenter = std::move(*segmenter);
  // Phrase lists: every .tsv in <data>/<lang>/lists, sorted, then the user's lists.
  std::vector<PhraseList> lists;
  namespace fs = std::filesystem;
  std::string lists_dir = config.data_dir + "/" + code + "/lists";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(lists_dir, ec)) {
    if (entry.path().extension() == ".tsv") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    auto list = LoadPhraseList(file);
    if (!list) {
      return list.error();
    }
    lists.push_back(std::move(*list));
  }
  for (const PhraseList& extra : extra_lists) {
    lists.push_back(extra);
  }
  auto matcher = PhraseMatcher::Build(std::move(lists));
  if (!matcher) {
    return matcher.error();
  }
  lang->phrases = std::move(*matcher);
  std::string dir = config.data_dir + "/" + code;
  lang->known_acronyms = LoadWordSet(dir + "/known-acronyms.txt");
  lang->participles = LoadWordSet(dir + "/irregular-participles.txt");
  lang->not_participles = LoadWordSet(dir + "/adjectival-participles.txt");
  if (code == "en") {
    lang->be_forms = {"am",   "is",    "are",   "was",    "were",   "be",
                      "been", "being", "isn't", "aren't", "wasn't", "weren't"};
    lang->negators = {"not",      "never",   "no",      "cannot", "nobody", "nothing",  "none",
                      "neither",  "nor",     "without", "isn't",  "aren't", "wasn't",   "weren't",
                      "don't",    "doesn't", "didn't",  "can't",  "won't",  "wouldn't", "shouldn't",
                      "couldn't", "hasn't",  "haven't", "hadn't", "mustn't"};
  } else if (code == "ga") {
    lang->negators = {"ní", "níl", "nach", "níor", "char", "cha", "gan", "ná", "nár"};
  }
  lang->negative_words = LoadWordSet(dir + "/negative-words.txt");
  if (code == "zh") {
    lang->common_characters = LoadCharacterSet(dir + "/common-characters.txt");
  }
  // Last: the English table has been loading on another thread meanwhile.
  std::shared_ptr<const SyllableTable> table;
  if (code == "en") {
    const EnglishTable& loaded = english_table.get();
    if (!loaded) {
      return loaded.error();
    }
    table = *loaded;
  }
  lang->syllables = std::make_unique<SyllableCounter>(code, std::move(table));
  Language* raw = lang.get();
  languages.emplace(code, std::move(lang));
  return raw;
}

namespace {

// The English syllable table of `data_dir` (127,000 words), loaded on a thread of its own so that
// it overlaps with the rest of start-up on the caller's thread (CLD2, the first language's
// segmenter, phrase lists and Hunspell dictionary), and once per process and data directory
// (`serve` creates an analyser per thread; the table is read-only). A failed load is retried by
// the next analyser created.
std::shared_future<EnglishTable> SharedEnglishSyllableTable(const std::string& data_dir) {
  static std::mutex mutex;
  static auto* tables = new std::map<std::string, std::shared_future<EnglishTable>>();
  std::lock_guard lock(mutex);
  if (auto it = tables->find(data_dir); it != tables->end()) {
    const bool failed = it->second.wait_for(std::chrono::seconds(0)) == std::future_status::ready &&
                        !it->second.get();
    if (!failed) {
      return it->second;
    }
  }
  auto load = [data_dir] { return LoadEnglishSyllableTable(data_dir); };
  std::shared_future<EnglishTable> table;
  try {
    table = std::async(std::launch::async, load).share();
  } catch (const std::system_error&) {  // no thread to be had: load when first needed
    table = std::async(std::launch::deferred, load).share();
  }
  (*tables)[data_dir] = table;
  return table;
}

}  // namespace

Analyser::Analyser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Analyser::~Analyser() = default;

Result<std::unique_ptr<Analyser>> Analyser::Create(const AnalyserConfig& config) {
  auto impl = std::make_unique<Impl>();
  impl->config = config;
  if (impl->config.data_dir.empty()) {
    impl->config.data_dir = DefaultDataDir();
  }
  // Missing files are reported here; a malformed table by the first English analysis.
  for (const char* name : {"/en/syllables.tsv", "/en/syllables-extra.tsv"}) {
    const std::string path = impl->config.data_dir + name;
    if (!std::filesystem::exists(path)) {
      return Error{ErrorCode::kNotFound, "cannot open syllable table " + path, ""};
    }
  }
  impl->english_table = SharedEnglishSyllableTable(impl->config.data_dir);
  for (const std::string& path : config.extra_wordlists) {
    auto list = LoadPhraseList(path);
    if (!list) {
      return list.error();
    }
    impl->extra_lists.push_back(std::move(*list));
  }
  for (const std::string& path : config.accepted_words) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return Error{ErrorCode::kNotFound, "cannot open word list " + path, ""};
    }
    for (const std::string& word : LoadWordSet(path)) {
      impl->accepted_words.insert(word);
      impl->accepted_words.insert(LowerForMatch(word));
    }
  }
  return std::unique_ptr<Analyser>(new Analyser(std::move(impl)));
}

}  // namespace plainsight::engine::text
