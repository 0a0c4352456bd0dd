// Text extraction from office documents (see extract.h): DOCX, ECMA-376 Part 1 WordprocessingML
// (17.3 paragraphs and runs, 17.4 tables; word/document.xml, with heading and list styles from
// word/styles.xml), and ODT, OASIS OpenDocument 1.3 Part 3 (5 text content: paragraphs,
// headings, lists, tables; content.xml). The zip container is read with libarchive, bounded
// against zip bombs (ReadZipMembers); the XML with libxml2, without network or entities.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "engine/ascii.h"
#include "engine/dom.h"
#include "engine/text/extract.h"

namespace plainsight::engine::text {

namespace {

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

}  // namespace

// Reads the named members of a zip held in memory. Members that are absent stay absent from the
// result. A member that expands past max_member_bytes fails with kTooLarge: the limit is applied
// to the bytes actually produced, not to the sizes the (attacker-written) headers declare.
Result<std::vector<std::pair<std::string, std::string>>> ReadZipMembers(
    std::string_view bytes, const std::vector<std::string>& wanted, const ExtractLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return Fail(ErrorCode::kTooLarge,
                "file is over the limit of " + std::to_string(limits.max_input_bytes) + " bytes");
  }
  std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
  archive_read_support_format_zip(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Fail(ErrorCode::kParse,
                std::string("not a zip archive (DOCX and ODT files are zip "
                            "archives): ") +
                    (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
  }
  std::vector<std::pair<std::string, std::string>> found;
  archive_entry* entry = nullptr;
  int entries = 0;
  while (true) {
    int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) {
      break;
    }
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      if (entries == 0) {
        return Fail(
            ErrorCode::kParse,
            std::string("not a zip archive (DOCX and ODT files are zip archives): ") +
                (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
      }
      return Fail(
          ErrorCode::kParse,
          std::string("damaged zip archive: ") +
              (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
    }
    ++entries;
    const char* name = archive_entry_pathname(entry);
    if (name == nullptr ||
        std::find(wanted.begin(), wanted.end(), std::string(name)) == wanted.end()) {
      continue;
    }
    std::string data;
    char buffer[64 * 1024];
    while (true) {
      la_ssize_t n = archive_read_data(a.get(), buffer, sizeof buffer);
      if (n < 0) {
        return Fail(ErrorCode::kParse,
                    std::string("cannot decompress ") + name + ": " +
                        (archive_error_string(a.get()) ? archive_error_string(a.get()) : "error"));
      }
      if (n == 0) {
        break;
      }
      if (data.size() + static_cast<size_t>(n) > limits.max_member_bytes) {
        return Fail(ErrorCode::kTooLarge, std::string(name) + " expands to more than " +
                                              std::to_string(limits.max_member_bytes) +
                                              " bytes (a zip bomb?); refused");
      }
      data.append(buffer, static_cast<size_t>(n));
    }
    found.emplace_back(name, std::move(data));
  }
  return found;
}

namespace {

const std::string* FindMember(const std::vector<std::pair<std::string, std::string>>& members,
                              std::string_view name) {
  for (const auto& [n, data] : members) {
    if (n == name) {
      return &data;
    }
  }
  return nullptr;
}

Result<XmlDocPtr> ParseXmlMember(const std::string& data, const char* name) {
  // No network, no entity substitution (so no billion laughs), no DTD loading; libxml2's
  // default limits on depth and text size stay on (no XML_PARSE_HUGE).
  xmlDoc* doc =
      xmlReadMemory(data.data(), static_cast<int>(data.size()), name, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
  if (doc == nullptr) {
    const xmlError* err = xmlGetLastError();
    return Fail(ErrorCode::kParse,
                std::string(name) + " is not well-formed XML" +
                    (err && err->message ? std::string(": ") + err->message : std::string()));
  }
  return XmlDocPtr(doc);
}

bool IsNamed(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST local) == 0;
}

std::string AttrValue(const xmlNode* n, const char* local) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (xmlStrcmp(a->name, BAD_CAST local) == 0 && a->children && a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return {};
}

const xmlNode* FirstDescendant(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (IsNamed(c, local)) {
      return c;
    }
    if (const xmlNode* d = FirstDescendant(c, local)) {
      return d;
    }
  }
  return nullptr;
}

// Appends a finished block to out, one line of `source` per block.
void AddLineBlock(ExtractedText& out, BlockKind kind, const std::string& text,
                  const std::string& lang) {
  std::string collapsed = CollapseWhitespace(text);
  if (collapsed.empty()) {
    return;
  }
  TextBlock block;
  block.kind = kind;
  block.lang = lang.empty() ? out.lang : lang;
  block.map.push_back({0, static_cast<uint32_t>(out.source.size())});
  out.source += collapsed;
  out.source.push_back('\n');
  block.text = std::move(collapsed);
  out.blocks.push_back(std::move(block));
}

// WordprocessingML: collects a w:p's text; nested paragraphs (text boxes) are queued.
void CollectDocxRuns(const xmlNode* n, std::string& text, std::string& lang,
                     std::vector<const xmlNode*>& nested) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (IsNamed(c, "p")) {
      nested.push_back(c);
      continue;
    }
    if (IsNamed(c, "t")) {
      xmlChar* content = xmlNodeGetContent(c);
      if (content) {
        text += reinterpret_cast<const char*>(content);
        xmlFree(content);
      }
      continue;
    }
    if (IsNamed(c, "tab") || IsNamed(c, "br") || IsNamed(c, "cr")) {
      text.push_back(' ');
      continue;
    }
    if (IsNamed(c, "delText") || IsNamed(c, "instrText") || IsNamed(c, "pPr")) {
      continue;
    }
    if (IsNamed(c, "lang") && lang.empty()) {
      lang = AttrValue(c, "val");
      continue;
    }
    CollectDocxRuns(c, text, lang, nested);
  }
}

void WalkDocx(const xmlNode* n, bool in_cell, ExtractedText& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (!IsNamed(c, "p")) {
      WalkDocx(c, in_cell || IsNamed(c, "tc"), out);
      continue;
    }
    BlockKind kind = in_cell ? BlockKind::kTableCell : BlockKind::kParagraph;
    for (const xmlNode* ppr = c->children; ppr; ppr = ppr->next) {
      if (!IsNamed(ppr, "pPr")) {
        continue;
      }
      if (const xmlNode* style = FirstDescendant(ppr, "pStyle")) {
        std::string val = AsciiLower(AttrValue(style, "val"));
        if (val.rfind("heading", 0) == 0 || val == "title" || val == "subtitle") {
          kind = BlockKind::kHeading;
        } else if (val.rfind("list", 0) == 0) {
          kind = BlockKind::kListItem;
        }
      }
      if (FirstDescendant(ppr, "numPr") && kind == BlockKind::kParagraph) {
        kind = BlockKind::kListItem;
      }
      if (const xmlNode* outline = FirstDescendant(ppr, "outlineLvl")) {
        (void)outline;
        kind = BlockKind::kHeading;
      }
    }
    std::string text;
    std::string lang;
    std::vector<const xmlNode*> nested;
    CollectDocxRuns(c, text, lang, nested);
    AddLineBlock(out, kind, text, lang);
    for (const xmlNode* p : nested) {
      xmlNode wrapper{};
      wrapper.children = const_cast<xmlNode*>(p);
      // Visit the nested paragraph alone: walk a fake parent whose only child is p.
      xmlNode* saved_next = p->next;
      const_cast<xmlNode*>(p)->next = nullptr;
      WalkDocx(&wrapper, in_cell, out);
      const_cast<xmlNode*>(p)->next = saved_next;
    }
  }
}

// ODF text: text nodes, text:s (c spaces), text:tab and text:line-break; nested paragraphs
// (notes, frames) are queued.
void CollectOdtText(const xmlNode* n, std::string& text, std::vector<const xmlNode*>& nested) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) {
        text += reinterpret_cast<const char*>(c->content);
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (IsNamed(c, "p") || IsNamed(c, "h")) {
      nested.push_back(c);
    } else if (IsNamed(c, "s") || IsNamed(c, "tab") || IsNamed(c, "line-break")) {
      text.push_back(' ');
    } else if (IsNamed(c, "note-citation")) {
      continue;
    } else {
      CollectOdtText(c, text, nested);
    }
  }
}

void WalkOdt(const xmlNode* n, BlockKind context, ExtractedText& out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (IsNamed(c, "p") || IsNamed(c, "h")) {
      BlockKind kind = IsNamed(c, "h") ? BlockKind::kHeading : context;
      std::string text;
      std::vector<const xmlNode*> nested;
      CollectOdtText(c, text, nested);
      AddLineBlock(out, kind, text, "");
      for (const xmlNode* p : nested) {
        xmlNode wrapper{};
        wrapper.children = const_cast<xmlNode*>(p);
        xmlNode* saved_next = p->next;
        const_cast<xmlNode*>(p)->next = nullptr;
        WalkOdt(&wrapper, context, out);
        const_cast<xmlNode*>(p)->next = saved_next;
      }
      continue;
    }
    BlockKind child = context;
    if (IsNamed(c, "list-item")) {
      child = BlockKind::kListItem;
    } else if (IsNamed(c, "table-cell")) {
      child = BlockKind::kTableCell;
    }
    WalkOdt(c, child, out);
  }
}

}  // namespace

Result<ExtractedText> ExtractDocx(std::string_view bytes, const ExtractLimits& limits) {
  auto members =
      ReadZipMembers(bytes, {"word/document.xml", "word/styles.xml", "word/settings.xml"}, limits);
  if (!members) {
    return members.error();
  }
  const std::string* body = FindMember(*members, "word/document.xml");
  if (body == nullptr) {
    return Fail(ErrorCode::kParse, "zip archive without word/document.xml: not a DOCX file");
  }
  ExtractedText out;
  out.format = SourceFormat::kDocx;
  if (const std::string* styles = FindMember(*members, "word/styles.xml")) {
    if (auto doc = ParseXmlMember(*styles, "word/styles.xml")) {
      if (const xmlNode* defaults =
              FirstDescendant(xmlDocGetRootElement(doc->get()), "docDefaults")) {
        if (const xmlNode* lang = FirstDescendant(defaults, "lang")) {
          out.lang = AttrValue(lang, "val");
        }
      }
    }
  }
  if (out.lang.empty()) {
    if (const std::string* settings = FindMember(*members, "word/settings.xml")) {
      if (auto doc = ParseXmlMember(*settings, "word/settings.xml")) {
        if (const xmlNode* lang =
                FirstDescendant(xmlDocGetRootElement(doc->get()), "themeFontLang")) {
          out.lang = AttrValue(lang, "val");
        }
      }
    }
  }
  auto doc = ParseXmlMember(*body, "word/document.xml");
  if (!doc) {
    return doc.error();
  }
  WalkDocx(xmlDocGetRootElement(doc->get()), false, out);
  out.IndexLines();
  return out;
}

Result<ExtractedText> ExtractOdt(std::string_view bytes, const ExtractLimits& limits) {
  auto members = ReadZipMembers(bytes, {"content.xml", "meta.xml", "styles.xml"}, limits);
  if (!members) {
    return members.error();
  }
  const std::string* content = FindMember(*members, "content.xml");
  if (content == nullptr) {
    return Fail(ErrorCode::kParse, "zip archive without content.xml: not an ODT file");
  }
  ExtractedText out;
  out.format = SourceFormat::kOdt;
  if (const std::string* meta = FindMember(*members, "meta.xml")) {
    if (auto doc = ParseXmlMember(*meta, "meta.xml")) {
      if (const xmlNode* lang = FirstDescendant(xmlDocGetRootElement(doc->get()), "language")) {
        xmlChar* value = xmlNodeGetContent(lang);
        if (value) {
          out.lang = reinterpret_cast<const char*>(value);
          xmlFree(value);
        }
      }
    }
  }
  if (out.lang.empty()) {
    if (const std::string* styles = FindMember(*members, "styles.xml")) {
      if (auto doc = ParseXmlMember(*styles, "styles.xml")) {
        if (const xmlNode* def =
                FirstDescendant(xmlDocGetRootElement(doc->get()), "default-style")) {
          if (const xmlNode* props = FirstDescendant(def, "text-properties")) {
            out.lang = AttrValue(props, "language");
            std::string country = AttrValue(props, "country");
            if (!out.lang.empty() && !country.empty() && country != "none") {
              out.lang += "-" + country;
            }
          }
        }
      }
    }
  }
  auto doc = ParseXmlMember(*content, "content.xml");
  if (!doc) {
    return doc.error();
  }
  const xmlNode* root = xmlDocGetRootElement(doc->get());
  const xmlNode* body = FirstDescendant(root, "body");
  WalkOdt(body ? body : root, BlockKind::kParagraph, out);
  out.IndexLines();
  return out;
}

}  // namespace plainsight::engine::text
