// html.meta-refresh and html.meta-refresh-no-exception: pages do not refresh or redirect on a
// timer. WCAG 2.2.1 Timing Adjustable (A), 2.2.4 Interruptions and 3.2.5 Change on Request (AAA);
// EN 301 549 9.2.2.1; ACT bc659a (Meta element has no refresh delay) and bisz58 (... no exception).
// The content attribute is parsed with the HTML Standard's "shared declarative refresh steps"
// (4.2.5.3): an invalid value does nothing in a browser, so it makes the element inapplicable.
#include <optional>

#include "engine/ascii.h"
#include "rules/catalog.h"
#include "rules/html/support/meta.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// The delay in seconds of a valid refresh value, or nullopt when the browser ignores it.
std::optional<double> RefreshDelay(std::string_view input) {
  size_t i = 0;
  while (i < input.size() && engine::IsAsciiSpace(input[i])) {
    ++i;
  }
  size_t digits_start = i;
  while (i < input.size() && input[i] >= '0' && input[i] <= '9') {
    ++i;
  }
  double time = 0;
  if (i == digits_start) {
    if (i >= input.size() || input[i] != '.') {
      return std::nullopt;
    }
  } else {
    time =
        std::stod(std::string(input.substr(digits_start, std::min<size_t>(i - digits_start, 15))));
  }
  while (i < input.size() && ((input[i] >= '0' && input[i] <= '9') || input[i] == '.')) {
    ++i;
  }
  if (i < input.size() && input[i] != ';' && input[i] != ',' && !engine::IsAsciiSpace(input[i])) {
    return std::nullopt;
  }
  return time;
}

// The first <meta http-equiv=refresh> with a valid content value, and its delay.
const engine::Node* FirstValidRefresh(const engine::Page& page, double* delay) {
  for (const engine::Node* e : page.document().elements()) {
    const std::string* content = MetaContent(*e, "http-equiv", "refresh");
    if (!content) {
      continue;
    }
    if (auto d = RefreshDelay(*content)) {
      *delay = *d;
      return e;
    }
  }
  return nullptr;
}

// 20 hours: WCAG 2.2.1's exception for limits longer than 20 hours.
constexpr engine::RuleOption kOptions[] = {
    {"max_delay_s", 72000,
     "refreshes later than this many seconds are allowed (WCAG 2.2.1's 20 hours)"}};

void CheckWithException(const engine::Page& page, engine::Findings& out) {
  double delay = 0;
  const engine::Node* meta = FirstValidRefresh(page, &delay);
  if (!meta) {
    return;
  }
  if (delay == 0 || delay > kOptions[0].default_value) {
    out.Pass(meta);
  } else {
    out.Fail(meta, "The page refreshes or redirects after " +
                       std::to_string(static_cast<long>(delay)) +
                       " seconds, which people cannot stop or extend.");
  }
}

void CheckNoException(const engine::Page& page, engine::Findings& out) {
  double delay = 0;
  const engine::Node* meta = FirstValidRefresh(page, &delay);
  if (!meta) {
    return;
  }
  if (delay == 0) {
    out.Pass(meta);
  } else {
    out.Fail(meta, "The page refreshes or redirects after " +
                       std::to_string(static_cast<long>(delay)) +
                       " seconds without being asked to.");
  }
}

constexpr std::string_view kWcagA[] = {"2.2.1"};
constexpr std::string_view kEnA[] = {"9.2.2.1"};
constexpr std::string_view kActA[] = {"bc659a"};
constexpr std::string_view kPassesA[] = {
    R"(<meta http-equiv="refresh" content="0; URL='https://www.gov.ie/'">)",
    R"(<meta http-equiv="refresh" content="72001">)"};
constexpr std::string_view kFailsA[] = {R"(<meta http-equiv="refresh" content="30">)"};
constexpr std::string_view kInapplicableA[] = {R"(<meta http-equiv="refresh" content="+5; x">)",
                                               R"(<meta http-equiv="refresh">)"};

constexpr std::string_view kWcagB[] = {"2.2.4", "3.2.5"};
// AAA criteria are outside EN 301 549 (which takes WCAG A and AA).
constexpr std::string_view kActB[] = {"bisz58"};
constexpr std::string_view kPassesB[] = {
    R"(<meta http-equiv="refresh" content="0; https://www.gov.ie/">)"};
constexpr std::string_view kFailsB[] = {R"(<meta http-equiv="refresh" content="72001">)"};
constexpr std::string_view kInapplicableB[] = {R"(<meta http-equiv="refresh" content="foo">)"};

}  // namespace

extern const engine::Rule kHtmlMetaRefresh{
    .id = "html.meta-refresh",
    .summary = "Pages do not refresh or redirect on a timer",
    .why =
        "A page that reloads or moves on by itself can take people away before they finish "
        "reading or filling in a form, and screen readers start again from the top.",
    .help =
        "Redirect at once (delay 0) or on the server; to update content, let people choose "
        "when, with a button.",
    .wcag = kWcagA,
    .en301549 = kEnA,
    .act = kActA,
    .impact = engine::Impact::kCritical,
    .check = &CheckWithException,
    .passes = kPassesA,
    .fails = kFailsA,
    .inapplicable = kInapplicableA,
    .options = kOptions,
    .target_tags = targets::kMeta};

extern const engine::Rule kHtmlMetaRefreshNoException{
    .id = "html.meta-refresh-no-exception",
    .summary = "Pages never refresh or redirect on a timer (AAA)",
    .why = "Any delayed refresh interrupts people, even one set many hours ahead.",
    .help = "Redirect at once (delay 0) or on the server, or remove the refresh.",
    .wcag = kWcagB,
    .en301549 = {},
    .act = kActB,
    .impact = engine::Impact::kMinor,
    .check = &CheckNoException,
    .passes = kPassesB,
    .fails = kFailsB,
    .inapplicable = kInapplicableB,
    .level = "AAA",
    .target_tags = targets::kMeta};

}  // namespace plainsight::rules
