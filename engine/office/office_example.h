// The compact form in which the rules in rules/office/ write their examples: the parts of a
// package, each introduced at the start of a line by its path and a colon. A part may be a
// fragment; it is wrapped in its root element with the usual namespace prefixes declared.
//
//   docProps/core.xml: <dc:title>Bin collection days</dc:title>
//   word/styles.xml: <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-IE"/></w:rPr>
//     </w:rPrDefault></w:docDefaults>
//   word/document.xml: <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Bins</w:t>
//     </w:r></w:p>
//
// DOCX parts: word/document.xml (a fragment is the body's content; prefixes w, r, wp, a, pic,
// wps, v, o, mc, adec), word/styles.xml (the styles' content), word/settings.xml,
// docProps/core.xml (prefixes cp, dc). ODT parts: content.xml (a fragment is office:text's
// content, or, when it starts with <office:automatic-styles>, the document content's; prefixes
// office, style, text, table, draw, fo, xlink, svg, loext), styles.xml (office:styles' content),
// meta.xml (office:meta's content; prefixes dc, meta). The format is DOCX when a part's path
// starts with "word/" or "docProps/", ODT otherwise.
#pragma once

#include <string_view>

#include "engine/office/office_document.h"

namespace plainsight::engine::office {

// Parses an example through the same readers as a real file. Fails as ParseDocxParts /
// ParseOdtParts do, or with kParse when no part is recognised.
Result<OfficeDocument> ParseOfficeExample(std::string_view example);

// The example's parts, wrapped into complete XML (for tests that zip them).
Parts ExampleParts(std::string_view example);

}  // namespace plainsight::engine::office
