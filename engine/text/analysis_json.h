// JSON form of a TextAnalysis, as issue 3 item 6 spells it:
//   {"lang", "metrics": {...}, "findings": [{"kind","severity","line","column","start","end",
//    "text","message","suggestion"}]}
// and with detail also "sentences": [{"start","end","text","words":[{"text","syllables"}]}].
// The page audit adds the same object to each page's JSON (issue 3 item 7).
// Added by issue 21 (the fields above are a contract, docs/json-format.md): each finding's
// "rule" (the text rule that found it) and "rules", each text rule run and its outcome.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/text/analyser.h"

namespace plainsight::engine::text {

// Metrics that do not apply (no sentences, no formula for the language) are left out.
nlohmann::json MetricsToJson(const Metrics& metrics);
// `notice`: write every finding's severity as "notice", the one scale of the audit JSON, where
// plain-language findings are advice (`plainsight text` keeps info, warning and error).
nlohmann::json FindingToJson(const TextFinding& finding, bool notice = false);
nlohmann::json AnalysisToJson(const TextAnalysis& analysis, bool detail, bool notice = false);

}  // namespace plainsight::engine::text
