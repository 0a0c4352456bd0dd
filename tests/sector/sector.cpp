// The generated sector (sector.h). Pages are made from a fixed bank of sentences and markup
// patterns, picked by a hash of (body, page), so that every run serves the same bytes.
#include "tests/sector/sector.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace plainsight::testing {
namespace {

uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr const char* kKinds[] = {"County Council", "City Council", "Department",
                                  "Agency",         "Board",        "Office"};
constexpr const char* kPlaces[] = {"Ballykeeran", "Clonmore", "Dunmanway", "Kilbride",
                                   "Lisnagry",    "Rathmore", "Tullamore", "Ardfinnan"};
constexpr const char* kTopics[] = {"Parking permits", "Housing grants",   "Planning applications",
                                   "Bin collection",  "Library services", "Road works",
                                   "Motor tax",       "Community grants", "Water charges",
                                   "Burial grounds",  "Fire safety",      "Allotments"};

// Plain sentences and wordy ones, as real pages mix them.
constexpr const char* kSentences[] = {
    "You can apply online or at any of our offices.",
    "Bring proof of address and a photo ID.",
    "We will reply within ten working days.",
    "The office is open from nine to five, Monday to Friday.",
    "In accordance with the provisions of the relevant legislation, applicants are required to "
    "ensure that all documentation is submitted prior to the commencement of the assessment "
    "process.",
    "It should be noted that the Council reserves the right to utilise the information provided "
    "for the purpose of facilitating the administration of the scheme.",
    "Applications were reviewed by the committee and decisions were made in respect of each "
    "application.",
    "If you need help, phone us on 01 555 0100.",
    "The fee is 50 euro and you can pay by card.",
    "Notwithstanding the foregoing, in the event that an applicant fails to comply with the "
    "aforementioned requirements, the application may be deemed to be invalid.",
    "Our staff can help you fill in the form.",
    "A decision is made on each application by the relevant section in due course.",
};

// Markup patterns, some accessible and some not.
constexpr const char* kBlocks[] = {
    R"(<p><img src="/img/map.png" alt="Map of the town centre"></p>)",
    "<p><img src=\"/img/banner.jpg\"></p>",
    "<form action=\"/search\"><label for=\"q\">Search</label> <input id=\"q\" name=\"q\"> "
    "<button>Search</button></form>",
    "<form action=\"/subscribe\"><input type=\"email\" name=\"email\" placeholder=\"Email\">"
    "<button></button></form>",
    "<p style=\"color:#aaaaaa;background:#ffffff\">Opening hours may change at short notice.</p>",
    "<ul><li>Step one: fill in the form</li><li>Step two: pay the fee</li><li>Step three: wait "
    "for our letter</li></ul>",
    "<table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday</td><td>9 to 5</td></tr></table>",
    "<p><a href=\"/services/1.html\">Click here</a> for more information.</p>",
    "<div role=\"button\">Apply now</div>",
    "<h3></h3>",
};

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    out += c == '&' ? std::string("&amp;") : c == '<' ? std::string("&lt;") : std::string(1, c);
  }
  return out;
}

std::string BodyName(int body) {
  uint64_t h = Mix(static_cast<uint64_t>(body));
  return std::string(kPlaces[h % std::size(kPlaces)]) + " " + kKinds[(h >> 8) % std::size(kKinds)] +
         " " + std::to_string(body);
}

std::string Page(const SectorOptions& options, int body, int page) {
  uint64_t h = Mix(static_cast<uint64_t>(body) * 7919 + static_cast<uint64_t>(page));
  bool irish = body % 7 == 3;
  std::string topic = page == 0 ? "Home" : kTopics[(h >> 4) % std::size(kTopics)];
  std::string title = topic + " - " + BodyName(body);
  std::string html;
  html.reserve(6000);
  html += "<!DOCTYPE html>\n<html lang=\"";
  // Some pages lack a language: a common failure.
  html += (h % 11 == 0) ? "" : (irish ? "ga" : "en-IE");
  html += "\">\n<head><meta charset=\"utf-8\"><title>";
  html += (h % 13 == 0) ? "" : Escape(title);
  html += "</title>\n<link rel=\"stylesheet\" href=\"/site.css\"></head>\n<body>\n";
  html += "<header><a href=\"/\">" + Escape(BodyName(body)) + "</a>\n<nav><ul>";
  // Navigation: the index and a few neighbours, so the site is a connected graph.
  for (int k = 1; k <= 4; ++k) {
    int target = (page + k) % options.pages;
    html += "<li><a href=\"" + SectorPath(target) + "\">" +
            kTopics[(Mix(static_cast<uint64_t>(body) * 7919 + static_cast<uint64_t>(target)) >> 4) %
                    std::size(kTopics)] +
            "</a></li>";
  }
  html += "</ul></nav></header>\n<main>\n<h1>" + Escape(topic) + "</h1>\n";
  int paragraphs = 3 + static_cast<int>(h % 4);
  for (int p = 0; p < paragraphs; ++p) {
    html += "<p>";
    int sentences = 2 + static_cast<int>((h >> (p * 3)) % 4);
    for (int s = 0; s < sentences; ++s) {
      html += kSentences[Mix(h + static_cast<uint64_t>(p * 31 + s)) % std::size(kSentences)];
      html += ' ';
    }
    html += "</p>\n";
    if (p == 1) {
      html += "<h2>More about " + Escape(topic) + "</h2>\n";
    }
    html += kBlocks[Mix(h + 101 + static_cast<uint64_t>(p)) % std::size(kBlocks)];
    html += "\n";
  }
  if (page == 0) {
    html += "<p><a href=\"/docs/plan.pdf\">Corporate plan (PDF, 1 page)</a></p>\n";
  }
  html +=
      "</main>\n<footer><p><a href=\"/accessibility.html\">Accessibility</a> | "
      "<a href=\"/contact.html\">Contact us</a></p></footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace

std::string SectorHost(int body) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "b%04d.localhost", body);
  return buf;
}

std::string SectorPath(int page) {
  return page == 0 ? "/" : "/services/" + std::to_string(page) + ".html";
}

std::optional<std::string> SectorResource(const SectorOptions& options, int body,
                                          const std::string& path) {
  if (path == "/robots.txt") {
    return std::string("User-agent: *\nDisallow: /private/\n");
  }
  if (path == "/site.css") {
    return std::string(
        "body { font-family: sans-serif; color: #222; background: #fff }\n"
        "nav a { color: #0645ad }\n.faint { color: #999 }\n");
  }
  if (path == "/docs/plan.pdf") {
    return std::string(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>"
        "\n%%EOF\n");
  }
  if (path == "/" || path == "/index.html") {
    return Page(options, body, 0);
  }
  const std::string prefix = "/services/";
  if (path.rfind(prefix, 0) == 0 && path.size() > prefix.size() + 5 &&
      path.compare(path.size() - 5, 5, ".html") == 0) {
    std::string number = path.substr(prefix.size(), path.size() - prefix.size() - 5);
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos ||
        number.size() > 6) {
      return std::nullopt;
    }
    int page = std::stoi(number);
    if (page >= 1 && page < options.pages) {
      return Page(options, body, page);
    }
  }
  return std::nullopt;
}

bool WriteSector(const SectorOptions& options, const std::string& dir, int port) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream csv(fs::path(dir) / "bodies.csv");
  csv << "id,name,url,sector,lang\n";
  auto write = [&](const fs::path& file, const std::string& content) {
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary);
    out << content;
    return static_cast<bool>(out);
  };
  for (int body = 1; body <= options.bodies; ++body) {
    fs::path root = fs::path(dir) / SectorHost(body);
    for (std::string path : {"/robots.txt", "/site.css", "/docs/plan.pdf"}) {
      if (!write(root / path.substr(1), *SectorResource(options, body, path))) {
        return false;
      }
    }
    for (int page = 0; page < options.pages; ++page) {
      std::string path = SectorPath(page);
      fs::path file = page == 0 ? root / "index.html" : root / path.substr(1);
      if (!write(file, *SectorResource(options, body, path))) {
        return false;
      }
    }
    csv << "b" << body << ",\"" << BodyName(body) << "\",http://" << SectorHost(body) << ":" << port
        << "/," << (body % 3 == 0 ? "central" : "local") << "," << (body % 7 == 3 ? "ga" : "en")
        << "\n";
  }
  return static_cast<bool>(csv);
}

}  // namespace plainsight::testing
