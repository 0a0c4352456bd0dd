// The demo-sector tests' shared reading of corpora/sector: see sector_fixture.h.
#include "tests/demo_sector/sector_fixture.h"

#include <fstream>
#include <functional>
#include <sstream>

#include <gumbo.h>
#include <re2/re2.h>

namespace sector_fixture {

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

namespace {

// Whitespace runs as one space, none at the ends.
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

}  // namespace

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// ---- HTML pages --------------------------------------------------------------------------

namespace {

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

// The URL path of a file of a body's folder ("about/index.html" -> "/about/").
std::string UrlOf(const fs::path& rel) {
  std::string u = "/" + rel.generic_string();
  const std::string index = "index.html";
  if (u.size() >= index.size() && u.compare(u.size() - index.size(), index.size(), index) == 0) {
    u.resize(u.size() - index.size());
  }
  return u;
}

}  // namespace

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

namespace {

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

}  // namespace

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

std::set<std::string> Strings(const json& array) {
  std::set<std::string> out;
  for (const json& v : array) {
    out.insert(v.get<std::string>());
  }
  return out;
}

}  // namespace sector_fixture
