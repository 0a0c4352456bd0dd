// libFuzzer target: HTML bytes through the whole page engine (charset sniffing, Gumbo, the CSS
// cascade, the accessibility tree) and every rule. Build: make fuzz; run:
//   build-fuzz/fuzz/plainsight_page_fuzzer -max_len=65536 -timeout=10 -max_total_time=600 \
//       CORPUS_DIR fuzz/seeds/page corpora/sites
// The seeds in fuzz/seeds/page are attribute-heavy (issue 19): floods, duplicates, repeated
// <html> and <body> tags, raw text in <select>, <frameset> and SVG.
//
// Besides crashes and timeouts it checks one property: the pre-parse attribute scan
// (engine/markup_guards.h) must see every tag the parser reads, so with a small limit no element
// of any document may come out with more attributes than the limit (plus one: Gumbo turns
// <isindex a b c> into an <input> with those attributes and name="isindex").
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "engine/page.h"
#include "engine/runner.h"
#include "rules/catalog.h"

namespace {

void CheckAttributeLimit(std::string_view bytes) {
  constexpr size_t kLimit = 4;
  plainsight::engine::ParseOptions options;
  options.url = "https://fuzz.example/page.html";
  options.max_attributes = kLimit;
  auto doc = plainsight::engine::Document::ParseHtml(bytes, options);
  if (!doc) {
    return;
  }
  std::vector<const plainsight::engine::Node*> stack{&(*doc)->root()};
  while (!stack.empty()) {
    const plainsight::engine::Node* n = stack.back();
    stack.pop_back();
    if (n->attributes().size() > kLimit + 1) {
      std::fprintf(stderr, "<%s> at line %u has %zu attributes; the limit is %zu\n",
                   n->tag().c_str(), n->position().line, n->attributes().size(), kLimit);
      std::abort();
    }
    for (const plainsight::engine::Node* c : n->children()) {
      stack.push_back(c);
    }
    if (n->template_content() != nullptr) {
      stack.push_back(n->template_content());
    }
    if (n->content_document() != nullptr) {
      stack.push_back(&n->content_document()->root());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckAttributeLimit(bytes);
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
