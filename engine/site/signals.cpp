// Per-page signals for the site-level checks (signals.h).
#include "engine/site/signals.h"

#include <algorithm>

#include "engine/site/statement.h"
#include "engine/site/text_match.h"
#include "engine/text/extract.h"
#include "engine/url.h"

namespace plainsight::engine::site {
namespace {

constexpr size_t kMaxLinkText = 200;

// --- Link topics ---------------------------------------------------------------------------

const Pattern& CharterWords() {
  static const Pattern kPattern(
      R"(customer (?:service )?charter|customer action plan|client (?:service )?charter|citizens?.? charter|service charter|charter of (?:rights|service)|cairt (?:um )?(?:ch[uú]ram )?ch?ustaim[eé]ir|cairt (?:na )?seirbh[ií]se|plean gn[ií]omha[ií]ochta (?:do |na |um )?(?:ch?ustaim[eé]ir|sheirbh[ií]s))");
  return kPattern;
}

const Pattern& ComplaintsWords() {
  static const Pattern kPattern(
      R"(complaints? (?:procedure|policy|process|handling|and appeals|form)|(?:make|making|submit|lodge|lodging|how to make|raise) an? complaint|how to complain|(?:comments?|compliments?|feedback)(?:,? (?:compliments?|comments?))? (?:and|&) complaints|customer complaints|^complaints?$|gear[aá]in|gear[aá]n a dh[eé]anamh|ghear[aá]in|modh d[eé]anta gear[aá]n|your service,? your say)");
  return kPattern;
}

const Pattern& ContactWords() {
  static const Pattern kPattern(
      R"(^contact(?: us)?$|contact us|contact (?:details|information|form)|get in touch|d[eé]an teagmh[aá]il|^teagmh[aá]il|sonra[ií] teagmh[aá]la|eolas teagmh[aá]la)");
  return kPattern;
}

const Pattern& IrishSwitchWords() {
  static const Pattern kPattern(
      R"(^(?:as |i )?gaeilge(?: \(irish\))?$|^leagan gaeilge|^irish(?:-| )language(?: version)?$|^irish version$|^irish(?: \(gaeilge\))?$|^ga$)");
  return kPattern;
}

const Pattern& BareGa() {
  static const Pattern kPattern(R"(^ga$)");
  return kPattern;
}

const Pattern& EnforcementWords() {
  static const Pattern kPattern(
      R"(ombudsman|enforcement|forfheidhm|ihrec|equality (?:and human rights )?commission|workplace relations)");
  return kPattern;
}

// A document named by its link text when the URL does not say ("Annual report (PDF, 2 MB)").
const Pattern& DocumentTextType() {
  static const Pattern kPattern(R"([(\[]\s*(pdf|docx?|word|odt|xlsx?|excel|ods|pptx?|rtf)\b)");
  return kPattern;
}

// Beside a document: a link to its web version.
const Pattern& HtmlVersionWords() {
  static const Pattern kPattern(
      R"(\bhtml\b|web (?:page|version)|online version|read (?:it |(?:this|the|our) (?:[\pL\-]+ ){0,3})?online|view (?:it )?online|accessible (?:version|format)|text(?:-only| only)? version|easy[- ]to[- ]read|easy read|leagan (?:html|inrochtana|gr[eé]as[aá]in)|leathanach gr[eé]as[aá]in|ar l[ií]ne)");
  return kPattern;
}

// A document that is the printable copy of the page it sits on.
const Pattern& PrintableCopyWords() {
  static const Pattern kPattern(
      R"((?:pdf|printable|print|download(?:able)?) (?:version|copy)|download (?:this|the) (?:page|guide|document|report|leaflet)?\s*(?:as|in) (?:a )?pdf|leagan (?:pdf|inphriont[aá]ilte)|print this page)");
  return kPattern;
}

// Beside a document link, words saying the page it sits on is the document's web version ("This
// is the web version of our plan (PDF)", "This timetable is also available as a PDF", "This web
// page has the same content"; Irish "Tá an clár ama seo ar fáil freisin mar PDF", "Is ionann an
// t-ábhar"). The words must speak of this page ("this ..."): "the report is also available as a
// PDF" on a news page does not make the news page the report's web version.
const Pattern& SamePageWords() {
  static const Pattern kPattern(
      R"((?:this is|this page is|you are reading) (?:the|a) (?:web|online|html) (?:version|copy)|this (?:web ?)?page (?:has|says|gives) the same|(?:both|they) (?:say|have) the same|\bth(?:is|ese) (?:[\pL\-]+ ){0,3}(?:is|are) also (?:available )?(?:as|in) (?:a |an )?(?:pdf|word|printable|document)|seo ar f[aá]il freisin mar|is ionann an t-[aá]bhar|leagan gr[eé]as[aá]in (?:de|den|seo))");
  return kPattern;
}

const Pattern& AlternativeFormatOffer() {
  static const Pattern kPattern(
      R"((?:alternative|accessible|other|different|large print|braille|easy[- ]read|audio) formats?|form[aá]id (?:inrochtana|eile|mhalartach|mh?alartach)|request (?:this|these|a copy|it|the document) in)");
  return kPattern;
}

// Page kinds by title or main heading.
const Pattern& ContactPageWords() {
  static const Pattern kPattern(
      R"(contact(?: us| details| information)?\b|get in touch|d[eé]an teagmh[aá]il|teagmh[aá]il|sonra[ií] teagmh[aá]la)");
  return kPattern;
}

// --- DOM helpers -----------------------------------------------------------------------------

bool HasToken(const Node& e, std::string_view attr, std::string_view needle) {
  const std::string* v = e.Attr(attr);
  if (v == nullptr) {
    return false;
  }
  // id and class values are author identifiers, not natural-language text: ASCII lowering is
  // what HTML's own case-insensitive matching of such names does.
  std::string lower = AsciiLower(*v);
  return lower.find(needle) != std::string::npos;
}

bool NavToken(const Node& e) {
  for (std::string_view attr : {"id", "class"}) {
    const std::string* v = e.Attr(attr);
    if (v == nullptr) {
      continue;
    }
    for (std::string_view token : SplitWhitespace(*v)) {
      std::string t = AsciiLower(token);
      if (t.rfind("nav", 0) == 0 || t.find("-nav") != std::string::npos ||
          t.find("_nav") != std::string::npos || t == "menu" || t.rfind("menu-", 0) == 0) {
        return true;
      }
    }
  }
  return false;
}

LinkRegion RegionOf(const Node& link) {
  bool nav = false;
  bool header = false;
  for (const Node* p = link.ParentElement(); p != nullptr; p = p->ParentElement()) {
    std::string role = AsciiLower(p->AttrOr("role"));
    if (p->IsHtml("footer") || role == "contentinfo" || HasToken(*p, "id", "footer") ||
        HasToken(*p, "class", "footer")) {
      return LinkRegion::kFooter;
    }
    if (p->IsHtml("nav") || role == "navigation" || NavToken(*p)) {
      nav = true;
    }
    if (p->IsHtml("header") || role == "banner" || HasToken(*p, "id", "header") ||
        HasToken(*p, "id", "masthead") || HasToken(*p, "class", "masthead")) {
      header = true;
    }
  }
  return nav ? LinkRegion::kNav : header ? LinkRegion::kHeader : LinkRegion::kMain;
}

// Hidden by markup alone (hidden attribute, inline display:none): what a page hides this way
// is not offered to anyone. Styles from stylesheets are not computed here (the crawl thread
// does not cascade); see signals.h.
bool HiddenByMarkup(const Node& e) {
  for (const Node* p = &e; p != nullptr; p = p->ParentElement()) {
    if (p->HasAttribute("hidden")) {
      return true;
    }
    if (const std::string* style = p->Attr("style")) {
      std::string s;
      for (char c : *style) {
        if (c != ' ' && c != '\t' && c != '\n') {
          s += c;
        }
      }
      if (AsciiLower(s).find("display:none") != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

void AppendText(const Node& n, std::string& out) {
  for (const Node* c : n.children()) {
    if (c->IsText()) {
      out += c->text();
    } else if (c->IsElement()) {
      if (c->IsHtml("script") || c->IsHtml("style") || c->IsHtml("template")) {
        continue;
      }
      if (c->IsHtml("img") || (c->IsHtml("input") && AsciiLower(c->AttrOr("type")) == "image")) {
        out += ' ';
        out += c->AttrOr("alt");
        out += ' ';
        continue;
      }
      AppendText(*c, out);
    }
  }
}

// The link's name as people meet it: aria-label, else its text (images by their alt), else its
// title. An approximation of accname 1.2 that needs no computed styles.
std::string LinkText(const Node& a) {
  std::string label = NormaliseText(a.AttrOr("aria-label"));
  if (!label.empty()) {
    return Truncate(label, kMaxLinkText);
  }
  if (const std::string* ids = a.Attr("aria-labelledby")) {
    std::string joined;
    for (std::string_view id : SplitWhitespace(*ids)) {
      if (const Node* target = a.document().GetElementById(id)) {
        AppendText(*target, joined);
        joined += ' ';
      }
    }
    joined = NormaliseText(joined);
    if (!joined.empty()) {
      return Truncate(joined, kMaxLinkText);
    }
  }
  std::string text;
  AppendText(a, text);
  text = NormaliseText(text);
  if (text.empty()) {
    text = NormaliseText(a.AttrOr("title"));
  }
  return Truncate(text, kMaxLinkText);
}

std::string LangOf(const Node& e) {
  for (const Node* p = &e; p != nullptr; p = p->ParentElement()) {
    if (const std::string* l = p->Attr("lang")) {
      return *l;
    }
  }
  return {};
}

// "pdf", "docx", ... from the URL path's extension; "" for anything else.
std::string DocumentTypeOf(const Url& url) {
  std::string path = AsciiLower(url.path);
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return {};
  }
  std::string ext = path.substr(dot + 1);
  static constexpr std::string_view kTypes[] = {"pdf", "docx", "doc", "odt", "xlsx", "xls",
                                                "ods", "pptx", "ppt", "odp", "rtf"};
  for (std::string_view t : kTypes) {
    if (ext == t) {
      return ext;
    }
  }
  return {};
}

std::string DocumentTypeOfText(std::string_view text) {
  std::vector<std::string_view> g;
  if (!DocumentTextType().FindGroups(text, 0, g)) {
    return {};
  }
  std::string t = AsciiLower(g[1]);
  if (t == "word") {
    return "docx";
  }
  if (t == "excel") {
    return "xlsx";
  }
  return t;
}

// The block a document link is offered in: its list item, paragraph, table cell or row.
const Node* OfferContainer(const Node& a) {
  for (const Node* p = a.ParentElement(); p != nullptr; p = p->ParentElement()) {
    if (p->IsHtml("li") || p->IsHtml("p") || p->IsHtml("td") || p->IsHtml("th") ||
        p->IsHtml("tr") || p->IsHtml("dd") || p->IsHtml("dt") || p->IsHtml("figure")) {
      return p;
    }
    if (p->IsHtml("body") || p->IsHtml("main") || p->IsHtml("ul") || p->IsHtml("ol")) {
      break;
    }
  }
  return a.ParentElement();
}

// Where else beside `box` (OfferContainer's result) a web version may be offered: the row of a
// table cell, the list items just before and after a list item.
std::vector<const Node*> NeighbourBoxes(const Node& box) {
  std::vector<const Node*> out;
  if (box.IsHtml("td") || box.IsHtml("th")) {
    const Node* row = box.ParentElement();
    if (row != nullptr && row->IsHtml("tr")) {
      out.push_back(row);
    }
  } else if (box.IsHtml("li")) {
    const Node* list = box.ParentElement();
    if (list != nullptr) {
      const Node* previous = nullptr;
      bool take_next = false;
      for (const Node* c : list->children()) {
        if (!c->IsHtml("li")) {
          continue;
        }
        if (take_next) {
          out.push_back(c);
          break;
        }
        if (c == &box) {
          if (previous != nullptr) {
            out.push_back(previous);
          }
          take_next = true;
        }
        previous = c;
      }
    }
  }
  return out;
}

void CollectAnchors(const Node& n, std::vector<const Node*>& out) {
  for (const Node* c : n.children()) {
    if (!c->IsElement()) {
      continue;
    }
    if ((c->IsHtml("a") || c->IsHtml("area")) && c->HasAttribute("href")) {
      out.push_back(c);
    }
    CollectAnchors(*c, out);
  }
}

struct Resolved {
  std::string key;  // normalised absolute URL, or the mailto:/tel: URL
  std::optional<Url> url;
};

std::optional<Resolved> Resolve(const Document& doc, std::string_view href) {
  auto url = doc.ResolveToUrl(TrimWhitespace(href));
  if (!url) {
    return std::nullopt;
  }
  Resolved r;
  if (url->scheme == "http" || url->scheme == "https") {
    r.key = NormalizeUrl(*url);
    r.url = std::move(*url);
    return r;
  }
  if (url->scheme == "mailto" || url->scheme == "tel") {
    r.key = url->scheme + ":" + url->path;
    return r;
  }
  return std::nullopt;  // javascript:, data:, ftp: ...
}

uint16_t TopicsOf(const LinkSignal& l, const Url* url) {
  uint16_t topics = 0;
  const std::string& text = l.text;
  if (NamesStatement(text) || NamesAccessibility(text)) {
    topics |= kTopicStatement;
  } else if (url != nullptr && UrlNamesAccessibility(l.url)) {
    topics |= kTopicStatementUrl;
  }
  if (CharterWords().Search(text)) {
    topics |= kTopicCharter;
  }
  if (ComplaintsWords().Search(text)) {
    topics |= kTopicComplaints;
  }
  std::string path = url != nullptr ? AsciiLower(url->path) : std::string();
  if (url != nullptr &&
      (ContactWords().Search(text) || path.find("/contact") != std::string::npos ||
       path.find("teagmhail") != std::string::npos)) {
    topics |= kTopicContact;
  }
  if (url != nullptr && (EnforcementWords().Search(text) ||
                         (url->host && url->host->find("ombudsman") != std::string::npos))) {
    topics |= kTopicEnforcement;
  }
  // The Irish-language version: hreflang="ga", or a switcher ("Gaeilge", "As Gaeilge"); a bare
  // "GA" only with an address or lang attribute that says Irish too.
  if (url != nullptr) {
    bool irish_address = path.rfind("/ga/", 0) == 0 || path == "/ga" ||
                         (url->query && (url->query->find("lang=ga") != std::string::npos ||
                                         url->query->find("language=ga") != std::string::npos));
    if (IsIrishTag(l.hreflang) ||
        (IrishSwitchWords().Search(text) &&
         (!BareGa().Search(text) || irish_address || IsIrishTag(l.lang)))) {
      topics |= kTopicIrish;
    }
  }
  if (!l.document_type.empty()) {
    topics |= kTopicDocument;
  }
  return topics;
}

}  // namespace

const char* LinkRegionName(LinkRegion region) noexcept {
  switch (region) {
    case LinkRegion::kMain:
      return "main";
    case LinkRegion::kHeader:
      return "header";
    case LinkRegion::kNav:
      return "nav";
    case LinkRegion::kFooter:
      return "footer";
  }
  return "";
}

bool IsIrishTag(std::string_view lang) {
  std::string_view t = TrimWhitespace(lang);
  return t.size() >= 2 && (t[0] == 'g' || t[0] == 'G') && (t[1] == 'a' || t[1] == 'A') &&
         (t.size() == 2 || t[2] == '-' || t[2] == '_');
}

void KeepTopicLinksOnly(PageSignals& signals) {
  auto& links = signals.links;
  links.erase(
      std::remove_if(links.begin(), links.end(), [](const LinkSignal& l) { return l.topics == 0; }),
      links.end());
  links.shrink_to_fit();
}

PageSignals ExtractSignals(const Document& doc) {
  PageSignals out;
  out.url = doc.url();
  out.title = Truncate(NormaliseText(doc.Title()), 300);
  out.lang = std::string(TrimWhitespace(doc.Lang()));

  std::vector<std::string> headings;
  for (const Node* e : doc.elements()) {
    if (e->ns() != Namespace::kHtml) {
      continue;
    }
    const std::string& tag = e->tag();
    bool heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
    if (heading || AsciiLower(e->AttrOr("role")) == "heading") {
      std::string text;
      AppendText(*e, text);
      text = NormaliseText(text);
      if (out.main_heading.empty() && tag == "h1") {
        out.main_heading = Truncate(text, 300);
      }
      if (!text.empty() && headings.size() < 200) {
        headings.push_back(std::move(text));
      }
      continue;
    }
    bool anchor = (tag == "a" || tag == "area") && e->HasAttribute("href");
    bool alternate = tag == "link" && e->HasAttribute("href") && e->HasAttribute("hreflang") &&
                     AsciiLower(e->AttrOr("rel")).find("alternate") != std::string::npos;
    if (tag == "form") {
      int text_fields = 0;
      bool textarea = false;
      std::vector<const Node*> stack(e->children().begin(), e->children().end());
      while (!stack.empty()) {
        const Node* n = stack.back();
        stack.pop_back();
        if (!n->IsElement()) {
          continue;
        }
        if (n->IsHtml("textarea")) {
          textarea = true;
        } else if (n->IsHtml("input")) {
          std::string type = AsciiLower(n->AttrOr("type", "text"));
          text_fields += type == "text" || type == "email" || type == "tel";
        }
        stack.insert(stack.end(), n->children().begin(), n->children().end());
      }
      out.has_contact_form = out.has_contact_form || textarea || text_fields >= 2;
      continue;
    }
    if ((!anchor && !alternate) || HiddenByMarkup(*e)) {
      continue;
    }
    auto resolved = Resolve(doc, e->AttrOr("href"));
    if (!resolved) {
      continue;
    }
    LinkSignal l;
    l.url = resolved->key;
    l.alternate = alternate;
    l.text = alternate ? std::string() : LinkText(*e);
    l.hreflang = std::string(TrimWhitespace(e->AttrOr("hreflang")));
    l.lang = LangOf(*e);
    l.region = alternate ? LinkRegion::kMain : RegionOf(*e);
    l.offset = e->position().offset;
    const Url* url = resolved->url ? &*resolved->url : nullptr;
    if (url != nullptr && !alternate) {
      l.document_type = DocumentTypeOf(*url);
      if (l.document_type.empty()) {
        l.document_type = DocumentTypeOfText(l.text);
      }
    }
    l.topics = TopicsOf(l, url);
    if (!l.document_type.empty()) {
      if (PrintableCopyWords().Search(l.text)) {
        l.html_alternative = true;
      } else if (const Node* box = OfferContainer(*e)) {
        std::vector<const Node*> siblings;
        CollectAnchors(*box, siblings);
        // A table row offers its document in one cell and the web version in another; a list
        // may give the web version as the next (or previous) item ("The same form as a web
        // page").
        // A neighbour that offers another document is about that document.
        for (const Node* b : NeighbourBoxes(*box)) {
          std::vector<const Node*> anchors;
          CollectAnchors(*b, anchors);
          bool has_document = std::any_of(anchors.begin(), anchors.end(), [&](const Node* a) {
            if (a == e) {
              return false;  // the row of the document's own cell
            }
            auto target = Resolve(doc, a->AttrOr("href"));
            return target && target->url && !DocumentTypeOf(*target->url).empty();
          });
          if (!has_document) {
            siblings.insert(siblings.end(), anchors.begin(), anchors.end());
          }
        }
        std::string box_text;
        AppendText(*box, box_text);
        if (SamePageWords().Search(NormaliseText(box_text))) {
          l.html_alternative = true;
        }
        for (const Node* other : siblings) {
          if (other == e) {
            continue;
          }
          auto target = Resolve(doc, other->AttrOr("href"));
          if (!target || !target->url || !DocumentTypeOf(*target->url).empty()) {
            continue;
          }
          std::string text = LinkText(*other);
          if (DocumentTypeOfText(text).empty() && HtmlVersionWords().Search(text)) {
            l.html_alternative = true;
            break;
          }
        }
      }
    }
    out.links.push_back(std::move(l));
  }

  // Contact details and offers of other formats, from the page's visible text.
  text::ExtractedText extracted = text::ExtractFromDocument(doc);
  for (const text::TextBlock& b : extracted.blocks) {
    std::string t = NormaliseText(b.text);
    FindContacts(t, out.contacts);
    if (!out.offers_alternative_formats) {
      if (auto m = AlternativeFormatOffer().Find(t)) {
        out.offers_alternative_formats = true;
        out.alternative_formats_evidence = Snippet(t, m->start, m->end, 160);
      }
    }
  }
  for (const LinkSignal& l : out.links) {
    if (l.url.rfind("mailto:", 0) == 0) {
      AddEmail(l.url.substr(7), out.contacts);
    } else if (l.url.rfind("tel:", 0) == 0) {
      AddPhone(l.url.substr(4), out.contacts);
    }
  }

  auto page_is = [&](const Pattern& p) {
    return p.Search(out.title) || p.Search(out.main_heading);
  };
  out.is_contact_page = page_is(ContactPageWords());
  out.is_charter_page = page_is(CharterWords());
  out.is_complaints_page = page_is(ComplaintsWords());

  if (NamesAccessibility(out.title) || NamesAccessibility(out.main_heading) ||
      NamesStatement(out.title) || NamesStatement(out.main_heading) ||
      UrlNamesAccessibility(out.url) || CountSectionHeadings(headings) >= 3) {
    out.statement = AnalyseStatement(doc, out.links, out.title, out.main_heading);
  }
  return out;
}

}  // namespace plainsight::engine::site
