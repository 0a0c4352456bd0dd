// CSV columns and the Data Package descriptor (open_data.h). Table Schema:
// https://specs.frictionlessdata.io/table-schema/ ; Tabular Data Package profile:
// https://specs.frictionlessdata.io/tabular-data-package/ (reports/schemas/ has its JSON
// Schema, which the tests validate against).
#include "reports/open_data.h"

namespace plainsight::reports {
namespace {

constexpr CsvField kBodies[] = {
    {"scan_id", "integer", "The scan these figures come from", true},
    {"body_id", "string", "The body's id in the bodies file", true},
    {"name", "string", "The body's name", true},
    {"url", "string", "Where the body's website starts", true},
    {"sector", "string", "The sector given in the bodies file", false},
    {"lang", "string", "The body's main language given in the bodies file (BCP 47)", false},
    {"state", "string", "done, or failed when no page could be audited", true},
    {"failure_reason", "string", "Why the body failed", false},
    {"pages_audited", "integer", "HTML pages audited", true},
    {"pages_failed", "integer", "Pages that could not be fetched or read", true},
    {"documents", "integer", "PDF and office documents found", true},
    {"failed_error", "integer", "Targets failed with severity error (certain)", true},
    {"failed_warning", "integer", "Targets failed with severity warning (very likely)", true},
    {"cant_tell", "integer", "Targets a person must decide (cantTell)", true},
    {"criteria_tested", "integer", "WCAG success criteria tested on at least one page", true},
    {"criterion_pass_rate", "number", "Mean pass rate over the criteria tested, percent", false},
    {"failures_per_page", "number", "Failures per audited page, warnings counted half", false},
    {"accessibility_score", "number", "Accessibility score, 0-100 (docs/scoring.md)", false},
    {"plain_language_score", "number", "Plain-language score, 0-100", false},
    {"documents_score", "number", "Documents score, 0-100", false},
    {"site_score", "number", "Site-level checks score, 0-100", false},
    {"index", "number", "Overall index, 0-100", false},
    {"band", "integer", "Service level band, 1 (Basic) to 4 (Leading)", false},
    {"confidence", "string", "high, medium, low or none", true},
    {"median_reading_grade", "number", "Median Flesch-Kincaid grade of English pages", false},
    {"long_sentence_share", "number", "Share of sentences over the long-sentence limit, percent",
     false},
    {"wordy_per_1000_words", "number", "Wordy phrases and jargon per 1,000 words", false},
    {"index_previous", "number", "The index in the scan compared with", false},
    {"index_change", "number", "index minus index_previous", false},
    {"new_failures", "integer", "Failures not in the scan compared with", false},
    {"fixed_failures", "integer", "Failures of the scan compared with that are gone", false},
};

constexpr CsvField kPages[] = {
    {"scan_id", "integer", "The scan", true},
    {"body_id", "string", "The body the page belongs to", true},
    {"url", "string", "The page's address as discovered", true},
    {"final_url", "string", "The address after redirects", true},
    {"status", "integer", "HTTP status (0 when no response arrived)", true},
    {"type", "string", "html, pdf, docx, odt, xlsx, pptx or other", true},
    {"title", "string", "The page's title", false},
    {"lang", "string", "The page's declared language", false},
    {"error", "string", "Why the page could not be fetched or read", false},
    {"failed_error", "integer", "Targets failed with severity error", true},
    {"failed_warning", "integer", "Targets failed with severity warning", true},
    {"cant_tell", "integer", "Targets a person must decide", true},
    {"words", "integer", "Words in the page's main text", false},
    {"sentences", "integer", "Sentences in the page's main text", false},
    {"reading_grade", "number", "Flesch-Kincaid grade of the main text", false},
    {"long_sentences", "integer", "Sentences over the long-sentence limit", false},
};

constexpr CsvField kFindings[] = {
    {"scan_id", "integer", "The scan", true},
    {"body_id", "string", "The body", true},
    {"page_url", "string", "The page the finding is on", true},
    {"rule", "string", "The rule's id (docs/rules.md)", true},
    {"outcome", "string", "failed, or cantTell when a person must decide", true},
    {"severity", "string", "error, warning or notice", true},
    {"wcag", "string", "WCAG success criteria, comma-separated", false},
    {"en301549", "string", "EN 301 549 clauses, comma-separated", false},
    {"act", "string", "W3C ACT rule ids, comma-separated", false},
    {"selector", "string", "A CSS selector that finds the element", false},
    {"line", "integer", "Line of the element's start tag (0: the page)", true},
    {"column", "integer", "Column of the element's start tag", true},
    {"snippet", "string", "The element's start tag as written", false},
    {"message", "string", "What is wrong", false},
};

nlohmann::json Schema(std::span<const CsvField> fields,
                      std::initializer_list<const char*> primary_key) {
  nlohmann::json out;
  nlohmann::json list = nlohmann::json::array();
  for (const CsvField& f : fields) {
    nlohmann::json field{{"name", std::string(f.name)},
                         {"type", std::string(f.type)},
                         {"description", std::string(f.description)}};
    if (f.required) {
      field["constraints"] = {{"required", true}};
    }
    list.push_back(std::move(field));
  }
  out["fields"] = std::move(list);
  if (primary_key.size() > 0) {
    out["primaryKey"] = primary_key;
  }
  out["missingValues"] = {""};
  return out;
}

nlohmann::json Resource(const char* name, const char* title, nlohmann::json schema) {
  return {{"name", name},
          {"path", std::string(name) + ".csv"},
          {"title", title},
          {"profile", "tabular-data-resource"},
          {"format", "csv"},
          {"mediatype", "text/csv"},
          {"encoding", "utf-8"},
          {"dialect",
           {{"delimiter", ","},
            {"lineTerminator", "\r\n"},
            {"quoteChar", "\""},
            {"doubleQuote", true},
            {"header", true}}},
          {"schema", std::move(schema)}};
}

}  // namespace

std::span<const CsvField> BodiesCsvFields() {
  return kBodies;
}

std::span<const CsvField> PagesCsvFields() {
  return kPages;
}

std::span<const CsvField> FindingsCsvFields() {
  return kFindings;
}

std::string CsvHeader(std::span<const CsvField> fields) {
  std::string out;
  for (const CsvField& f : fields) {
    if (!out.empty()) {
      out += ',';
    }
    out += f.name;
  }
  return out + "\r\n";
}

nlohmann::json DataPackage(const DataPackageInfo& info) {
  nlohmann::json pkg;
  pkg["profile"] = "tabular-data-package";
  pkg["name"] = info.name;
  pkg["title"] = info.title;
  pkg["description"] = info.description;
  pkg["created"] = info.created;
  pkg["version"] = info.tool_version;
  pkg["contributors"] = {{{"title", "plainsight " + info.tool_version}, {"role", "author"}}};
  pkg["licenses"] = {{{"name", "CC0-1.0"},
                      {"path", "https://creativecommons.org/publicdomain/zero/1.0/"},
                      {"title", "Creative Commons Zero v1.0 Universal"}}};
  nlohmann::json pages = Schema(kPages, {"scan_id", "body_id", "url"});
  nlohmann::json findings = Schema(kFindings, {});
  pkg["resources"] = {
      Resource("bodies", "Public bodies and their scores", Schema(kBodies, {"scan_id", "body_id"})),
      Resource("pages", "Pages and documents fetched", std::move(pages)),
      Resource("findings", "Failed and cantTell findings", std::move(findings))};
  return pkg;
}

}  // namespace plainsight::reports
