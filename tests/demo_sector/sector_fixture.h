// What the demo-sector tests share (sector_content_test.cpp, sector_documents_test.cpp): the
// five bodies of corpora/sector read with Gumbo, their design (design.json), and how their
// pages refer to each other.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "plainsight/source_dir.h"

namespace sector_fixture {

namespace fs = std::filesystem;
using json = nlohmann::json;

inline const fs::path kSector = fs::path(PLAINSIGHT_SOURCE_DIR) / "corpora" / "sector";

std::string ReadFile(const fs::path& p);
std::string Lower(std::string s);
bool Contains(const std::string& hay, const std::string& needle);

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

// A reference from a page: where it points once resolved, if it is on the body's own host.
struct Ref {
  std::string attr_url;  // as written
  std::string path;      // resolved URL path, empty when external or not a URL
  std::string fragment;
  bool external = false;
  std::string host;  // for external http(s)
};

// The bodies of design.json, each with its pages parsed (Gumbo) and its documents listed; read
// once.
const std::vector<Body>& Bodies();
json Design();
// Where `raw`, written on the page at `page_url`, points.
Ref Resolve(const std::string& page_url, const std::string& raw);
// Every reference of a page (links, stylesheets, images, frames, forms) with its element.
std::vector<std::pair<const Element*, Ref>> Refs(const Page& page);
fs::path FileFor(const Body& b, const std::string& path);
// The URL paths a page links to on its own host.
std::set<std::string> LinkedPaths(const Page& page);
bool LinkedFromAnyPage(const Body& b, const std::string& path);
// A JSON array of strings as a set.
std::set<std::string> Strings(const json& array);

}  // namespace sector_fixture
