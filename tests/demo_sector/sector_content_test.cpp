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
// alternatives (in sector_documents_test.cpp); and the failures written into each body, exactly.
// What the two files share (the bodies read with Gumbo, the design, references between pages)
// is in sector_fixture.h.
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "tests/demo_sector/sector_fixture.h"

using namespace sector_fixture;  // NOLINT(google-build-using-namespace): the tests' vocabulary

namespace {

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
