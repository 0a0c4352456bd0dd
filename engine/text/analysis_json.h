// JSON form of a TextAnalysis, as issue 3 item 6 spells it:
//   {"lang", "metrics": {...}, "findings": [{"kind","severity","line","column","start","end",
//    "text","message","suggestion"}]}
// and with detail also "sentences": [{"start","end","text","words":[{"text","syllables"}]}].
// The page audit adds the same object to each page's JSON (issue 3 item 7).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/text/analyser.h"

namespace plainsight::engine::text {

// Metrics that do not apply (no sentences, no formula for the language) are left out.
nlohmann::json MetricsToJson(const Metrics& metrics);
nlohmann::json FindingToJson(const TextFinding& finding);
nlohmann::json AnalysisToJson(const TextAnalysis& analysis, bool detail);

}  // namespace plainsight::engine::text
