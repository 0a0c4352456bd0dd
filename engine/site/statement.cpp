// Accessibility statements (statement.h): the model statement's sections, found by headings and
// by wording, in English and Irish.
#include "engine/site/statement.h"

#include <algorithm>
#include <set>

#include "engine/site/text_match.h"
#include "engine/text/extract.h"
#include "engine/url.h"

namespace plainsight::engine::site {
namespace {

// --- Names -------------------------------------------------------------------------------

const Pattern& StatementName() {
  static const Pattern kPattern(
      R"(accessibility statement|statement (?:on|of|about) (?:web )?accessibility|accessibility declaration|declaration of accessibility|r[aá]it(?:eas|is) (?:um )?inrochtaineachta|r[aá]iteas inrochtana)");
  return kPattern;
}

const Pattern& AccessibilityName() {
  static const Pattern kPattern(R"(accessibility|inrochtaineacht|\baccessible (?:web)?site)");
  return kPattern;
}

// References to the Web Accessibility Directive or its Irish transposition.
const Pattern& LegalReference() {
  static const Pattern kPattern(
      R"(2016/2102|358/2020|\bs\.? ?i\.? (?:no\.? ?)?358\b|web accessibility directive|accessibility of websites and mobile applications|inrochtaineacht su[ií]omhanna gr[eé]as[aá]in|accessibility regulations|rialach[aá]in 2020)");
  return kPattern;
}

// --- Section headings (checked in this order: the first that matches names the section) -----

struct HeadingPattern {
  StatementSection section;
  const Pattern* pattern;
};

const std::vector<HeadingPattern>& SectionHeadings() {
  static const Pattern kEnforcement(
      R"(enforcement|forfheidhm|ombudsman|not (?:happy|satisfied) with|unhappy with|dissatisfied with)");
  static const Pattern kFeedback(
      R"(feedback|contact|report(?:ing)? (?:a |an )?(?:accessibility )?(?:problem|issue|barrier)|what to do if you (?:can.?t|cannot)|request(?:ing)? (?:content|information|an? (?:accessible|alternative) format)|aiseolas|teagmh[aá]il|conas (?:fadhb|teagmh))");
  static const Pattern kPreparation(
      R"(preparation|prepar(?:ed|ing) (?:this|the)|how (?:we|this (?:web)?site was) (?:tested|assessed|checked)|(?:date|review) of (?:this |the )?statement|ullmh[uú]|ullmha[ií]odh|d[aá]ta an r[aá]itis)");
  static const Pattern kNonAccessible(
      R"(non-?accessible|inaccessible|not (?:yet )?(?:fully )?accessible|(?:known )?(?:accessibility )?(?:issues|limitations|problems|barriers)|non-?compliance|disproportionate burden|not within (?:the )?scope|outside (?:of )?(?:the )?scope|out of scope|exemptions?|neamh-?inrochtana|nach bhfuil .{0,20}inrochtana|teorainneacha|fadhbanna|ualach d[ií]r[eé]ireach|raon feidhme|neamh-?chomhl[ií]onadh)");
  static const Pattern kCompliance(
      R"((?:compliance|conformance|conformity)(?: status)?|status of (?:compliance|conformance)|st[aá]das (?:comhl[ií]ont|comhr[eé]ir)|comhl[ií]ontacht|comhr[eé]ireacht)");
  static const std::vector<HeadingPattern> kAll = {
      {StatementSection::kEnforcement, &kEnforcement},
      {StatementSection::kFeedback, &kFeedback},
      {StatementSection::kPreparation, &kPreparation},
      {StatementSection::kNonAccessibleContent, &kNonAccessible},
      {StatementSection::kComplianceStatus, &kCompliance},
  };
  return kAll;
}

std::optional<StatementSection> HeadingSection(std::string_view heading) {
  // A long "heading" is a sentence set in bold, not a section title.
  if (heading.empty() || heading.size() > 120) {
    return std::nullopt;
  }
  for (const HeadingPattern& h : SectionHeadings()) {
    if (h.pattern->Search(heading)) {
      return h.section;
    }
  }
  return std::nullopt;
}

// --- Body wording -----------------------------------------------------------------------

const Pattern& StatusContext() {
  static const Pattern kPattern(
      R"(wcag|en ?301 ?549|web content accessibility guidelines|regulations|directive|standard|requirements|treoirl[ií]nte|caighde[aá]n|rialach[aá]in|treoir|2016/2102|leibh[eé]al|level a)");
  return kPattern;
}

const Pattern& PartialStatus() {
  static const Pattern kPattern(
      R"(partially (?:compliant|conformant|conforms?|complies|comply|meets?)|partial(?:ly)? (?:compliance|conformance)|not fully (?:compliant|conformant|accessible|compl(?:y|ies)|conforms?|meets?)|does not fully (?:comply|conform|meet)|compliant in part|in part (?:compliant|with)|p[aá]irt-?chomhl[ií]ont|p[aá]irt-?chomhl[ií]onadh|go p[aá]irteach|i bp[aá]irt|n[ií]l .{0,60}go hioml[aá]n)");
  return kPattern;
}

const Pattern& NonStatus() {
  static const Pattern kPattern(
      R"((?:is|are) not (?:compliant|conformant)|non-?compliant|not in (?:compliance|conformance)|does not (?:comply|conform|meet)|neamh-?chomhl[ií]ontach|n[ií]l .{0,60}comhl[ií]ontach)");
  return kPattern;
}

const Pattern& FullStatus() {
  static const Pattern kPattern(
      R"(fully (?:compliant|conformant|conforms?|complies|meets?)|full (?:compliance|conformance)|(?:is|are) (?:compliant|conformant) with|complies with|conforms (?:fully )?(?:to|with)|meets (?:all|the) (?:requirements|success criteria)|l[aá]n-?chomhl[ií]ontach|comhl[ií]ontach go hioml[aá]n|go hioml[aá]n comhl[ií]ontach|comhl[ií]onann .{0,60}go hioml[aá]n)");
  return kPattern;
}

// A sentence about what the body hopes for, not what is ("we aim to be fully compliant").
const Pattern& Aspiration() {
  static const Pattern kPattern(
      R"(\b(?:aim|aims|aiming|working (?:towards|to)|work towards|will be|intend|strive|striving|plan|goal|seek|hope)\b|ag obair|beidh|mar aidhm)");
  return kPattern;
}

const Pattern& NonAccessibleWording() {
  static const Pattern kPattern(
      R"(non-?accessible|not (?:yet )?(?:fully )?accessible|inaccessible|neamh-?inrochtana|nach bhfuil .{0,30}inrochtana|n[ií]l .{0,60}inrochtana)");
  return kPattern;
}

const Pattern& ListingWording() {
  static const Pattern kPattern(
      R"(following|below|listed|include|for example|such as|these|seo a leanas|th[ií]os|mar shampla|san [aá]ireamh)");
  return kPattern;
}

const Pattern& ReasonNonCompliance() {
  static const Pattern kPattern(
      R"(non-?compliance|not compliant with|does not (?:meet|comply)|fails? (?:to meet|wcag|success criteri)|success criteri(?:on|a)|\bwcag (?:2\.[0-2] )?(?:sc )?\d\.\d\.\d|neamh-?chomhl[ií]onadh|crit[eé]ar ratha)");
  return kPattern;
}

const Pattern& ReasonBurden() {
  static const Pattern kPattern(
      R"(disproportionate burden|ualach d[ií]r[eé]ireach|ualach m[ií]-?chothrom)");
  return kPattern;
}

const Pattern& ReasonScope() {
  static const Pattern kPattern(
      R"(not within (?:the )?scope|outside (?:of )?(?:the )?scope|out of scope|not in scope|not covered by the (?:regulations|directive|legislation)|(?:is|are) exempt|exempt(?:ed)? (?:from|under)|lasmuigh de raon feidhme|nach bhfuil .{0,30}raon feidhme|d[ií]olmhaithe)");
  return kPattern;
}

const Pattern& PreparationWording() {
  static const Pattern kPattern(
      R"((?:statement|r[aá]iteas)\b.{0,40}\b(?:prepared|created|drawn up|written|produced|published|reviewed|updated)|prepared on|(?:last )?(?:reviewed|updated|revised) on|ullmha[ií]odh|athbhreithn[ií]odh|rinneadh athbhreithni[uú]|nuashonra[ií]odh|cruthaíodh an r[aá]iteas)");
  return kPattern;
}

const Pattern& SelfAssessment() {
  static const Pattern kPattern(
      R"(self-?assess|self-?evaluat|internal(?:ly)? (?:audit|assess|evaluat|review|test)|(?:audit|assessment|evaluation|review|testing) (?:was )?(?:carried out|done|conducted|performed) (?:internally|in-house|by (?:our|the) (?:own )?(?:staff|team|web team|organisation))|in-house (?:audit|assessment|testing|review)|f[eé]in-?mheas|measún[uú] inmhe[aá]nach)");
  return kPattern;
}

const Pattern& ThirdParty() {
  static const Pattern kPattern(
      R"(third[- ]part(?:y|ies)|external (?:audit|assess|evaluat|review|agency|company|expert|consultan|organisation|accessibility)|independent(?:ly)? (?:audit|assess|evaluat|review|test|accessibility|expert)|certif(?:ied|ication)|tr[ií][uú] p[aá]irt|measún[uú] seachtrach|neamhsple[aá]ch)");
  return kPattern;
}

const Pattern& FeedbackWording() {
  static const Pattern kPattern(
      R"(contact us|let us know|get in touch|tell us|e-?mail us|call us|write to us|feedback|if you (?:find|have|notice|encounter|come across|experience|need|cannot|can.?t)|d[eé]an teagmh[aá]il|cuir in i[uú]l d[uú]inn|aiseolas|seol r[ií]omhphost)");
  return kPattern;
}

const Pattern& EnforcementWording() {
  static const Pattern kPattern(
      R"(ombudsman|enforcement (?:procedure|body|authority)|(?:not|un)(?:happy|satisfied) with (?:our|the|how we|this) (?:response|reply|answer)|unsatisfactory (?:response|reply)|equality (?:and human rights )?commission|equality body|forfheidhm)");
  return kPattern;
}

const Pattern& Standards() {
  static const Pattern kPattern(
      R"(\bwcag ?(?:2\.[0-2]|2|1\.0)?|web content accessibility guidelines (?:\(wcag\) )?(?:2\.[0-2])?|\ben ?301 ?549)");
  return kPattern;
}

// What a date is, from the words near it. "Published" is left out: statements date the
// documents they exempt that way ("PDFs published before 23 September 2018").
const Pattern& ReviewedWord() {
  static const Pattern kPattern(R"(review|revised|revisit|athbhreithn)");
  return kPattern;
}

const Pattern& UpdatedWord() {
  static const Pattern kPattern(R"(updated|\bupdate|nuashonr)");
  return kPattern;
}

const Pattern& PreparedWord() {
  static const Pattern kPattern(
      R"(prepared|created|drawn up|written|produced|ullmha|cruth[aá]iodh|scr[ií]obhadh)");
  return kPattern;
}

// The last match of `p` in `text`, or npos.
size_t LastMatch(const Pattern& p, std::string_view text) {
  size_t last = std::string_view::npos;
  for (const Match& m : p.FindAll(text)) {
    last = m.start;
  }
  return last;
}

StatementDate::Kind DateKind(std::string_view before, std::string_view after) {
  struct Word {
    const Pattern* p;
    StatementDate::Kind kind;
  };

  const Word words[] = {{&ReviewedWord(), StatementDate::Kind::kReviewed},
                        {&UpdatedWord(), StatementDate::Kind::kUpdated},
                        {&PreparedWord(), StatementDate::Kind::kPrepared}};
  // The nearest word before the date decides; Irish often puts the verb after it ("Is é an 30
  // Lúnasa 2022 an uair dheireanach a nuashonraíodh é").
  size_t best = std::string_view::npos;
  StatementDate::Kind kind = StatementDate::Kind::kOther;
  for (const Word& w : words) {
    size_t at = LastMatch(*w.p, before);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      best = at;
      kind = w.kind;
    }
  }
  if (best != std::string_view::npos) {
    return kind;
  }
  size_t nearest = std::string_view::npos;
  for (const Word& w : words) {
    auto m = w.p->Find(after);
    if (m && m->start < nearest) {
      nearest = m->start;
      kind = w.kind;
    }
  }
  return kind;
}

// The sentence-ish stretch of `text` before `at` (back to the last full stop), at most `max`.
std::string_view Before(std::string_view text, size_t at, size_t max) {
  size_t from = at > max ? at - max : 0;
  std::string_view s = text.substr(from, at - from);
  size_t stop = s.find_last_of(".!?;");
  // "23rd Sept." or "St." would cut too early; only cut at a stop followed by a space and far
  // enough back to leave the verb.
  if (stop != std::string_view::npos && stop + 2 < s.size() && s[stop + 1] == ' ' &&
      s.size() - stop > 12) {
    s = s.substr(stop + 1);
  }
  return s;
}

std::string_view After(std::string_view text, size_t at, size_t max) {
  std::string_view s = text.substr(at, std::min(max, text.size() - at));
  size_t stop = s.find_first_of(".!?;");
  return stop == std::string_view::npos ? s : s.substr(0, stop);
}

bool IsWebLink(const LinkSignal& l) {
  return l.url.rfind("http://", 0) == 0 || l.url.rfind("https://", 0) == 0;
}

}  // namespace

const char* StatementSectionName(StatementSection section) noexcept {
  switch (section) {
    case StatementSection::kComplianceStatus:
      return "compliance-status";
    case StatementSection::kNonAccessibleContent:
      return "non-accessible-content";
    case StatementSection::kPreparation:
      return "preparation";
    case StatementSection::kFeedback:
      return "feedback";
    case StatementSection::kEnforcement:
      return "enforcement";
  }
  return "";
}

const char* ComplianceStatusName(ComplianceStatus status) noexcept {
  switch (status) {
    case ComplianceStatus::kUnknown:
      return "unknown";
    case ComplianceStatus::kFull:
      return "fully-compliant";
    case ComplianceStatus::kPartial:
      return "partially-compliant";
    case ComplianceStatus::kNon:
      return "not-compliant";
    case ComplianceStatus::kAmbiguous:
      return "ambiguous";
  }
  return "";
}

const char* StatementDateKindName(StatementDate::Kind kind) noexcept {
  switch (kind) {
    case StatementDate::Kind::kPrepared:
      return "prepared";
    case StatementDate::Kind::kReviewed:
      return "reviewed";
    case StatementDate::Kind::kUpdated:
      return "updated";
    case StatementDate::Kind::kOther:
      return "other";
  }
  return "";
}

bool NamesStatement(std::string_view text) {
  return StatementName().Search(text);
}

bool NamesAccessibility(std::string_view text) {
  return AccessibilityName().Search(text);
}

bool UrlNamesAccessibility(std::string_view url) {
  auto parsed = ParseUrl(url);
  if (!parsed) {
    return false;
  }
  // URL paths are ASCII (percent-encoded), so ASCII lowering is exact here.
  std::string path = AsciiLower(parsed->path);
  return path.find("accessib") != std::string::npos || path.find("inrochtain") != std::string::npos;
}

int CountSectionHeadings(const std::vector<std::string>& headings) {
  std::set<StatementSection> found;
  for (const std::string& h : headings) {
    if (auto s = HeadingSection(h)) {
      found.insert(*s);
    }
  }
  return static_cast<int>(found.size());
}

StatementSignals AnalyseStatement(const Document& document, const std::vector<LinkSignal>& links,
                                  std::string_view title, std::string_view main_heading) {
  StatementSignals out;
  std::string lang = AsciiLower(document.Lang());
  out.language = lang.substr(0, lang.find('-'));

  text::HtmlExtractOptions extract;
  extract.main_content_only = true;
  text::ExtractedText extracted = text::ExtractFromDocument(document, extract);

  struct Block {
    std::string text;
    bool heading = false;
    uint32_t source_offset = 0;
    std::optional<StatementSection> section;  // the section it sits in
  };

  std::vector<Block> blocks;
  blocks.reserve(extracted.blocks.size());

  // Section spans in source offsets: [start of its heading, start of the next section heading).
  struct Span {
    StatementSection section;
    uint32_t start = 0;
    uint32_t end = UINT32_MAX;
  };

  std::vector<Span> spans;
  std::optional<StatementSection> current;
  bool legal_reference = false;
  bool names_statement_in_text = false;
  for (const text::TextBlock& tb : extracted.blocks) {
    Block b;
    b.text = NormaliseText(tb.text);
    if (b.text.empty()) {
      continue;
    }
    b.heading = tb.kind == text::BlockKind::kHeading;
    b.source_offset = tb.map.empty() ? 0 : tb.SourceOffset(0);
    if (b.heading) {
      if (auto s = HeadingSection(b.text)) {
        current = s;
        if (!spans.empty()) {
          spans.back().end = b.source_offset;
        }
        spans.push_back(Span{*s, b.source_offset});
        SectionFound& f = out.section(*s);
        if (!f.by_heading) {
          f.found = true;
          f.by_heading = true;
          f.evidence = Truncate(b.text, 120);
        }
      }
    }
    b.section = current;
    legal_reference = legal_reference || LegalReference().Search(b.text);
    names_statement_in_text = names_statement_in_text || StatementName().Search(b.text);
    blocks.push_back(std::move(b));
  }

  auto found_by_text = [&](StatementSection s, const std::string& text, const Match& m) {
    SectionFound& f = out.section(s);
    if (!f.found) {
      f.found = true;
      f.evidence = Snippet(text, m.start, m.end, 160);
    }
  };

  // Compliance status: from the compliance section when a heading names it, else from sentences
  // that name the standard or the law.
  bool status_section = out.section(StatementSection::kComplianceStatus).by_heading;
  std::set<ComplianceStatus> statuses;
  std::string first_status_evidence;
  for (const Block& b : blocks) {
    if (b.heading) {
      continue;
    }
    bool in_status_section = b.section == StatementSection::kComplianceStatus;
    if (status_section ? !in_status_section : !StatusContext().Search(b.text)) {
      continue;
    }
    ComplianceStatus status = ComplianceStatus::kUnknown;
    std::optional<Match> m;
    if ((m = PartialStatus().Find(b.text))) {
      status = ComplianceStatus::kPartial;
    } else if ((m = NonStatus().Find(b.text))) {
      status = ComplianceStatus::kNon;
    } else if ((m = FullStatus().Find(b.text)) && !Aspiration().Search(b.text)) {
      status = ComplianceStatus::kFull;
    }
    if (status == ComplianceStatus::kUnknown) {
      continue;
    }
    statuses.insert(status);
    found_by_text(StatementSection::kComplianceStatus, b.text, *m);
    if (first_status_evidence.empty()) {
      first_status_evidence = Snippet(b.text, m->start, m->end, 200);
    }
  }
  if (statuses.size() == 1) {
    out.status = *statuses.begin();
  } else if (statuses.size() > 1) {
    out.status = ComplianceStatus::kAmbiguous;
  }
  out.status_evidence = first_status_evidence;

  std::vector<StatementDate> dates;
  for (const Block& b : blocks) {
    const std::string& t = b.text;
    if (auto m = ReasonNonCompliance().Find(t)) {
      out.reason_non_compliance = true;
      found_by_text(StatementSection::kNonAccessibleContent, t, *m);
    }
    if (auto m = ReasonBurden().Find(t)) {
      out.reason_disproportionate_burden = true;
      found_by_text(StatementSection::kNonAccessibleContent, t, *m);
    }
    if (auto m = ReasonScope().Find(t)) {
      out.reason_out_of_scope = true;
      found_by_text(StatementSection::kNonAccessibleContent, t, *m);
    }
    if (!b.heading) {
      if (auto m = NonAccessibleWording().Find(t); m && ListingWording().Search(t)) {
        found_by_text(StatementSection::kNonAccessibleContent, t, *m);
      }
      if (auto m = PreparationWording().Find(t)) {
        found_by_text(StatementSection::kPreparation, t, *m);
      }
      if (auto m = FeedbackWording().Find(t)) {
        found_by_text(StatementSection::kFeedback, t, *m);
      }
      if (auto m = EnforcementWording().Find(t)) {
        found_by_text(StatementSection::kEnforcement, t, *m);
      }
    }
    out.method_self_assessment = out.method_self_assessment || SelfAssessment().Search(t);
    out.method_third_party = out.method_third_party || ThirdParty().Search(t);
    for (const Match& m : Standards().FindAll(t)) {
      std::string s = NormaliseText(t.substr(m.start, m.end - m.start));
      if (std::find(out.standards.begin(), out.standards.end(), s) == out.standards.end() &&
          out.standards.size() < 5) {
        out.standards.push_back(std::move(s));
      }
    }
    FindContacts(t, out.contacts);
    for (FoundDate& d : FindDates(t)) {
      StatementDate sd;
      sd.kind = DateKind(Before(t, d.offset, 120), After(t, d.offset + d.text.size(), 100));
      sd.in_preparation_section = b.section == StatementSection::kPreparation;
      sd.context = Snippet(t, d.offset, d.offset + d.text.size(), 160);
      sd.date = std::move(d);
      dates.push_back(std::move(sd));
    }
  }
  out.dates = std::move(dates);

  // Links in the statement's own content (not the site's header, navigation or footer).
  for (const LinkSignal& l : links) {
    if (l.region != LinkRegion::kMain || l.alternate) {
      continue;
    }
    if (l.url.rfind("mailto:", 0) == 0) {
      AddEmail(l.url.substr(7), out.contacts);
      continue;
    }
    if (l.url.rfind("tel:", 0) == 0) {
      AddPhone(l.url.substr(4), out.contacts);
      continue;
    }
    if (!IsWebLink(l)) {
      continue;
    }
    if (l.Has(kTopicContact)) {
      out.contact_form_link = true;
    }
    bool in_enforcement = false;
    for (const Span& s : spans) {
      if (s.section == StatementSection::kEnforcement && l.offset >= s.start && l.offset < s.end) {
        in_enforcement = true;
      }
    }
    if ((in_enforcement || l.Has(kTopicEnforcement)) &&
        std::find(out.enforcement_links.begin(), out.enforcement_links.end(), l.url) ==
            out.enforcement_links.end() &&
        out.enforcement_links.size() < 5) {
      out.enforcement_links.push_back(l.url);
    }
  }

  // Is it a statement?
  int sections = 0;
  int by_heading = 0;
  for (const SectionFound& f : out.sections) {
    sections += f.found;
    by_heading += f.by_heading;
  }
  bool strong = NamesStatement(title) || NamesStatement(main_heading);
  bool weak = NamesAccessibility(title) || NamesAccessibility(main_heading) ||
              UrlNamesAccessibility(document.url());
  std::string counted = std::to_string(sections) + " of the model statement's 5 sections";
  if (strong) {
    out.is_statement = true;
    out.why = "its title or main heading names an accessibility statement; " + counted;
  } else if (weak &&
             (sections >= 2 || legal_reference || (names_statement_in_text && sections >= 1))) {
    out.is_statement = true;
    out.why = "it is about accessibility and has " + counted +
              (legal_reference ? " and refers to the Web Accessibility Directive or its regulations"
                               : "");
  } else if (by_heading >= 3) {
    out.is_statement = true;
    out.why =
        "its headings are " + std::to_string(by_heading) + " of the model statement's sections";
  } else {
    out.why = weak ? "it is about accessibility but has only " + counted +
                         " and does not call itself a statement"
                   : "it has " + counted;
  }
  return out;
}

}  // namespace plainsight::engine::site
