// HTML report. It is itself checked by plainsight's own rules in tests (it must pass them).
#include "reports/html_report.h"

#include <map>

namespace plainsight::reports {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff}
a{color:#0b5394}a:focus{outline:3px solid #ffbf47;outline-offset:2px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.35rem .5rem;text-align:left;vertical-align:top}
.failed{color:#a10000;font-weight:bold}.review{color:#6b4e00;font-weight:bold}.passed{color:#00703c;font-weight:bold}
code,pre{font-family:ui-monospace,monospace;font-size:.9rem;background:#f3f3f3;padding:.1rem .25rem;white-space:pre-wrap;word-break:break-all}
.finding{border-left:4px solid #767676;padding:.25rem .75rem;margin:.75rem 0}
)";

}  // namespace

void WriteAuditHtml(std::span<const AuditedInput> inputs, std::ostream& out) {
  int total_failed = 0;
  int total_review = 0;
  for (const auto& input : inputs) {
    for (const auto& r : input.audit.results) {
      if (r.rule != nullptr && engine::IsAdvice(*r.rule)) {
        continue;  // plain-language advice is not part of the accessibility audit
      }
      for (const auto& f : r.findings) {
        total_failed += f.outcome == engine::Outcome::kFailed;
        total_review += f.outcome == engine::Outcome::kCantTell;
      }
    }
  }
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Accessibility audit report - plainsight</title>\n<style>"
      << kStyle << "</style>\n</head>\n<body>\n<header>\n<p>plainsight " << PLAINSIGHT_VERSION
      << "</p>\n</header>\n<main>\n<h1>Accessibility audit report</h1>\n"
      << "<p>" << inputs.size() << (inputs.size() == 1 ? " page" : " pages") << " checked: "
      << "<span class=\"failed\">" << total_failed << " failures</span> and <span class=\"review\">"
      << total_review << " items for a person to review</span>.</p>\n"
      << "<h2>Pages</h2>\n<table>\n<caption>Rules failed and passed on each page</caption>\n"
         "<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Rules failed</th>"
         "<th scope=\"col\">To review</th><th scope=\"col\">Rules "
         "passed</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& input = inputs[i];
    int failed = 0;
    int review = 0;
    int passed = 0;
    for (const auto& r : input.audit.results) {
      if (r.rule != nullptr && engine::IsAdvice(*r.rule)) {
        continue;
      }
      failed += r.outcome == engine::Outcome::kFailed;
      review += r.outcome == engine::Outcome::kCantTell;
      passed += r.outcome == engine::Outcome::kPassed;
    }
    out << "<tr><th scope=\"row\"><a href=\"#page-" << i << "\">" << HtmlEscape(input.source)
        << "</a></th>";
    if (!input.error.empty()) {
      out << "<td colspan=\"3\">Could not be checked: " << HtmlEscape(input.error)
          << "</td></tr>\n";
      continue;
    }
    out << "<td>" << failed << "</td><td>" << review << "</td><td>" << passed << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& input = inputs[i];
    out << "<section aria-labelledby=\"page-" << i << "\">\n<h2 id=\"page-" << i << "\">"
        << HtmlEscape(input.audit.title.empty() ? input.source : input.audit.title) << "</h2>\n"
        << "<p><code>" << HtmlEscape(input.source) << "</code></p>\n";
    if (!input.error.empty()) {
      out << "<p>Could not be checked: " << HtmlEscape(input.error) << "</p>\n</section>\n";
      continue;
    }
    bool any = false;
    for (const auto& r : input.audit.results) {
      if (r.rule != nullptr && engine::IsAdvice(*r.rule)) {
        continue;
      }
      for (const auto& f : r.findings) {
        if (f.outcome != engine::Outcome::kFailed && f.outcome != engine::Outcome::kCantTell) {
          continue;
        }
        any = true;
        bool fail = f.outcome == engine::Outcome::kFailed;
        out << "<div class=\"finding\">\n<h3><span class=\"" << (fail ? "failed" : "review")
            << "\">" << (fail ? "Fails" : "Review") << ":</span> " << HtmlEscape(r.rule->summary)
            << "</h3>\n"
            << "<p>" << HtmlEscape(f.message) << "</p>\n";
        if (f.position.line) {
          out << "<p>Line " << f.position.line << ", column " << f.position.column << ": <code>"
              << HtmlEscape(f.snippet) << "</code></p>\n";
        }
        out << "<p><strong>Why it matters:</strong> " << HtmlEscape(r.rule->why) << "</p>\n"
            << "<p><strong>How to fix:</strong> " << HtmlEscape(r.rule->help) << "</p>\n"
            << "<p>Rule <code>" << HtmlEscape(r.rule->id) << "</code>";
        if (!r.rule->wcag.empty()) {
          out << "; WCAG";
          for (auto sc : r.rule->wcag) {
            out << " " << HtmlEscape(sc);
          }
        }
        if (!r.rule->en301549.empty()) {
          out << "; EN 301 549";
          for (auto c : r.rule->en301549) {
            out << " " << HtmlEscape(c);
          }
        }
        out << "</p>\n</div>\n";
      }
    }
    if (!any) {
      out << "<p class=\"passed\">No failures found by the automated rules.</p>\n";
    }
    out << "</section>\n";
  }
  out << "</main>\n<footer>\n<p>Automated checks find only part of the barriers people meet; "
         "items marked Review need a person to decide.</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace plainsight::reports
