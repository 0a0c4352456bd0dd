// plainsight rules [--format text|json|markdown]: the rule catalogue, from the rules' metadata.
// `--format markdown` generates docs/rules.md.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "engine/site/site_model.h"
#include "engine/utf8.h"
#include "rules/catalog.h"

namespace plainsight::cli {
namespace {

std::string Join(std::span<const std::string_view> values, std::string_view sep) {
  std::string out;
  for (std::string_view v : values) {
    if (!out.empty()) {
      out += sep;
    }
    out += v;
  }
  return out;
}

nlohmann::json SiteRuleJson(const engine::site::SiteRule& r) {
  auto list = [](std::span<const std::string_view> v) {
    nlohmann::json a = nlohmann::json::array();
    for (auto s : v) {
      a.push_back(std::string(s));
    }
    return a;
  };
  nlohmann::json j;
  j["id"] = std::string(r.id);
  j["summary"] = std::string(r.summary);
  j["why"] = std::string(r.why);
  j["help"] = std::string(r.help);
  j["requirements"] = list(r.requirements);
  j["severity"] = engine::SeverityName(r.severity);
  j["impact"] = engine::ImpactName(r.impact);
  j["wcag"] = list(r.wcag);
  j["en301549"] = list(r.en301549);
  nlohmann::json options = nlohmann::json::array();
  for (const engine::RuleOption& o : r.options) {
    options.push_back({{"name", std::string(o.name)},
                       {"default", o.default_value},
                       {"description", std::string(o.description)}});
  }
  j["options"] = options;
  return j;
}

// Site rules judge a body's whole site (docs/site-checks.md), after the page rules.
void WriteSiteRulesMarkdown(std::ostream& out) {
  out << "\n# Site-level rules\n\n"
         "Judged once per site, on the signals of every crawled page (see "
         "[site-checks.md](site-checks.md)), by `plainsight scan` (stored as site facts) and "
         "`plainsight audit URL` (`\"site\"` in the JSON).\n\n"
         "| id | what passing means | required by | severity | impact |\n"
         "| --- | --- | --- | --- | --- |\n";
  for (const engine::site::SiteRule* r : rules::AllSiteRules()) {
    out << "| [`" << r->id << "`](#" << r->id << ") | " << r->summary << " | "
        << Join(r->requirements, "; ") << " | " << engine::SeverityName(r->severity) << " | "
        << engine::ImpactName(r->impact) << " |\n";
  }
  for (const engine::site::SiteRule* r : rules::AllSiteRules()) {
    out << "\n<a id=\"" << r->id << "\"></a>\n\n## " << r->id << "\n\n"
        << r->summary << ".\n\n"
        << "- Why it matters: " << r->why << "\n"
        << "- How to fix: " << r->help << "\n"
        << "- Required by: " << Join(r->requirements, "; ") << "\n";
    if (!r->wcag.empty()) {
      out << "- WCAG 2.1/2.2: " << Join(r->wcag, ", ") << "\n";
    }
    if (!r->en301549.empty()) {
      out << "- EN 301 549: " << Join(r->en301549, ", ") << "\n";
    }
    for (const engine::RuleOption& o : r->options) {
      out << "- Option `" << o.name << "` (default " << o.default_value << "): " << o.description
          << "\n";
    }
  }
}

// What a rule checks: web pages ("page"), PDF documents ("pdf"), DOCX and ODT documents
// ("office"), or the text of any of them and of `plainsight text` files ("text").
const char* AppliesTo(const engine::Rule& r) {
  return r.check_pdf != nullptr      ? "pdf"
         : r.check_office != nullptr ? "office"
         : r.check_text != nullptr   ? "text"
                                     : "page";
}

// A text rule's example as one Markdown line: whitespace collapsed, shortened.
std::string ExampleLine(std::string_view example) {
  std::string out;
  for (char c : example) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) {
      continue;
    }
    out += space ? ' ' : c;
  }
  if (out.size() > 200) {
    out = out.substr(0, engine::Utf8CutPoint(out, 200)) + "…";
  }
  if (out.empty()) {
    return "(empty text)";
  }
  std::string escaped;
  for (char c : out) {
    if (c == '|' || c == '`') {
      escaped += '\\';
    }
    escaped += c;
  }
  return escaped;
}

// The severity policy (issue #11), the preamble of docs/rules.md. engine/rule.h's Severity is
// the one scale every finding carries.
constexpr std::string_view kSeverityPolicy =
    "## Severity\n\n"
    "Every finding says how sure plainsight is, on one scale:\n\n"
    "- **error**: a failure we are sure of. The page does not meet the success criterion "
    "here, whatever a person would say (an image without a text alternative, a label whose "
    "`for` names no field). Outcome `failed`, `\"severity\":\"error\"`.\n"
    "- **warning**: very likely a failure, and a person should look. The markup shows the "
    "usual signs of a failure, but something the page does not show could make it right "
    "(a script adding key handling, a visible question above a group of radio buttons). "
    "Outcome still `failed`, with `\"severity\":\"warning\"`, so it counts towards the "
    "exit status like an error.\n"
    "- **notice**: needs a person to decide. plainsight found something to look at but "
    "cannot tell from the page whether it fails (is this text a heading? does this click "
    "handler have a keyboard route?). Outcome `cantTell` (ACT's name), listed with "
    "`--review`; it never changes the exit status.\n\n"
    "A rule fails with the severity in the table below; some rules give a warning instead for "
    "the targets they are less sure of, and a notice for those they cannot decide. A rule "
    "never guesses a failure to avoid a notice. Each rule's section says what it cannot "
    "know.\n\n"
    "## Rules\n\n";

}  // namespace

int RunRules(int argc, char** argv) {
  std::string format = "text";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--format" && i + 1 < argc) {
      format = argv[++i];
    } else if (arg.rfind("--format=", 0) == 0) {
      format = std::string(arg.substr(9));
    } else {
      return UsageError("usage: plainsight rules [--format text|json|markdown]");
    }
  }
  auto rules = rules::AllRules();
  if (format == "json") {
    nlohmann::json arr = nlohmann::json::array();
    for (const engine::Rule* r : rules) {
      nlohmann::json j;
      j["id"] = std::string(r->id);
      j["summary"] = std::string(r->summary);
      j["why"] = std::string(r->why);
      j["help"] = std::string(r->help);
      j["limits"] = std::string(r->limits);  // what it cannot know ("" when not written yet)
      j["severity"] = engine::SeverityName(r->severity);  // of a failure: error or warning
      j["impact"] = engine::ImpactName(r->impact);
      j["level"] = std::string(r->level);
      auto list = [](std::span<const std::string_view> v) {
        nlohmann::json a = nlohmann::json::array();
        for (auto s : v) {
          a.push_back(std::string(s));
        }
        return a;
      };
      j["wcag"] = list(r->wcag);
      j["en301549"] = list(r->en301549);
      j["act"] = list(r->act);
      j["applies_to"] = AppliesTo(*r);
      j["techniques"] = list(r->techniques);
      nlohmann::json options = nlohmann::json::array();
      for (const engine::RuleOption& o : r->options) {
        options.push_back({{"name", std::string(o.name)},
                           {"default", o.default_value},
                           {"description", std::string(o.description)}});
      }
      j["options"] = options;
      j["examples"] = {{"passed", list(r->passes)},
                       {"failed", list(r->fails)},
                       {"inapplicable", list(r->inapplicable)},
                       {"cantTell", list(r->cant_tell)}};
      arr.push_back(j);
    }
    nlohmann::json site = nlohmann::json::array();
    for (const engine::site::SiteRule* r : rules::AllSiteRules()) {
      site.push_back(SiteRuleJson(*r));
    }
    std::cout << nlohmann::json{{"rules", arr}, {"site_rules", site}}.dump(2) << "\n";
  } else if (format == "markdown") {
    std::cout
        << "# plainsight rules\n\n"
           "Generated by `plainsight rules --format markdown` (make rules-doc) from the rules'"
           " metadata; do not edit by hand.\n\n"
        << kSeverityPolicy
        << "| id | what passing means | WCAG | EN 301 549 | ACT | severity | impact |\n"
           "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const engine::Rule* r : rules) {
      std::cout << "| [`" << r->id << "`](#" << r->id << ") | " << r->summary << " | "
                << (r->wcag.empty() ? std::string("-")
                                    : Join(r->wcag, ", ") + " (" + std::string(r->level) + ")")
                << " | " << Join(r->en301549, ", ") << " | " << Join(r->act, ", ") << " | "
                << engine::SeverityName(r->severity) << " | " << engine::ImpactName(r->impact)
                << " |\n";
    }
    for (const engine::Rule* r : rules) {
      // An explicit anchor: Markdown renderers drop the dot from generated heading ids.
      std::cout << "\n<a id=\"" << r->id << "\"></a>\n\n## " << r->id << "\n\n"
                << r->summary << ".\n\n"
                << "- Why it matters: " << r->why << "\n"
                << "- How to fix: " << r->help << "\n"
                << "- WCAG 2.1/2.2: "
                << (r->wcag.empty()
                        ? std::string("- (plain-language advice, run at every level)")
                        : Join(r->wcag, ", ") + " (level " + std::string(r->level) + ")")
                << "\n"
                << "- EN 301 549: " << (r->en301549.empty() ? "-" : Join(r->en301549, ", ")) << "\n"
                << "- ACT rules: " << (r->act.empty() ? "-" : Join(r->act, ", ")) << "\n"
                << "- Severity of a failure: " << engine::SeverityName(r->severity) << "\n";
      if (r->check_text != nullptr) {
        std::cout << "- Checks: the text of pages, PDF, DOCX and ODT documents, and of "
                     "`plainsight text` files (plain-language rules: outcome cantTell, "
                     "severity notice)\n";
      } else if (r->check == nullptr) {
        std::cout << "- Checks: " << (r->check_pdf ? "PDF" : "DOCX and ODT") << " documents\n";
      }
      if (!r->limits.empty()) {
        std::cout << "- What it cannot know: " << r->limits << "\n";
      }
      if (!r->techniques.empty()) {
        std::cout << "- Techniques and checkpoints: " << Join(r->techniques, ", ") << "\n";
      }
      for (const engine::RuleOption& o : r->options) {
        std::cout << "- Option `" << o.name << "` (default " << o.default_value
                  << "): " << o.description << "\n";
      }
      if (r->check_text != nullptr) {
        for (std::string_view e : r->passes) {
          std::cout << "- Passes: `" << ExampleLine(e) << "`\n";
        }
        for (std::string_view e : r->cant_tell) {
          std::cout << "- Needs review: `" << ExampleLine(e) << "`\n";
        }
        for (std::string_view e : r->inapplicable) {
          std::cout << "- Inapplicable: `" << ExampleLine(e) << "`\n";
        }
      }
    }
    WriteSiteRulesMarkdown(std::cout);
  } else if (format == "text") {
    for (const engine::Rule* r : rules) {
      std::cout << r->id << "  " << r->summary << "  ["
                << (r->wcag.empty() ? std::string("no WCAG criterion")
                                    : "WCAG " + Join(r->wcag, ", "))
                << "; " << engine::SeverityName(r->severity) << ", "
                << engine::ImpactName(r->impact) << "]\n";
    }
    for (const engine::site::SiteRule* r : rules::AllSiteRules()) {
      std::cout << r->id << "  " << r->summary << "  [site; " << engine::SeverityName(r->severity)
                << ", " << engine::ImpactName(r->impact) << "]\n";
    }
  } else {
    return UsageError("--format must be text, json or markdown");
  }
  return 0;
}

}  // namespace plainsight::cli
