// Reads words (one per line) and prints word<TAB>table-and-rules<TAB>rules-only, for
// syllable_accuracy.py and syllable_cmu_sample.py.
// Usage: plainsight_syllable_eval [DATA_DIR] [--table FILE]... < words.txt
// With --table, only the given tables are loaded (the held-out measure of the fallback uses
// tables with the measured words taken out); otherwise DATA_DIR's English table.
#include <iostream>
#include <string>
#include <vector>

#include "engine/text/analyser.h"
#include "engine/text/syllables.h"

int main(int argc, char** argv) {
  namespace text = plainsight::engine::text;
  std::string data = text::DefaultDataDir();
  std::vector<std::string> tables;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--table" && i + 1 < argc) {
      tables.emplace_back(argv[++i]);
    } else {
      data = a;
    }
  }
  auto table =
      tables.empty() ? text::LoadEnglishSyllableTable(data) : text::LoadSyllableTables(tables);
  if (!table) {
    std::cerr << table.error().ToString() << "\n";
    return 2;
  }
  text::SyllableCounter counter("en", *table);
  std::string word;
  while (std::getline(std::cin, word)) {
    if (!word.empty()) {
      std::cout << word << '\t' << counter.Count(word) << '\t' << counter.CountByRules(word)
                << '\n';
    }
  }
  return 0;
}
