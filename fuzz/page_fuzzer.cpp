// libFuzzer target: HTML bytes through the whole page engine (charset sniffing, Gumbo, the CSS
// cascade, the accessibility tree) and every rule. Build: make fuzz; run:
//   build-fuzz/fuzz/plainsight_page_fuzzer -max_len=65536 -max_total_time=60 corpora/sites
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/page.h"
#include "engine/runner.h"
#include "rules/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  plainsight::engine::ParseOptions options;
  options.url = "https://fuzz.example/page.html";
  auto doc = plainsight::engine::Document::ParseHtml(bytes, options);
  if (!doc) {
    return 0;
  }
  auto page = plainsight::engine::Page::Build(std::move(*doc));
  plainsight::engine::RunOptions run;
  run.strict = true;  // a rule that throws on any input is a bug the fuzzer should report
  (void)plainsight::engine::RunRules(*page, plainsight::rules::AllRules(), run);
  return 0;
}
