// XMP metadata (ISO 16684-1; ISO 32000-1 14.3.2): the document title as dc:title, which
// ISO 14289-1 7.1 requires and Matterhorn 06-003 checks. Read with libxml2, no network, no
// entities.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "engine/pdf/pdf_internal.h"

namespace plainsight::engine::pdf::internal {
namespace {

constexpr const char* kDublinCore = "http://purl.org/dc/elements/1.1/";

const xmlNode* FindDcTitle(const xmlNode* node, int depth) {
  for (const xmlNode* c = node; c != nullptr && depth < 64; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST "title") == 0 && c->ns &&
        xmlStrcmp(c->ns->href, BAD_CAST kDublinCore) == 0) {
      return c;
    }
    if (const xmlNode* found = FindDcTitle(c->children, depth + 1)) {
      return found;
    }
  }
  return nullptr;
}

std::string Content(const xmlNode* node) {
  xmlChar* text = xmlNodeGetContent(node);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  return out;
}

}  // namespace

std::optional<std::string> ReadXmpTitle(Reader& reader, const QPDFObjectHandle& metadata) {
  std::string xml;
  // Metadata of a few KB is usual; 16 MB is generous and bounds the XML parser's memory.
  DecodeStream(reader, metadata, xml, uint64_t{16} << 20);
  if (xml.empty()) {
    return std::nullopt;
  }
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "metadata.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    reader.Warn("the XMP metadata is not well-formed XML");
    return std::nullopt;
  }
  std::optional<std::string> title;
  if (const xmlNode* dc_title = FindDcTitle(xmlDocGetRootElement(doc), 0)) {
    // dc:title is a language alternative (rdf:Alt of rdf:li); the first item is the default.
    const xmlNode* item = nullptr;
    for (const xmlNode* n = dc_title->children; n && !item; n = n->next) {
      for (const xmlNode* m = n->type == XML_ELEMENT_NODE ? n->children : nullptr; m && !item;
           m = m->next) {
        if (m->type == XML_ELEMENT_NODE && xmlStrcmp(m->name, BAD_CAST "li") == 0) {
          item = m;
        }
      }
    }
    title = Content(item ? item : dc_title);
  }
  xmlFreeDoc(doc);
  return title;
}

}  // namespace plainsight::engine::pdf::internal
