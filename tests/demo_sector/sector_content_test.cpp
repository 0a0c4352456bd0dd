// The demo sector (corpora/sector) is sound and is what corpora/sector/design.json says it is.
//
// `make demo` serves these five fictional bodies and scans them; what a monitoring office sees
// first depends on each body really having the statement, charter, Irish pages, documents and
// failures it was written to have. This test reads the files themselves, with parsers other
// than plainsight's own (Gumbo for HTML, qpdf for PDF, libarchive and libxml2 for DOCX), so that
// a change to the engine cannot make the corpus look right.
//
// Checked: every page parses with no HTML5 parse error; every internal link, stylesheet, image,
// frame and form resolves to a file (and a fragment to an id); external links, phone numbers
// and e-mail addresses are fictional or public institutions; each body's accessibility statement
// has exactly the sections of the EU model statement (Implementing Decision (EU) 2018/1523,
// Annex) that its design lists, with the preparation date it gives; charters, complaints pages
// and contact details; Irish pages, hreflang and language switchers; the documents (tagged or
// untagged PDF, DOCX with or without heading styles and text alternatives) and their HTML
// alternatives; and the failures written into each body, exactly.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <archive.h>
#include <archive_entry.h>
#include <gumbo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "plainsight/source_dir.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const fs::path kSector = fs::path(PLAINSIGHT_SOURCE_DIR) / "corpora" / "sector";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// ASCII-only lower case: the markers searched for are matched byte for byte otherwise (Irish
// letters with a fada are written in lower case in the markers).
std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return s;
}

std::string Squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// ---- HTML pages --------------------------------------------------------------------------

struct Element {
  std::string tag;
  std::map<std::string, std::string> attrs;
  std::string text;  // descendant text, whitespace squashed
  Element* parent = nullptr;
  std::vector<const Element*> descendants;

  bool Has(const std::string& a) const { return attrs.count(a) > 0; }

  std::string Attr(const std::string& a) const {
    auto it = attrs.find(a);
    return it == attrs.end() ? "" : it->second;
  }
};

struct Page {
  std::string url;  // URL path on the body's host: "/", "/about/", "/contact.html"
  fs::path file;
  std::vector<std::unique_ptr<Element>> elements;  // document order
  std::vector<std::string> parse_errors;
  std::string text;

  std::vector<const Element*> All(const std::string& tag) const {
    std::vector<const Element*> out;
    for (const auto& e : elements) {
      if (e->tag == tag) {
        out.push_back(e.get());
      }
    }
    return out;
  }

  std::string Lang() const {
    auto html = All("html");
    return html.empty() ? "" : html[0]->Attr("lang");
  }

  std::string H1() const {
    auto h1 = All("h1");
    return h1.empty() ? "" : h1[0]->text;
  }

  std::string Title() const {
    auto t = All("title");
    return t.empty() ? "" : t[0]->text;
  }
};

// The first fields of Gumbo 0.10's GumboError: its header (error.h) is not installed, and the
// test only reports where an error is.
struct GumboErrorHead {
  int type;
  GumboSourcePosition position;
};

std::string TagName(const GumboNode* node) {
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) {
    return gumbo_normalized_tagname(node->v.element.tag);
  }
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return Lower(std::string(piece.data, piece.length));
}

std::string Walk(const GumboNode* node, Element* parent, Page& page) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    return node->v.text.text;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
    return "";
  }
  auto owned = std::make_unique<Element>();
  Element* e = owned.get();
  e->tag = TagName(node);
  e->parent = parent;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    e->attrs[Lower(a->name)] = a->value;
  }
  page.elements.push_back(std::move(owned));
  for (Element* p = parent; p != nullptr; p = p->parent) {
    p->descendants.push_back(e);
  }
  std::string text;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    text += Walk(static_cast<const GumboNode*>(children.data[i]), e, page);
  }
  if (e->tag == "script" || e->tag == "style" || e->tag == "title") {
    e->text = Squash(text);
    return "";
  }
  e->text = Squash(text);
  // Block boundaries separate words in the page text.
  return text + " ";
}

Page ParsePage(const fs::path& file, const std::string& url) {
  Page page;
  page.url = url;
  page.file = file;
  std::string html = ReadFile(file);
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  for (unsigned i = 0; i < out->errors.length; ++i) {
    auto* err = static_cast<const GumboErrorHead*>(out->errors.data[i]);
    page.parse_errors.push_back("line " + std::to_string(err->position.line) + " column " +
                                std::to_string(err->position.column) + ": Gumbo error type " +
                                std::to_string(err->type));
  }
  page.text = Squash(Walk(out->root, nullptr, page));
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return page;
}

// ---- Bodies ------------------------------------------------------------------------------

struct Body {
  json design;
  std::string id;
  fs::path dir;
  std::map<std::string, Page> pages;  // by URL path
  std::set<std::string> documents;    // URL paths of the PDF and DOCX files

  const Page* Find(const std::string& url) const {
    auto it = pages.find(url);
    return it == pages.end() ? nullptr : &it->second;
  }
};

std::string UrlOf(const fs::path& rel) {
  std::string u = "/" + rel.generic_string();
  const std::string index = "index.html";
  if (u.size() >= index.size() && u.compare(u.size() - index.size(), index.size(), index) == 0) {
    u.resize(u.size() - index.size());
  }
  return u;
}

const std::vector<Body>& Bodies() {
  static const std::vector<Body> kBodies = [] {
    std::vector<Body> out;
    json design = json::parse(ReadFile(kSector / "design.json"));
    for (const json& d : design.at("bodies")) {
      Body b;
      b.design = d;
      b.id = d.at("id").get<std::string>();
      b.dir = kSector / b.id;
      for (const auto& entry : fs::recursive_directory_iterator(b.dir)) {
        if (!entry.is_regular_file()) {
          continue;
        }
        fs::path rel = fs::relative(entry.path(), b.dir);
        std::string ext = entry.path().extension().string();
        if (ext == ".html") {
          std::string url = UrlOf(rel);
          b.pages.emplace(url, ParsePage(entry.path(), url));
        } else if (ext == ".pdf" || ext == ".docx") {
          b.documents.insert("/" + rel.generic_string());
        }
      }
      out.push_back(std::move(b));
    }
    return out;
  }();
  return kBodies;
}

json Design() {
  return json::parse(ReadFile(kSector / "design.json"));
}

// A reference from a page: where it points once resolved, if it is on the body's own host.
struct Ref {
  std::string attr_url;  // as written
  std::string path;      // resolved URL path, empty when external or not a URL
  std::string fragment;
  bool external = false;
  std::string host;  // for external http(s)
};

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Ref Resolve(const std::string& page_url, const std::string& raw) {
  Ref r;
  r.attr_url = raw;
  std::string s = raw;
  std::string scheme;
  if (RE2::PartialMatch(s, R"(^([a-zA-Z][a-zA-Z0-9+.-]*):)", &scheme)) {
    scheme = Lower(scheme);
    if (scheme == "http" || scheme == "https") {
      r.external = true;
      RE2::PartialMatch(s, R"(^[a-zA-Z]+://([^/:?#]+))", &r.host);
      r.host = Lower(r.host);
    }
    return r;  // mailto:, tel: and the like: not a file
  }
  if (s.rfind("//", 0) == 0) {
    r.external = true;
    RE2::PartialMatch(s, R"(^//([^/:?#]+))", &r.host);
    return r;
  }
  size_t hash = s.find('#');
  if (hash != std::string::npos) {
    r.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  size_t q = s.find('?');
  if (q != std::string::npos) {
    s = s.substr(0, q);
  }
  if (s.empty()) {
    r.path = page_url;
    return r;
  }
  std::string base = page_url.substr(0, page_url.rfind('/') + 1);
  std::string joined = s[0] == '/' ? s : base + s;
  std::vector<std::string> parts;
  std::stringstream in(joined);
  std::string part;
  while (std::getline(in, part, '/')) {
    if (part.empty() || part == ".") {
      continue;
    }
    if (part == "..") {
      if (!parts.empty()) {
        parts.pop_back();
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string path = "/";
  for (size_t i = 0; i < parts.size(); ++i) {
    path += parts[i];
    if (i + 1 < parts.size()) {
      path += "/";
    }
  }
  if (joined.back() == '/' && path != "/") {
    path += "/";
  }
  r.path = PercentDecode(path);
  return r;
}

// Every URL-bearing attribute of a page, with the element that carries it.
std::vector<std::pair<const Element*, Ref>> Refs(const Page& page) {
  static const std::vector<std::pair<std::string, std::string>> kAttrs = {
      {"a", "href"},     {"link", "href"},   {"img", "src"},   {"iframe", "src"},
      {"script", "src"}, {"form", "action"}, {"source", "src"}};
  std::vector<std::pair<const Element*, Ref>> out;
  for (const auto& e : page.elements) {
    for (const auto& [tag, attr] : kAttrs) {
      if (e->tag == tag && e->Has(attr)) {
        out.emplace_back(e.get(), Resolve(page.url, e->Attr(attr)));
      }
    }
  }
  return out;
}

// The file a same-host URL path is served from ("/" and "/x/" serve index.html).
fs::path FileFor(const Body& b, const std::string& path) {
  std::string p = path.back() == '/' ? path + "index.html" : path;
  return b.dir / p.substr(1);
}

std::set<std::string> LinkedPaths(const Page& page) {
  std::set<std::string> out;
  for (const auto& [e, ref] : Refs(page)) {
    if (e->tag == "a" && !ref.path.empty()) {
      out.insert(ref.path);
    }
  }
  return out;
}

bool LinkedFromAnyPage(const Body& b, const std::string& path) {
  for (const auto& [url, page] : b.pages) {
    if (LinkedPaths(page).count(path) > 0) {
      return true;
    }
  }
  return false;
}

// ---- Designed failures -------------------------------------------------------------------

bool InsideLabel(const Element* e) {
  for (const Element* p = e->parent; p != nullptr; p = p->parent) {
    if (p->tag == "label") {
      return true;
    }
  }
  return false;
}

std::set<std::string> FailureKinds(const Page& page) {
  std::set<std::string> kinds;
  if (page.Lang().empty()) {
    kinds.insert("html-no-lang");
  }
  if (page.Title().empty()) {
    kinds.insert("no-title");
  }
  for (const Element* m : page.All("meta")) {
    std::string content = Lower(m->Attr("content"));
    if (Lower(m->Attr("name")) == "viewport" &&
        (Contains(content, "user-scalable=no") ||
         RE2::PartialMatch(content, R"(maximum-scale=(0|1)(\.0)?(\D|$))"))) {
      kinds.insert("zoom-disabled");
    }
  }
  if (page.All("h1").empty()) {
    kinds.insert("no-h1");
  }
  int previous = 1;  // a page may start at h1 or h2; h3 first skips a level
  std::set<std::string> label_for;
  for (const auto& e : page.elements) {
    if (e->tag.size() == 2 && e->tag[0] == 'h' && e->tag[1] >= '1' && e->tag[1] <= '6') {
      int level = e->tag[1] - '0';
      if (level > previous + 1) {
        kinds.insert("heading-skip");
      }
      previous = level;
    }
    if (e->tag == "label" && e->Has("for")) {
      label_for.insert(e->Attr("for"));
    }
  }
  static const std::set<std::string> kGeneric = {"click here", "here",       "read more",
                                                 "more",       "learn more", "download"};
  for (const auto& owned : page.elements) {
    const Element* e = owned.get();
    bool named = !e->Attr("aria-label").empty() || !e->Attr("aria-labelledby").empty();
    if (e->tag == "img") {
      if (!e->Has("alt") && !named) {
        kinds.insert("img-no-alt");
      } else if (RE2::PartialMatch(e->Attr("alt"), R"((?i)(\.(jpe?g|png|gif|svg)$|^(dsc|img)_))")) {
        kinds.insert("img-alt-filename");
      }
    }
    if (e->tag == "input" || e->tag == "select" || e->tag == "textarea") {
      static const std::set<std::string> kUnlabelled = {"hidden", "submit", "button", "reset",
                                                        "image"};
      if (e->tag == "input" && kUnlabelled.count(Lower(e->Attr("type"))) > 0) {
        continue;
      }
      bool labelled = (e->Has("id") && label_for.count(e->Attr("id")) > 0) || InsideLabel(e) ||
                      named || !e->Attr("title").empty();
      if (!labelled) {
        kinds.insert("field-no-label");
      }
    }
    if (e->tag == "a" && e->Has("href")) {
      bool img_alt = false;
      for (const Element* d : e->descendants) {
        img_alt = img_alt || (d->tag == "img" && !d->Attr("alt").empty());
      }
      if (e->text.empty() && !named && !img_alt) {
        kinds.insert("empty-link");
      }
      if (kGeneric.count(Lower(e->text)) > 0) {
        kinds.insert("generic-link-text");
      }
    }
    if (e->tag == "iframe" && e->Attr("title").empty()) {
      kinds.insert("iframe-no-title");
    }
    if (e->tag == "table" && e->Attr("role") != "presentation") {
      int rows = 0;
      bool th = false;
      for (const Element* d : e->descendants) {
        rows += d->tag == "tr" ? 1 : 0;
        th = th || d->tag == "th";
      }
      if (rows > 1 && !th) {
        kinds.insert("table-no-headers");
      }
    }
  }
  return kinds;
}

// ---- Statements --------------------------------------------------------------------------

// Wording that marks each part of the model statement, in English and Irish (lower case).
const std::map<std::string, std::vector<std::string>>& SectionMarkers() {
  static const std::map<std::string, std::vector<std::string>> kMarkers = {
      {"compliance_status", {"compliance status", "conformance status", "stádas comhlíontachta"}},
      // Lower() leaves letters with a fada alone: both cases of a heading's first letter.
      {"non_accessible_content",
       {"non-accessible content", "ábhar nach bhfuil inrochtana", "Ábhar nach bhfuil inrochtana"}},
      {"preparation",
       {"this statement was prepared on", "this statement was created on",
        "ullmhaíodh an ráiteas seo"}},
      {"preparation_method", {"self-assessment", "third party", "féinmheasúnú"}},
      {"feedback", {"feedback", "aiseolas"}},
      {"enforcement", {"enforcement procedure", "nós imeachta forfheidhmiúcháin", "ombudsman"}},
  };
  return kMarkers;
}

std::set<std::string> StatementSections(const std::string& text) {
  std::string lower = Lower(text);
  std::set<std::string> found;
  for (const auto& [section, words] : SectionMarkers()) {
    for (const std::string& w : words) {
      if (Contains(lower, w)) {
        found.insert(section);
      }
    }
  }
  return found;
}

// The first date after the preparation marker, as year-month-day.
std::string PreparedDate(const std::string& text) {
  static const std::vector<std::pair<std::string, int>> kMonths = {
      {"January", 1},      {"February", 2},
      {"March", 3},        {"April", 4},
      {"May", 5},          {"June", 6},
      {"July", 7},         {"August", 8},
      {"September", 9},    {"October", 10},
      {"November", 11},    {"December", 12},
      {"Eanáir", 1},       {"Feabhra", 2},
      {"Márta", 3},        {"Aibreán", 4},
      {"Bealtaine", 5},    {"Meitheamh", 6},
      {"Iúil", 7},         {"Lúnasa", 8},
      {"Meán Fómhair", 9}, {"Deireadh Fómhair", 10},
      {"Samhain", 11},     {"Nollaig", 12}};
  std::string lower = Lower(text);
  size_t at = std::string::npos;
  for (const std::string& w : SectionMarkers().at("preparation")) {
    at = std::min(at, lower.find(w));
  }
  if (at == std::string::npos) {
    return "";
  }
  std::string rest = text.substr(at, 200);
  int day = 0;
  std::string month;
  int year = 0;
  if (!RE2::PartialMatch(rest, R"((\d{1,2}) ([A-Za-zÁÉÍÓÚáéíóú]+(?: Fómhair)?) (\d{4}))", &day,
                         &month, &year)) {
    return "";
  }
  for (const auto& [name, number] : kMonths) {
    if (name == month) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, number, day);
      return buf;
    }
  }
  return "";
}

int DaysBetween(const std::string& from, const std::string& to) {
  auto parse = [](const std::string& s) {
    using namespace std::chrono;
    return sys_days(year_month_day(year(std::stoi(s.substr(0, 4))),
                                   month(static_cast<unsigned>(std::stoi(s.substr(5, 2)))),
                                   day(static_cast<unsigned>(std::stoi(s.substr(8, 2))))));
  };
  return static_cast<int>((parse(to) - parse(from)).count());
}

// ---- Documents ---------------------------------------------------------------------------

struct ContentCounts : QPDFObjectHandle::ParserCallbacks {
  int text_operators = 0;
  int depth = 0;
  bool unbalanced = false;
  int mcid_sequences = 0;
  QPDFObjectHandle previous;

  void handleObject(QPDFObjectHandle obj) override {
    if (obj.isOperator()) {
      std::string op = obj.getOperatorValue();
      if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
        ++text_operators;
      } else if (op == "BDC" || op == "BMC") {
        ++depth;
        if (op == "BDC" && previous.isDictionary() && previous.hasKey("/MCID")) {
          ++mcid_sequences;
        }
      } else if (op == "EMC") {
        unbalanced = unbalanced || depth == 0;
        --depth;
      }
    } else {
      previous = obj;
    }
  }

  void handleEOF() override {}
};

void CheckPdf(const fs::path& file, const json& d) {
  INFO(file.string());
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  REQUIRE_NOTHROW(pdf.processFile(file.string().c_str()));
  // What `qpdf --check` does, in small: every object readable, every stream decodable.
  for (QPDFObjectHandle obj : pdf.getAllObjects()) {
    if (obj.isStream()) {
      CHECK_NOTHROW(obj.getStreamData(qpdf_dl_generalized));
    }
  }
  CHECK_FALSE(pdf.anyWarnings());
  QPDFObjectHandle root = pdf.getRoot();
  bool tagged = d.at("tagged").get<bool>();
  QPDFObjectHandle mark = root.getKey("/MarkInfo");
  bool marked = mark.isDictionary() && mark.getKey("/Marked").isBool() &&
                mark.getKey("/Marked").getBoolValue();
  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  CHECK(marked == tagged);
  CHECK(tree.isDictionary() == tagged);
  if (tagged) {
    CHECK(tree.getKey("/K").isInitialized());
    CHECK_FALSE(tree.getKey("/K").isNull());
    REQUIRE(root.getKey("/Lang").isString());
    CHECK(root.getKey("/Lang").getUTF8Value() == d.at("lang").get<std::string>());
  } else {
    CHECK_FALSE(root.hasKey("/Lang"));
  }
  QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
  REQUIRE(info.isDictionary());
  CHECK(info.getKey("/Title").isString());
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  REQUIRE_FALSE(pages.empty());
  for (QPDFPageObjectHelper& page : pages) {
    ContentCounts counts;
    REQUIRE_NOTHROW(page.parseContents(&counts));
    CHECK(counts.text_operators > 0);  // real text, not a scanned image
    CHECK_FALSE(counts.unbalanced);
    CHECK(counts.depth == 0);
    CHECK((counts.mcid_sequences > 0) == tagged);
    CHECK(page.getObjectHandle().hasKey("/StructParents") == tagged);
  }
}

std::map<std::string, std::string> ZipEntries(const fs::path& file) {
  std::map<std::string, std::string> out;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  if (archive_read_open_filename(a, file.string().c_str(), 10240) != ARCHIVE_OK) {
    archive_read_free(a);
    return out;
  }
  archive_entry* entry = nullptr;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string data;
    char buf[8192];
    la_ssize_t n = 0;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) {
      data.append(buf, static_cast<size_t>(n));
    }
    out[archive_entry_pathname(entry)] = data;
  }
  archive_read_free(a);
  return out;
}

void VisitXml(xmlNode* node, const std::function<void(xmlNode*)>& f) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) {
      f(n);
      VisitXml(n->children, f);
    }
  }
}

std::string XmlAttr(xmlNode* n, const char* local) {
  for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::string(reinterpret_cast<const char*>(a->name)) == local && a->children &&
        a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return "";
}

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

XmlDoc ParseXml(const std::string& s) {
  return XmlDoc(xmlReadMemory(s.data(), static_cast<int>(s.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                &xmlFreeDoc);
}

void CheckDocx(const fs::path& file, const json& d) {
  INFO(file.string());
  auto parts = ZipEntries(file);
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "docProps/core.xml"}) {
    INFO(part);
    REQUIRE(parts.count(part) == 1);
    CHECK(ParseXml(parts[part]).get() != nullptr);  // well-formed
  }
  XmlDoc doc = ParseXml(parts["word/document.xml"]);
  REQUIRE(doc.get() != nullptr);
  int headings = 0;
  int images = 0;
  int described = 0;
  int paragraphs = 0;
  VisitXml(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
    std::string name = reinterpret_cast<const char*>(n->name);
    if (name == "pStyle" && XmlAttr(n, "val").rfind("Heading", 0) == 0) {
      ++headings;
    } else if (name == "docPr") {
      ++images;
      described += XmlAttr(n, "descr").empty() ? 0 : 1;
    } else if (name == "p") {
      ++paragraphs;
    }
  });
  CHECK(paragraphs > 5);
  CHECK((headings > 0) == d.at("headings").get<bool>());
  CHECK(images == d.at("images").get<int>());
  if (images > 0) {
    CHECK((described == images) == d.at("alt_text").get<bool>());
    CHECK((described == 0) == !d.at("alt_text").get<bool>());
    CHECK(parts.count("word/media/image1.png") == 1);
  }
  XmlDoc core = ParseXml(parts["docProps/core.xml"]);
  bool titled = false;
  VisitXml(xmlDocGetRootElement(core.get()), [&](xmlNode* n) {
    if (std::string(reinterpret_cast<const char*>(n->name)) == "title" && n->children) {
      titled = true;
    }
  });
  CHECK(titled == d.at("title").get<bool>());
}

std::set<std::string> Strings(const json& array) {
  std::set<std::string> out;
  for (const json& v : array) {
    out.insert(v.get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("demo sector: design.json names five or more bodies, each with a site folder",
          "[demo-sector]") {
  json design = Design();
  REQUIRE(design.at("bodies").size() >= 5);
  std::set<std::string> statement_kinds;
  for (const Body& b : Bodies()) {
    INFO(b.id);
    CHECK(fs::is_regular_file(b.dir / "index.html"));
    CHECK(b.pages.size() >= 10);
    CHECK(b.pages.size() <= 40);  // small enough that the demo's scan takes seconds
    statement_kinds.insert(b.design.at("statement").at("kind").get<std::string>());
  }
  // The mix the demo is for: a model statement, a partial one, none, and one in Irish.
  CHECK(statement_kinds == std::set<std::string>{"model", "partial", "none", "ga"});
}

TEST_CASE("demo sector: every page parses without an HTML5 parse error", "[demo-sector]") {
  for (const Body& b : Bodies()) {
    for (const auto& [url, page] : b.pages) {
      INFO(b.id << url << ": " << (page.parse_errors.empty() ? "" : page.parse_errors[0]));
      CHECK(page.parse_errors.empty());
    }
  }
}

TEST_CASE("demo sector: every internal link and resource resolves to a file, fragments to ids",
          "[demo-sector]") {
  std::set<std::string> body_hosts;
  for (const Body& b : Bodies()) {
    body_hosts.insert(b.id + ".localhost");
  }
  int checked = 0;
  for (const Body& b : Bodies()) {
    for (const auto& [url, page] : b.pages) {
      for (const auto& [e, ref] : Refs(page)) {
        INFO(b.id << url << ": <" << e->tag << "> " << ref.attr_url);
        // Another body's address carries no port: the demo serves every body on one port.
        CHECK(body_hosts.count(ref.host) == 0);
        if (ref.path.empty()) {
          continue;
        }
        ++checked;
        fs::path target = FileFor(b, ref.path);
        CHECK(fs::is_regular_file(target));
        if (!ref.fragment.empty() && target.extension() == ".html") {
          const Page* t = b.Find(ref.path);
          REQUIRE(t != nullptr);
          bool found = false;
          for (const auto& el : t->elements) {
            found = found || el->Attr("id") == ref.fragment;
          }
          CHECK(found);
        }
      }
    }
  }
  CHECK(checked > 500);
}

TEST_CASE("demo sector: addresses, phone numbers and e-mail are fictional", "[demo-sector]") {
  RE2 phone(R"((\(0\d{1,3}\) ?\d{3} ?\d{4}))");
  RE2 email(R"(([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))");
  for (const Body& b : Bodies()) {
    for (const auto& [url, page] : b.pages) {
      INFO(b.id << url);
      re2::StringPiece in(page.text);
      std::string number;
      while (RE2::FindAndConsume(&in, phone, &number)) {
        INFO(number);
        CHECK(Contains(number, " 555 "));
      }
      re2::StringPiece mails(page.text);
      std::string address;
      while (RE2::FindAndConsume(&mails, email, &address)) {
        INFO(address);
        CHECK(RE2::FullMatch(address, R"(.*@[a-z0-9.-]+\.example\.ie)"));
      }
      for (const auto& [e, ref] : Refs(page)) {
        INFO(ref.attr_url);
        if (ref.attr_url.rfind("tel:", 0) == 0) {
          CHECK(RE2::FullMatch(ref.attr_url, R"(tel:\+353\d{1,2}555\d{4})"));
        } else if (ref.attr_url.rfind("mailto:", 0) == 0) {
          CHECK(RE2::FullMatch(ref.attr_url, R"(mailto:[a-z0-9.]+@[a-z0-9.-]+\.example\.ie)"));
        } else if (ref.external) {
          // Example domains, or the enforcement body a statement must link to.
          CHECK((RE2::FullMatch(ref.host, R"((.+\.)?example\.(com|ie))") ||
                 ref.host == "www.ombudsman.ie"));
        }
      }
    }
  }
}

TEST_CASE("demo sector: each body has the accessibility statement its design says",
          "[demo-sector]") {
  std::string as_of = Design().at("as_of").get<std::string>();
  const std::set<std::string> all = {"compliance_status", "non_accessible_content",
                                     "preparation",       "preparation_method",
                                     "feedback",          "enforcement"};
  for (const Body& b : Bodies()) {
    INFO(b.id);
    const json& s = b.design.at("statement");
    std::string kind = s.at("kind").get<std::string>();
    if (kind == "none") {
      // Nothing a person or a finder could take for a statement: no such page, title or link.
      for (const auto& [url, page] : b.pages) {
        INFO(url);
        std::string heading = Lower(page.H1() + " " + page.Title());
        CHECK_FALSE(Contains(heading, "accessibility"));
        CHECK_FALSE(Contains(heading, "inrochtaineacht"));
        CHECK_FALSE(Contains(Lower(url), "accessib"));
        CHECK_FALSE(Contains(Lower(url), "inrochtain"));
        for (const Element* a : page.All("a")) {
          CHECK_FALSE(Contains(Lower(a->text), "accessibility"));
          CHECK_FALSE(Contains(Lower(a->text), "inrochtaineacht"));
        }
      }
      continue;
    }
    std::string path = s.at("path").get<std::string>();
    const Page* page = b.Find(path);
    REQUIRE(page != nullptr);
    // Linked from the home page, as the directive asks (Article 7(1)).
    CHECK(LinkedPaths(*b.Find("/")).count(path) == 1);
    CHECK(page->Lang().rfind(kind == "ga" ? "ga" : "en", 0) == 0);
    std::set<std::string> sections = StatementSections(page->text);
    CHECK(sections == Strings(s.at("sections")));
    if (kind == "model" || kind == "ga") {
      CHECK(sections == all);
    } else {
      for (const std::string& missing : Strings(s.at("missing"))) {
        CHECK(sections.count(missing) == 0);
      }
    }
    std::string prepared = PreparedDate(page->text);
    CHECK(prepared == s.at("prepared").get<std::string>());
    int age = DaysBetween(prepared, as_of);
    // A statement is reviewed every year (Decision (EU) 2018/1523, Annex, part 1).
    CHECK((age > 365) == (kind == "partial"));
  }
}

TEST_CASE("demo sector: charters, complaints pages and contact details match the design",
          "[demo-sector]") {
  RE2 phone(R"(\(0\d{1,3}\) 555 \d{4})");
  RE2 email(R"([a-z0-9.]+@[a-z0-9.-]+\.example\.ie)");
  // Eircode: a routing key and four characters of the Eircode alphabet (no B G I J L M O Q S U Z).
  RE2 eircode(R"(\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}\b)");
  for (const Body& b : Bodies()) {
    INFO(b.id);
    for (const std::string& path : Strings(b.design.at("charter"))) {
      INFO(path);
      const Page* page = b.Find(path);
      REQUIRE(page != nullptr);
      CHECK(RE2::PartialMatch(Lower(page->H1()), R"(charter|action plan|cairt)"));
      CHECK(LinkedFromAnyPage(b, path));
    }
    const json& complaints = b.design.at("complaints");
    if (complaints.is_null()) {
      for (const auto& [url, page] : b.pages) {
        INFO(url);
        CHECK_FALSE(RE2::PartialMatch(Lower(page.H1()), R"(complain|gearán)"));
      }
    } else {
      const Page* page = b.Find(complaints.get<std::string>());
      REQUIRE(page != nullptr);
      CHECK(RE2::PartialMatch(Lower(page->H1()), R"(complain|gearán)"));
      CHECK(LinkedFromAnyPage(b, complaints.get<std::string>()));
    }
    // Contact details on the home page or one link away from it.
    std::string text = b.Find("/")->text;
    for (const std::string& path : LinkedPaths(*b.Find("/"))) {
      if (const Page* p = b.Find(path)) {
        text += " " + p->text;
      }
    }
    const json& contact = b.design.at("contact_from_home");
    CHECK(RE2::PartialMatch(text, phone) == contact.at("phone").get<bool>());
    CHECK(RE2::PartialMatch(text, email) == contact.at("email").get<bool>());
    CHECK(RE2::PartialMatch(text, eircode) == contact.at("address").get<bool>());
  }
}

TEST_CASE("demo sector: Irish pages, hreflang alternates and language switchers match the design",
          "[demo-sector]") {
  for (const Body& b : Bodies()) {
    INFO(b.id);
    const json& irish = b.design.at("irish");
    std::set<std::string> ga_pages;
    bool hreflang = false;
    for (const auto& [url, page] : b.pages) {
      INFO(url);
      if (page.Lang() == "ga" || page.Lang().rfind("ga-", 0) == 0) {
        ga_pages.insert(url);
      }
      for (const Element* link : page.All("link")) {
        if (link->Attr("rel") != "alternate" || !link->Has("hreflang")) {
          continue;
        }
        hreflang = true;
        // Each alternate is a page in the language it claims.
        Ref ref = Resolve(url, link->Attr("href"));
        const Page* alt = b.Find(ref.path);
        REQUIRE(alt != nullptr);
        CHECK(alt->Lang().substr(0, 2) == link->Attr("hreflang"));
      }
    }
    CHECK(ga_pages == Strings(irish.at("ga_pages")));
    CHECK(hreflang == irish.at("hreflang").get<bool>());
    // A switcher on the home page: a link marked as the other language, or named after it.
    const Page* home = b.Find("/");
    std::string other = b.design.at("lang") == "ga" ? "en" : "ga";
    bool switcher = false;
    for (const Element* a : home->All("a")) {
      switcher = switcher || a->Attr("hreflang") == other || a->Attr("lang") == other ||
                 a->text == (other == "ga" ? "Gaeilge" : "English");
    }
    CHECK(switcher == irish.at("switcher").get<bool>());
    if (irish.contains("mislabelled_ga_pages")) {
      // Irish text on a page whose template says English.
      for (const std::string& url : Strings(irish.at("mislabelled_ga_pages"))) {
        const Page* page = b.Find(url);
        REQUIRE(page != nullptr);
        CHECK(page->Lang() == "en");
        int irish_words = 0;
        for (const char* w : {" agus ", " tá ", " chun ", " linn ", " leat ", " nó "}) {
          irish_words += Contains(Lower(page->text), w) ? 1 : 0;
        }
        CHECK(irish_words >= 3);
      }
    }
  }
}

TEST_CASE("demo sector: each body has exactly the failures written into it", "[demo-sector]") {
  for (const Body& b : Bodies()) {
    INFO(b.id);
    std::set<std::string> untemplated;
    if (b.design.contains("untemplated_pages")) {
      untemplated = Strings(b.design.at("untemplated_pages"));
    }
    std::map<std::string, std::set<std::string>> expected;
    for (const auto& [kind, where] : b.design.at("failures").items()) {
      REQUIRE(Design().at("failure_kinds").contains(kind));
      if (where.is_string()) {
        REQUIRE(where.get<std::string>() == "*");
        for (const auto& [url, page] : b.pages) {
          if (untemplated.count(url) == 0) {
            expected[kind].insert(url);
          }
        }
      } else {
        expected[kind] = Strings(where);
      }
    }
    std::map<std::string, std::set<std::string>> found;
    for (const auto& [url, page] : b.pages) {
      for (const std::string& kind : FailureKinds(page)) {
        found[kind].insert(url);
      }
    }
    for (const auto& [kind, urls] : found) {
      INFO(kind);
      CHECK(urls == expected[kind]);
    }
    for (const auto& [kind, urls] : expected) {
      INFO(kind);
      CHECK(urls == found[kind]);
    }
  }
}

TEST_CASE("demo sector: documents are what they claim and sit beside their HTML alternatives",
          "[demo-sector]") {
  int tagged = 0;
  int untagged = 0;
  int docx_with = 0;
  int docx_without = 0;
  for (const Body& b : Bodies()) {
    INFO(b.id);
    std::set<std::string> designed;
    for (const json& d : b.design.at("documents")) {
      std::string path = d.at("path").get<std::string>();
      designed.insert(path);
      INFO(path);
      REQUIRE(fs::is_regular_file(FileFor(b, path)));
      CHECK(LinkedFromAnyPage(b, path));
      if (d.at("type") == "pdf") {
        CheckPdf(FileFor(b, path), d);
        (d.at("tagged").get<bool>() ? tagged : untagged)++;
      } else {
        CheckDocx(FileFor(b, path), d);
        bool good = d.at("headings").get<bool>() && d.at("alt_text").get<bool>();
        bool bad = !d.at("headings").get<bool>() && !d.at("alt_text").get<bool>();
        docx_with += good ? 1 : 0;
        docx_without += bad ? 1 : 0;
      }
      const json& alternative = d.at("html_alternative");
      if (!alternative.is_null()) {
        // Beside it: the HTML version links the document, or one page links both.
        std::string alt = alternative.get<std::string>();
        REQUIRE(b.Find(alt) != nullptr);
        bool beside = LinkedPaths(*b.Find(alt)).count(path) > 0;
        for (const auto& [url, page] : b.pages) {
          auto links = LinkedPaths(page);
          beside = beside || (links.count(path) > 0 && links.count(alt) > 0);
        }
        CHECK(beside);
      }
    }
    CHECK(designed == b.documents);  // every document of the site is in the design
  }
  CHECK(tagged >= 1);
  CHECK(untagged >= 1);
  CHECK(docx_with >= 1);
  CHECK(docx_without >= 1);
}

TEST_CASE("demo sector: bodies.csv.in lists the designed bodies, and the sector stays small",
          "[demo-sector]") {
  std::string csv = ReadFile(kSector / "bodies.csv.in");
  std::stringstream in(csv);
  std::string line;
  std::getline(in, line);
  CHECK(line == "id,name,url,sector,lang");
  std::set<std::string> rows;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      rows.insert(line);
    }
  }
  std::set<std::string> expected;
  for (const Body& b : Bodies()) {
    expected.insert(b.id + "," + b.design.at("name").get<std::string>() + ",http://" + b.id +
                    ".localhost:@PORT@/," + b.design.at("sector").get<std::string>() + "," +
                    b.design.at("lang").get<std::string>());
  }
  CHECK(rows == expected);
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSector)) {
    bytes += entry.is_regular_file() ? entry.file_size() : 0;
  }
  CHECK(bytes < 5u * 1024 * 1024);
}
