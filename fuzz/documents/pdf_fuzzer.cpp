// libFuzzer target: PDF bytes through the PDF reader (qpdf: structure, fonts, forms, content
// scan; poppler: text) and every PDF rule, with the default limits (the bounds a fuzzer finds
// slow or large inputs against are the ones users get). Build: make fuzz; seed and run:
//   fuzz/documents/make_seeds.sh SEEDS
//   build-fuzz/fuzz/documents/plainsight_pdf_fuzzer --write-example-seeds=SEEDS/pdf
//   LSAN_OPTIONS=suppressions=fuzz/documents/lsan.supp \
//     build-fuzz/fuzz/documents/plainsight_pdf_fuzzer -max_len=65536 -timeout=20 CORPUS SEEDS/pdf
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "engine/documents/document_audit.h"
#include "engine/pdf/pdf_writer.h"
#include "rules/catalog.h"

// --write-example-seeds=DIR (libFuzzer leaves flags starting with "--" to the target): writes
// every PDF rule's examples as complete PDFs into DIR, small seeds that reach every rule, and
// exits.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  const std::string flag = "--write-example-seeds=";
  for (int i = 1; i < *argc; ++i) {
    std::string arg = (*argv)[i];
    if (arg.rfind(flag, 0) != 0) {
      continue;
    }
    std::string dir = arg.substr(flag.size());
    int n = 0;
    for (const plainsight::engine::Rule* rule : plainsight::rules::AllRules()) {
      if (rule->check_pdf == nullptr) {
        continue;
      }
      for (auto list : {rule->passes, rule->fails, rule->inapplicable, rule->cant_tell}) {
        for (std::string_view example : list) {
          std::ofstream(dir + "/example-" + std::to_string(++n) + ".pdf", std::ios::binary)
              << plainsight::engine::pdf::ExamplePdf(example);
        }
      }
    }
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = plainsight::engine::pdf::ParsePdf(bytes);
  if (!doc) {
    return 0;
  }
  plainsight::engine::RunOptions run;
  run.strict = true;  // a rule that throws on any input is a bug the fuzzer should report
  (void)plainsight::engine::documents::RunPdfRules(*doc, plainsight::rules::AllRules(), run);
  (void)plainsight::engine::pdf::ParagraphText(*doc);
  return 0;
}
