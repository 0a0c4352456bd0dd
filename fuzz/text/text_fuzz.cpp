// libFuzzer target: every extractor (plain text, Markdown, HTML, DOCX, ODT) and the analyser on
// whatever they accept. The first byte picks the format; the rest is the input. Small limits keep
// each run fast and check the size caps.
//   ./plainsight_text_fuzz -max_len=65536 corpus/
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "engine/text/analyser.h"
#include "engine/text/extract.h"
#include "rules/catalog.h"

namespace text = plainsight::engine::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  static std::unique_ptr<text::Analyser> analyser = [] {
    auto a = text::Analyser::Create();
    return a ? std::move(*a) : nullptr;
  }();
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  text::ExtractLimits limits;
  limits.max_input_bytes = 1u << 20;
  limits.max_member_bytes = 1u << 20;
  plainsight::engine::Result<text::ExtractedText> extracted =
      plainsight::engine::Fail(plainsight::engine::ErrorCode::kInternal, "unset");
  switch (data[0] % 6) {
    case 0:
      extracted = text::ExtractPlainText(input, limits);
      break;
    case 1:
      extracted = text::ExtractMarkdown(input, limits);
      break;
    case 2:
      extracted = text::ExtractHtml(input, limits);
      break;
    case 3:
      extracted = text::ExtractDocx(input, limits);
      break;
    case 4:
      extracted = text::ExtractOdt(input, limits);
      break;
    default:
      extracted = text::Extract(input, "", limits);
      break;
  }
  if (!extracted || !analyser) {
    return 0;
  }
  text::AnalysisOptions options;
  options.max_sentence_words = 64;
  options.max_spelling_suggestions = 1;  // Hunspell suggest() is slow under ASan
  options.detail = (data[0] & 0x80) != 0;
  options.lang = (data[0] & 0x40) ? "ga" : "";
  auto result = analyser->Analyse(*extracted, plainsight::rules::AllRules(), options);
  if (result) {
    for (const text::TextFinding& f : result->findings) {
      // Every finding must point inside the source.
      if (f.start > f.end || f.end > extracted->source.size()) {
        __builtin_trap();
      }
    }
  }
  return 0;
}
