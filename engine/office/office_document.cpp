// The office model's helpers, the XML helpers, and the zip entry points: the container is read
// with the text extractor's bounded zip reader (engine/text/extract.h), not a second one.
#include "engine/office/office_document.h"

#include <exception>
#include <string>

#include "engine/office/office_xml.h"
#include "engine/text/extract.h"

namespace plainsight::engine::office {

const char* OfficeFormatName(OfficeFormat format) noexcept {
  return format == OfficeFormat::kOdt ? "odt" : "docx";
}

const char* ObjectKindName(ObjectKind kind) noexcept {
  switch (kind) {
    case ObjectKind::kPicture:
      return "picture";
    case ObjectKind::kChart:
      return "chart";
    case ObjectKind::kDiagram:
      return "diagram";
    case ObjectKind::kShape:
      return "shape";
    case ObjectKind::kTextBox:
      return "text box";
  }
  return "picture";
}

bool OfficeDocument::HasContent() const {
  if (!objects.empty() || !tables.empty()) {
    return true;
  }
  for (const Paragraph& p : paragraphs) {
    if (!p.text.empty()) {
      return true;
    }
  }
  return false;
}

const Paragraph* OfficeDocument::ParagraphAt(uint32_t index) const {
  if (index == 0 || index > paragraphs.size()) {
    return nullptr;
  }
  const Paragraph& p = paragraphs[index - 1];
  return p.index == index ? &p : nullptr;
}

namespace xml {

Result<DocPtr> Parse(std::string_view data, const char* part) {
  xmlDoc* doc = xmlReadMemory(data.data(), static_cast<int>(data.size()), part, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    const xmlError* err = xmlGetLastError();
    std::string detail = err && err->message ? Collapse(err->message) : "";
    return Fail(ErrorCode::kParse, std::string(part) + " is not well-formed XML" +
                                       (detail.empty() ? "" : ": " + detail));
  }
  return DocPtr(doc);
}

bool Is(const xmlNode* node, const char* local, const char* ns) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE ||
      xmlStrcmp(node->name, BAD_CAST local) != 0) {
    return false;
  }
  return ns == nullptr || (node->ns != nullptr && xmlStrcmp(node->ns->href, BAD_CAST ns) == 0);
}

std::optional<std::string> Attr(const xmlNode* node, const char* local) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) {
    return std::nullopt;
  }
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (xmlStrcmp(a->name, BAD_CAST local) == 0) {
      xmlChar* v = xmlNodeListGetString(node->doc, a->children, 1);
      std::string out = v ? reinterpret_cast<const char*>(v) : "";
      xmlFree(v);
      return out;
    }
  }
  return std::nullopt;
}

const xmlNode* Child(const xmlNode* node, const char* local) {
  for (const xmlNode* c = node ? node->children : nullptr; c != nullptr; c = c->next) {
    if (Is(c, local)) {
      return c;
    }
  }
  return nullptr;
}

const xmlNode* Descendant(const xmlNode* node, const char* local, int max_depth) {
  if (max_depth <= 0) {
    return nullptr;
  }
  for (const xmlNode* c = node ? node->children : nullptr; c != nullptr; c = c->next) {
    if (Is(c, local)) {
      return c;
    }
    if (const xmlNode* d = Descendant(c, local, max_depth - 1)) {
      return d;
    }
  }
  return nullptr;
}

std::string Text(const xmlNode* node) {
  xmlChar* v = xmlNodeGetContent(node);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string Collapse(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  return out;
}

uint32_t CountWords(std::string_view text) {
  uint32_t n = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) {
      ++n;
    }
    in_word = !space;
  }
  return n;
}

bool OnOff(const xmlNode* node, const char* attr_local) {
  std::optional<std::string> v = Attr(node, attr_local);
  return !v || !(*v == "0" || *v == "false" || *v == "off" || *v == "none");
}

}  // namespace xml

namespace {

Result<Parts> Unzip(std::string_view bytes, const std::vector<std::string>& wanted,
                    const OfficeLimits& limits) {
  text::ExtractLimits zip_limits;
  zip_limits.max_input_bytes = limits.max_input_bytes;
  zip_limits.max_member_bytes = limits.max_member_bytes;
  auto members = text::ReadZipMembers(bytes, wanted, zip_limits);
  if (!members) {
    return members.error();
  }
  Parts parts;
  for (auto& [name, data] : *members) {
    parts.emplace(name, std::move(data));
  }
  return parts;
}

}  // namespace

Result<OfficeDocument> ParseDocx(std::string_view bytes, const OfficeLimits& limits) noexcept {
  try {
    auto parts = Unzip(bytes,
                       {"word/document.xml", "word/styles.xml", "word/settings.xml",
                        "docProps/core.xml", "word/_rels/document.xml.rels"},
                       limits);
    if (!parts) {
      return parts.error();
    }
    return ParseDocxParts(*parts, limits);
  } catch (const std::bad_alloc&) {
    return Fail(ErrorCode::kTooLarge, "the document needs more memory than is available");
  } catch (const std::exception& e) {  // a library's own exception on a malformed part
    return Fail(ErrorCode::kParse, std::string("the document cannot be read: ") + e.what());
  }
}

Result<OfficeDocument> ParseOdt(std::string_view bytes, const OfficeLimits& limits) noexcept {
  try {
    auto parts = Unzip(bytes, {"content.xml", "styles.xml", "meta.xml"}, limits);
    if (!parts) {
      return parts.error();
    }
    return ParseOdtParts(*parts, limits);
  } catch (const std::bad_alloc&) {
    return Fail(ErrorCode::kTooLarge, "the document needs more memory than is available");
  } catch (const std::exception& e) {  // a library's own exception on a malformed part
    return Fail(ErrorCode::kParse, std::string("the document cannot be read: ") + e.what());
  }
}

}  // namespace plainsight::engine::office
