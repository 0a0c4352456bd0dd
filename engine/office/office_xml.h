// libxml2 helpers shared by the DOCX and ODT readers (engine/office only: libxml2 stays private).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "engine/office/office_document.h"
#include "engine/result.h"

namespace plainsight::engine::office::xml {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses a part. No network, no entity substitution (no billion laughs), no DTD loading;
// libxml2's default limits on depth and text size stay on. Fails with kParse.
Result<DocPtr> Parse(std::string_view data, const char* part);

// The element's local name is `local` (and, when `ns` is given, its namespace is `ns`).
bool Is(const xmlNode* node, const char* local, const char* ns = nullptr);
// The value of the attribute with this local name (any namespace), when present.
std::optional<std::string> Attr(const xmlNode* node, const char* local);
// The first child element with this local name, nullptr when none.
const xmlNode* Child(const xmlNode* node, const char* local);
// The first descendant element with this local name (depth first, bounded), nullptr when none.
const xmlNode* Descendant(const xmlNode* node, const char* local, int max_depth = 64);
// All text below the node, concatenated.
std::string Text(const xmlNode* node);
// White space collapsed and trimmed (ASCII white space).
std::string Collapse(std::string_view text);
// Words: runs of non-white-space characters.
uint32_t CountWords(std::string_view text);
// "bold", "1", "true", "on" and an absent value are true; "0", "false", "off", "none" false.
bool OnOff(const xmlNode* node, const char* attr_local);

}  // namespace plainsight::engine::office::xml
