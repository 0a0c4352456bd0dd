// The office examples' compact form: see office_example.h.
#include "engine/office/office_example.h"

#include <array>

#include "engine/ascii.h"

namespace plainsight::engine::office {
namespace {

constexpr std::string_view kDocxNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" )"
    R"(xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" )"
    R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" )"
    R"(xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative")";

constexpr std::string_view kCoreNamespaces =
    R"(xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
    R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/")";

constexpr std::string_view kOdfNamespaces =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
    R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" )"
    R"(xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" )"
    R"(xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" )"
    R"(xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" )"
    R"(xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0")";

struct Wrapper {
  std::string_view part;
  std::string_view open;   // before the namespaces
  std::string_view inner;  // after the root's start tag
  std::string_view close;
  std::string_view namespaces;
};

constexpr std::array<Wrapper, 7> kWrappers{{
    {"word/document.xml", "<w:document ", "<w:body>", "</w:body></w:document>", kDocxNamespaces},
    {"word/styles.xml", "<w:styles ", "", "</w:styles>", kDocxNamespaces},
    {"word/settings.xml", "<w:settings ", "", "</w:settings>", kDocxNamespaces},
    {"docProps/core.xml", "<cp:coreProperties ", "", "</cp:coreProperties>", kCoreNamespaces},
    {"content.xml", "<office:document-content ", "<office:body><office:text>",
     "</office:text></office:body></office:document-content>", kOdfNamespaces},
    {"styles.xml", "<office:document-styles ", "<office:styles>",
     "</office:styles></office:document-styles>", kOdfNamespaces},
    {"meta.xml", "<office:document-meta ", "<office:meta>", "</office:meta></office:document-meta>",
     kOdfNamespaces},
}};

const Wrapper* FindWrapper(std::string_view part) {
  for (const Wrapper& w : kWrappers) {
    if (w.part == part) {
      return &w;
    }
  }
  return nullptr;
}

}  // namespace

Parts ExampleParts(std::string_view example) {
  Parts parts;
  std::string current;
  std::string content;
  auto flush = [&] {
    if (current.empty()) {
      return;
    }
    std::string_view body = TrimWhitespace(content);
    const Wrapper* w = FindWrapper(current);
    if (w == nullptr || body.rfind("<?xml", 0) == 0) {
      parts[current] = std::string(body);
    } else if (current == "content.xml" && body.rfind("<office:automatic-styles", 0) == 0) {
      // Automatic styles and the text: only the root is added.
      parts[current] = std::string(w->open) + std::string(w->namespaces) + ">" + std::string(body) +
                       "</office:document-content>";
    } else {
      parts[current] = std::string(w->open) + std::string(w->namespaces) + ">" +
                       std::string(w->inner) + std::string(body) + std::string(w->close);
    }
  };
  size_t pos = 0;
  while (pos <= example.size()) {
    size_t end = example.find('\n', pos);
    std::string_view line =
        example.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    size_t colon = line.find(": ");
    std::string_view head =
        colon == std::string_view::npos ? "" : TrimWhitespace(line.substr(0, colon));
    bool starts_part = FindWrapper(head) != nullptr;
    if (starts_part) {
      flush();
      current = std::string(head);
      content = std::string(line.substr(colon + 2));
    } else {
      content += "\n";
      content += line;
    }
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  flush();
  return parts;
}

Result<OfficeDocument> ParseOfficeExample(std::string_view example) {
  Parts parts = ExampleParts(example);
  if (parts.empty()) {
    return Fail(ErrorCode::kParse, "an office example needs at least one part (\"path: xml\")");
  }
  for (const auto& [path, xml] : parts) {
    if (path.rfind("word/", 0) == 0 || path.rfind("docProps/", 0) == 0) {
      if (parts.count("word/document.xml") == 0) {
        parts["word/document.xml"] =
            std::string("<w:document ") + std::string(kDocxNamespaces) + "><w:body/></w:document>";
      }
      return ParseDocxParts(parts);
    }
  }
  if (parts.count("content.xml") == 0) {
    parts["content.xml"] = std::string("<office:document-content ") + std::string(kOdfNamespaces) +
                           "><office:body><office:text/></office:body></office:document-content>";
  }
  return ParseOdtParts(parts);
}

}  // namespace plainsight::engine::office
