// Reads words (one per line) and prints word<TAB>table-and-rules<TAB>rules-only, for
// syllable_accuracy.py. Usage: plainsight_syllable_eval [DATA_DIR] < words.txt
#include <iostream>
#include <string>

#include "engine/text/analyser.h"
#include "engine/text/syllables.h"

int main(int argc, char** argv) {
  namespace text = plainsight::engine::text;
  std::string data = argc > 1 ? argv[1] : text::DefaultDataDir();
  auto table = text::LoadSyllableTable(data + "/en/syllables.tsv");
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
