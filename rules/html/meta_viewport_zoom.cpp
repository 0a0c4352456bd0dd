// html.meta-viewport-zoom: the viewport meta tag does not stop people zooming. WCAG 1.4.4
// Resize Text (AA) and 1.4.10 Reflow; EN 301 549 9.1.4.4; ACT b4f0c3 (Meta viewport allows for
// zoom). Values are read as browsers read them (CSS Device Adaptation, "viewport" META
// translation): yes = 1, no = 0 (0.1 for maximum-scale), device-width/-height = 10, other
// non-numbers = 0 (0.1).
#include <cmath>
#include <cstdlib>
#include <optional>

#include "rules/catalog.h"
#include "rules/html/support/meta.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr engine::RuleOption kOptions[] = {
    {"min_maximum_scale", 2, "maximum-scale below this blocks the 200% zoom WCAG 1.4.4 requires"}};

double TranslateNumber(std::string_view value, double no_value) {
  std::string v = engine::AsciiLower(engine::TrimWhitespace(value));
  if (v == "yes") {
    return 1;
  }
  if (v == "no") {
    return no_value;
  }
  if (v == "device-width" || v == "device-height") {
    return 10;
  }
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str()) {
    return no_value;
  }
  return d;
}

void Check(const engine::Page& page, engine::Findings& out) {
  for (const engine::Node* e : page.document().elements()) {
    const std::string* content = MetaContent(*e, "name", "viewport");
    if (!content) {
      continue;
    }
    std::optional<std::string> user_scalable;
    std::optional<std::string> maximum_scale;
    // Properties are separated by commas, semicolons or whitespace; "key = value".
    std::string text = *content;
    size_t i = 0;
    auto is_sep = [](char c) {
      return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    while (i < text.size()) {
      while (i < text.size() && is_sep(text[i])) {
        ++i;
      }
      size_t key_start = i;
      while (i < text.size() && !is_sep(text[i]) && text[i] != '=') {
        ++i;
      }
      std::string key = engine::AsciiLower(text.substr(key_start, i - key_start));
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
        ++i;
      }
      std::string value;
      if (i < text.size() && text[i] == '=') {
        ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
          ++i;
        }
        size_t value_start = i;
        while (i < text.size() && !is_sep(text[i])) {
          ++i;
        }
        value = text.substr(value_start, i - value_start);
      }
      if (key == "user-scalable") {
        user_scalable = value;
      } else if (key == "maximum-scale") {
        maximum_scale = value;
      }
    }
    if (!user_scalable && !maximum_scale) {
      continue;  // inapplicable: nothing about zoom
    }
    std::string problem;
    if (user_scalable) {
      double v = TranslateNumber(*user_scalable, 0);
      if (std::fabs(v) < 1) {
        problem = "user-scalable=" + *user_scalable + " stops people zooming";
      }
    }
    if (maximum_scale) {
      double v = TranslateNumber(*maximum_scale, 0.1);
      // Interpretation: a negative maximum-scale is ignored by browsers (no limit).
      if (v >= 0 && v < kOptions[0].default_value) {
        if (!problem.empty()) {
          problem += "; ";
        }
        problem += "maximum-scale=" + *maximum_scale + " stops people zooming to 200%";
      }
    }
    if (problem.empty()) {
      out.Pass(e);
    } else {
      out.Fail(e, problem + ".");
    }
  }
}

constexpr std::string_view kWcag[] = {"1.4.4", "1.4.10"};
constexpr std::string_view kEn[] = {"9.1.4.4", "9.1.4.10"};
constexpr std::string_view kAct[] = {"b4f0c3"};
constexpr std::string_view kPasses[] = {
    R"(<meta name="viewport" content="width=device-width, maximum-scale=5">)"};
constexpr std::string_view kFails[] = {
    R"(<meta name="viewport" content="width=device-width, user-scalable=no">)",
    R"(<meta name="viewport" content="maximum-scale=1.0">)"};
constexpr std::string_view kInapplicable[] = {
    R"(<meta name="viewport" content="width=device-width">)"};

}  // namespace

extern const engine::Rule kHtmlMetaViewportZoom{
    .id = "html.meta-viewport-zoom",
    .summary = "Pages let people zoom",
    .why =
        "People with low vision enlarge text by pinching or zooming; a viewport that forbids "
        "it leaves them unable to read the page on a phone.",
    .help =
        "Remove user-scalable=no and any maximum-scale below 2 from <meta name=\"viewport\">; "
        "width=device-width, initial-scale=1 is enough.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kCritical,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .level = "AA",
    .target_tags = targets::kMeta};

}  // namespace plainsight::rules
