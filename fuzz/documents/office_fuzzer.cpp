// libFuzzer target: DOCX and ODT bytes through the office readers (the text extractor's bounded
// zip reader, libxml2, the WordprocessingML and ODF walkers) and every office rule. Mutations of
// a zip mostly break its checksums, so office_xml_fuzzer.cpp fuzzes the XML parts directly.
//   fuzz/documents/make_seeds.sh SEEDS
//   build-fuzz/fuzz/documents/plainsight_office_fuzzer -max_len=65536 CORPUS SEEDS/office
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/documents/document_audit.h"
#include "rules/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  plainsight::engine::RunOptions run;
  run.strict = true;
  for (auto parse :
       {&plainsight::engine::office::ParseDocx, &plainsight::engine::office::ParseOdt}) {
    auto doc = parse(bytes, {});
    if (doc) {
      (void)plainsight::engine::documents::RunOfficeRules(*doc, plainsight::rules::AllRules(), run);
    }
  }
  return 0;
}
