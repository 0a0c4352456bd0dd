// libFuzzer target: the XML parts of DOCX and ODT documents, unzipped, through the readers'
// walkers (styles, runs, fields, drawings, tables) and every office rule. The first byte picks
// the format and the part the rest is; the other parts are the examples' defaults.
//   fuzz/documents/make_seeds.sh SEEDS
//   build-fuzz/fuzz/documents/plainsight_office_xml_fuzzer --write-example-seeds=SEEDS/office_xml
//   build-fuzz/fuzz/documents/plainsight_office_xml_fuzzer -max_len=65536 CORPUS SEEDS/office_xml
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "engine/documents/document_audit.h"
#include "engine/office/office_example.h"
#include "rules/catalog.h"

namespace office = plainsight::engine::office;

namespace {

constexpr const char* kDocxParts[] = {"word/document.xml", "word/styles.xml", "docProps/core.xml",
                                      "word/_rels/document.xml.rels"};
constexpr const char* kOdtParts[] = {"content.xml", "styles.xml", "meta.xml"};

}  // namespace

// --write-example-seeds=DIR: writes every part of every office rule's examples, with its
// selector byte, into DIR and exits.
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
      if (rule->check_office == nullptr) {
        continue;
      }
      for (auto list : {rule->passes, rule->fails, rule->inapplicable, rule->cant_tell}) {
        for (std::string_view example : list) {
          for (const auto& [part, xml] : office::ExampleParts(example)) {
            for (unsigned k = 0; k < 4; ++k) {
              if (part == kDocxParts[k] || (k < 3 && part == kOdtParts[k])) {
                char selector = static_cast<char>(part == kDocxParts[k] ? 2 * k : 2 * k + 1);
                std::ofstream(dir + "/example-" + std::to_string(++n), std::ios::binary)
                    << selector << xml;
              }
            }
          }
        }
      }
    }
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  std::string xml(reinterpret_cast<const char*>(data) + 1, size - 1);
  office::Parts parts;
  plainsight::engine::Result<office::OfficeDocument> doc =
      plainsight::engine::Fail(plainsight::engine::ErrorCode::kInternal, "unset");
  if (data[0] % 2 == 0) {
    const char* part = kDocxParts[(data[0] / 2) % 4];
    parts[part] = xml;
    if (parts.count("word/document.xml") == 0) {
      parts["word/document.xml"] =
          "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          "<w:body><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Fees</w:t></w:r>"
          "</w:p></w:body></w:document>";
    }
    doc = office::ParseDocxParts(parts);
  } else {
    const char* part = kOdtParts[(data[0] / 2) % 3];
    parts[part] = xml;
    if (parts.count("content.xml") == 0) {
      parts["content.xml"] =
          "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:"
          "1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
          "<office:text><text:h text:outline-level=\"1\">Fees</text:h></office:text>"
          "</office:body></office:document-content>";
    }
    doc = office::ParseOdtParts(parts);
  }
  if (doc) {
    plainsight::engine::RunOptions run;
    run.strict = true;
    (void)plainsight::engine::documents::RunOfficeRules(*doc, plainsight::rules::AllRules(), run);
  }
  return 0;
}
