// Reading a scan back for reports (scan_data.h).
#include "reports/scan_data.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace plainsight::reports {

std::vector<std::string> SplitList(const std::string& joined) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < joined.size()) {
    size_t comma = joined.find(',', start);
    std::string item =
        joined.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    size_t b = item.find_first_not_of(' ');
    size_t e = item.find_last_not_of(' ');
    if (b != std::string::npos) {
      out.push_back(item.substr(b, e - b + 1));
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

engine::Result<RuleIndex> RuleIndex::Load(store::Store& store, int64_t scan_id) {
  auto rules = store.Rules(scan_id);
  if (!rules) {
    return rules.error();
  }
  RuleIndex index;
  for (store::RuleInfo& r : *rules) {
    RuleMeta meta;
    meta.wcag = SplitList(r.wcag);
    meta.en301549 = SplitList(r.en301549);
    meta.act = SplitList(r.act);
    std::string id = r.id;
    meta.info = std::move(r);
    index.rules_.emplace(std::move(id), std::move(meta));
  }
  return index;
}

const RuleMeta* RuleIndex::Find(const std::string& id) const {
  auto it = rules_.find(id);
  return it == rules_.end() ? nullptr : &it->second;
}

bool IsDocument(const store::PageRecord& page) {
  return page.kind != "html" && page.kind != "other" && !page.kind.empty();
}

DocumentTally TallyDocuments(const BodyData& body) {
  DocumentTally tally;
  for (const store::PageRecord& page : body.pages) {
    if (!IsDocument(page)) {
      continue;
    }
    ++tally.documents;
    if (!page.error.empty()) {
      ++tally.unreadable;
      continue;
    }
    bool failed = false;
    bool review = false;
    for (const store::FindingRecord& f : page.findings) {
      failed = failed || f.outcome == "failed";
      review = review || f.outcome == "cantTell";
    }
    tally.with_failures += failed;
    tally.to_review += !failed && review;
  }
  return tally;
}

std::string DocumentsSummary(const DocumentTally& t) {
  return std::to_string(t.documents) + (t.documents == 1 ? " document" : " documents") +
         " found: " + std::to_string(t.with_failures) + " with failed checks, " +
         std::to_string(t.to_review) + " with checks to review only, " +
         std::to_string(t.documents - t.with_failures - t.to_review - t.unreadable) +
         " with nothing found, " + std::to_string(t.unreadable) + " that could not be read.";
}

std::vector<std::string> FailedRules(const store::PageRecord& page) {
  std::vector<std::string> rules;
  for (const store::FindingRecord& f : page.findings) {
    if (f.outcome == "failed" && std::find(rules.begin(), rules.end(), f.rule) == rules.end()) {
      rules.push_back(f.rule);
    }
  }
  return rules;
}

engine::Result<BodyData> LoadBody(store::Store& store, int64_t scan_id,
                                  const store::ScanBody& body) {
  BodyData data;
  data.body = body;
  auto read = store.ForEachPage(scan_id, body.body.id, [&](const store::PageRecord& page) {
    data.pages.push_back(page);
    return true;
  });
  if (!read) {
    return read.error();
  }
  auto facts = store.SiteFacts(scan_id, body.body.id);
  if (!facts) {
    return facts.error();
  }
  for (const store::SiteFact& f : *facts) {
    SiteCheck check;
    check.id = f.name;
    check.value = f.value;
    auto j = nlohmann::json::parse(f.value, nullptr, false);
    if (j.is_object()) {
      check.outcome = j.value("outcome", "");
      check.message = j.value("message", "");
    }
    data.site_checks.push_back(std::move(check));
  }
  return data;
}

BodyTally Tally(const BodyData& body, const RuleIndex& rules, const ScoringOptions& options) {
  BodyTally t;

  // Page-criterion states, worst first.
  enum State { kNone, kPassed, kCantTell, kWarning, kError };

  for (const store::PageRecord& page : body.pages) {
    if (!page.error.empty()) {
      ++t.pages_failed;
      continue;
    }
    bool document = IsDocument(page);
    if (document) {
      ++t.documents;
      if (page.rules.empty()) {
        continue;  // found, not audited
      }
      ++t.documents_audited;
    } else if (page.kind == "html") {
      ++t.pages_audited;
    } else {
      continue;
    }
    // The worst failure severity of each rule on this page.
    std::map<std::string, State> rule_failure;
    bool document_error = false;
    for (const store::FindingRecord& f : page.findings) {
      if (f.outcome == "failed") {
        State s = f.severity == "warning" ? kWarning : kError;
        State& cur = rule_failure[f.rule];
        cur = std::max(cur, s);
        (s == kError ? t.failed_error_targets : t.failed_warning_targets) += 1;
        document_error |= s == kError;
      } else if (f.outcome == "cantTell") {
        ++t.cant_tell_targets;
      }
    }
    if (document) {
      t.documents_with_errors += document_error;
      continue;  // documents have their own score
    }
    std::map<std::string, State> criterion_state;
    for (const store::RuleOutcomeRecord& r : page.rules) {
      t.passed_targets += r.passed;
      State s = kNone;
      if (r.outcome == "failed") {
        auto it = rule_failure.find(r.rule);
        s = it == rule_failure.end() ? kError : it->second;
      } else if (r.outcome == "cantTell") {
        s = kCantTell;
      } else if (r.outcome == "passed") {
        s = kPassed;
      }
      if (s == kNone) {
        continue;
      }
      const RuleMeta* meta = rules.Find(r.rule);
      if (meta == nullptr) {
        continue;
      }
      for (const std::string& sc : meta->wcag) {
        State& cur = criterion_state[sc];
        cur = std::max(cur, s);
      }
    }
    for (const auto& [sc, s] : criterion_state) {
      CriterionTally& c = t.criteria[sc];
      switch (s) {
        case kPassed:
          ++c.pages_passed;
          break;
        case kCantTell:
          ++c.pages_cant_tell;
          break;
        case kWarning:
          ++c.pages_failed_warning;
          break;
        case kError:
          ++c.pages_failed_error;
          break;
        case kNone:
          break;
      }
    }
    // Plain language, on pages with enough text.
    if (page.text && page.text->words >= options.min_text_words) {
      ++t.text_pages;
      t.words += page.text->words;
      t.sentences += page.text->sentences;
      t.long_sentences += page.text->long_sentences;
      std::string lang = page.text->lang.substr(0, 2);
      if (lang == "en" && page.text->flesch_kincaid_grade) {
        t.grades.push_back(*page.text->flesch_kincaid_grade);
      }
      for (const store::TextFindingRecord& f : page.text_findings) {
        t.wordy_phrases += f.kind == "wordy-phrase" || f.kind == "jargon" ||
                           f.kind == "text.wordy-phrase" || f.kind == "text.jargon";
      }
    }
  }
  for (const SiteCheck& c : body.site_checks) {
    if (c.outcome.empty()) {
      continue;
    }
    // The accessibility statement is what the Directive requires of every body: its checks
    // count double.
    bool statement = c.id.find("statement") != std::string::npos;
    t.site_checks.push_back({c.id, c.outcome, statement ? 2.0 : 1.0});
  }
  return t;
}

std::set<std::string> FailureKeys(const BodyData& body) {
  std::set<std::string> keys;
  for (const store::PageRecord& page : body.pages) {
    for (const store::FindingRecord& f : page.findings) {
      if (f.outcome == "failed") {
        keys.insert(f.rule + "|" + page.url + "|" + f.selector);
      }
    }
  }
  return keys;
}

}  // namespace plainsight::reports
