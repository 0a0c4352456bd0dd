// `plainsight serve` on a free loopback port (issue 14): the draft checker and /check, the JSON
// API (the same JSON as `plainsight text --format json`), uploads through the bounded extractors,
// the dashboard over a scan store, escaping, security headers, the Host check, size limits, 200
// concurrent requests, a slowloris client, and every page passing plainsight's own rules.
#include "cli/serve.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <archive.h>
#include <archive_entry.h>
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "engine/page.h"
#include "engine/runner.h"
#include "plainsight/source_dir.h"
#include "rules/catalog.h"
#include "tests/serve/serve_fixture.h"

namespace fs = std::filesystem;
namespace pc = plainsight::cli;
namespace pe = plainsight::engine;

namespace {

struct TempDir {
  fs::path path;

  TempDir() {
    char tmpl[] = "/tmp/plainsight-serve-test-XXXXXX";
    path = mkdtemp(tmpl);
  }

  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// The port of the server the page under test came from: its stylesheet is read from there, so
// that the rules that need CSS (contrast, reflow, target size, text size) see the real one.
int g_page_port = 0;

// The server on 127.0.0.1, a free port, in a thread of its own.
class Running {
 public:
  explicit Running(pc::ServeOptions options) {
    options.bind = "127.0.0.1";
    options.port = 0;
    auto app = pc::ServeApp::Create(options);
    if (!app) {
      FAIL("cannot create the server: " << app.error().ToString());
    }
    app_ = std::move(*app);
    auto port = app_->Bind();
    REQUIRE(port);
    port_ = *port;
    thread_ = std::thread([this] { app_->Run(); });
    g_page_port = port_;
  }

  ~Running() {
    app_->Stop();
    thread_.join();
  }

  int port() const { return port_; }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    client.set_connection_timeout(30, 0);
    return client;
  }

 private:
  std::unique_ptr<pc::ServeApp> app_;
  int port_ = 0;
  std::thread thread_;
};

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// plainsight's own rules on a page: the failures, as "rule: message".
std::vector<std::string> RuleFailures(const std::string& html) {
  const std::string origin = "http://127.0.0.1:" + std::to_string(g_page_port);
  pe::ResourceLoader loader = [origin](const std::string& url) -> pe::Result<std::string> {
    if (url.rfind(origin + "/", 0) != 0) {
      return pe::Fail(pe::ErrorCode::kDisallowed, "not the server under test: " + url);
    }
    httplib::Client client("127.0.0.1", g_page_port);
    auto res = client.Get(url.substr(origin.size()));
    if (!res || res->status != 200) {
      return pe::Fail(pe::ErrorCode::kNotFound, "cannot fetch " + url);
    }
    return res->body;
  };
  pe::ParseOptions options;
  options.url = origin + "/";
  options.loader = &loader;
  auto doc = pe::Document::ParseHtml(html, options);
  REQUIRE(doc.has_value());
  auto page = pe::Page::Build(std::move(*doc));
  std::vector<std::string> out;
  for (const auto& r : pe::RunRules(*page, plainsight::rules::AllRules()).results) {
    for (const auto& f : r.findings) {
      if (f.outcome == pe::Outcome::kFailed) {
        out.push_back(std::string(r.rule->id) + ": " + f.message + " " + f.snippet);
      }
    }
  }
  return out;
}

void CheckPage(const httplib::Result& res, const std::string& what) {
  INFO(what);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type").rfind("text/html", 0) == 0);
  const std::string csp = res->get_header_value("Content-Security-Policy");
  CHECK(csp.find("script-src 'self'") != std::string::npos);
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
  // No inline script or style, and nothing loaded from elsewhere.
  CHECK(!std::regex_search(res->body, std::regex("<script(?![^>]*\\bsrc=)")));
  CHECK(res->body.find("<style") == std::string::npos);
  CHECK(res->body.find(" style=") == std::string::npos);
  CHECK(!std::regex_search(res->body, std::regex("(src|href)=\"(https?:)?//")));
  auto failures = RuleFailures(res->body);
  INFO((failures.empty() ? "" : failures[0]));
  CHECK(failures.empty());
}

constexpr const char* kDraft =
    "In order to apply for the grant, you must fill in the form. The form was completed by "
    "the applicant. We will make a decision about your application in the near future.\n\n"
    "Applications that are submitted after the closing date which is the last day of March "
    "will not be considered by the committee unless there are exceptional circumstances that "
    "the committee has been told about in writing before the closing date.\n";

// A DOCX of one paragraph, made with libarchive; `repeat` copies of the paragraph.
std::string MakeDocx(const std::string& paragraph, size_t repeat) {
  std::string body;
  for (size_t i = 0; i < repeat; ++i) {
    body += "<w:p><w:r><w:t>" + paragraph + "</w:t></w:r></w:p>";
  }
  std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
      "openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body + "</w:body></w:document>";
  std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats."
      "org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document."
      "main+xml\"/></Types>";
  std::vector<char> buffer(document.size() + 65536);
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  for (auto [name, data] :
       {std::pair<std::string, std::string*>{"[Content_Types].xml", &content_types},
        std::pair<std::string, std::string*>{"word/document.xml", &document}}) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data->size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, data->data(), data->size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

int ConnectLoopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

TEST_CASE("serve: the draft checker page works without a script and passes plainsight's rules",
          "[serve][checker]") {
  Running server({});
  auto client = server.Client();
  auto home = client.Get("/");
  CheckPage(home, "GET /");
  CHECK(home->body.find("action=\"/check\"") != std::string::npos);
  CHECK(home->body.find("<option value=\"ga\"") != std::string::npos);
  auto css = client.Get("/assets/style.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type").rfind("text/css", 0) == 0);
  auto js = client.Get("/assets/app.js");
  REQUIRE(js);
  CHECK(js->status == 200);
  CHECK(js->body.find("checker-form") != std::string::npos);
  CHECK(client.Get("/assets/missing.js")->status == 404);

  // The form posts the text and gets it back with the findings marked.
  httplib::Params form{{"text", kDraft}, {"lang", "en"}};
  auto checked = client.Post("/check", form);
  CheckPage(checked, "POST /check");
  CHECK(checked->body.find("<mark class=\"finding") != std::string::npos);
  CHECK(checked->body.find("Wordy phrase") != std::string::npos);
  CHECK(checked->body.find("<span class=\"suggestion\">Try: to</span>") != std::string::npos);
  CHECK(checked->body.find("href=\"#m1\"") != std::string::npos);
  CHECK(checked->body.find("id=\"m1\"") != std::string::npos);
  CHECK(checked->body.find("<div class=\"marked-text\" id=\"marked-text\" lang=\"en\">") !=
        std::string::npos);

  // The script's re-check gets the results section only.
  httplib::Params partial{{"text", kDraft}, {"lang", "en"}, {"partial", "1"}};
  auto fragment = client.Post("/check", partial);
  REQUIRE(fragment);
  CHECK(fragment->status == 200);
  CHECK(fragment->body.rfind("<section class=\"results\"", 0) == 0);
}

TEST_CASE("serve: everything from a draft is escaped", "[serve][checker][escaping]") {
  Running server({});
  auto client = server.Client();
  httplib::Params form{{"text", "<script>alert(1)</script> In order to \"win\" & <b>lose</b>."},
                       {"lang", "en"}};
  auto checked = client.Post("/check", form);
  REQUIRE(checked);
  CHECK(checked->status == 200);
  CHECK(checked->body.find("<script>alert") == std::string::npos);
  CHECK(checked->body.find("<b>lose") == std::string::npos);
  CHECK(checked->body.find("&lt;b&gt;lose&lt;/b&gt;") != std::string::npos);
  // A language that is not a tag is refused, not echoed into markup.
  httplib::Params bad_lang{{"text", "Hello there."}, {"lang", "\"><script>"}};
  auto refused = client.Post("/check", bad_lang);
  REQUIRE(refused);
  CHECK(refused->status == 400);
  CHECK(refused->body.find("\"><script>") == std::string::npos);
}

TEST_CASE("serve: POST /api/text gives the JSON of plainsight text --format json", "[serve][api]") {
  Running server({});
  auto client = server.Client();
  auto res = client.Post("/api/text", nlohmann::json{{"text", kDraft}, {"lang", "en"}}.dump(),
                         "application/json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  auto api = nlohmann::json::parse(res->body);
  REQUIRE(api.contains("findings"));
  CHECK(api["findings"].size() >= 3);
  CHECK(api["lang"] == "en");

  // The command on the same text, read from standard input as the API reads pasted text.
  TempDir dir;
  fs::path draft = dir.path / "draft.txt";
  std::ofstream(draft, std::ios::binary) << kDraft;
  std::string command = std::string(PLAINSIGHT_BINARY) + " text - --lang en --format json < " +
                        draft.string() + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    output.append(buffer, n);
  }
  ::pclose(pipe);
  auto cli = nlohmann::json::parse(output, nullptr, false);
  REQUIRE(!cli.is_discarded());
  CHECK(api == cli);

  // text/plain with ?lang= too.
  auto plain = client.Post("/api/text?lang=en", kDraft, "text/plain");
  REQUIRE(plain);
  CHECK(plain->status == 200);
  CHECK(nlohmann::json::parse(plain->body) == cli);
}

TEST_CASE("serve: POST /api/text refuses what it cannot check with a JSON error",
          "[serve][api][limits]") {
  pc::ServeOptions options;
  options.max_request_bytes = 256 * 1024;
  options.max_text_bytes = 16 * 1024;
  options.max_member_bytes = 64 * 1024;
  Running server(options);
  auto client = server.Client();
  auto not_json = client.Post("/api/text", "{\"text\": ", "application/json");
  REQUIRE(not_json);
  CHECK(not_json->status == 400);
  CHECK(nlohmann::json::parse(not_json->body)["error"]["status"] == 400);
  auto no_text = client.Post("/api/text", R"({"lang": "en"})", "application/json");
  REQUIRE(no_text);
  CHECK(no_text->status == 400);
  auto unknown_lang = client.Post("/api/text", R"({"text": "Hello there.", "lang": "klingon"})",
                                  "application/json");
  REQUIRE(unknown_lang);
  CHECK(unknown_lang->status == 400);
  CHECK(unknown_lang->body.find("known language code") != std::string::npos);
  auto wrong_type = client.Post("/api/text", "text=hello", "application/x-www-form-urlencoded");
  REQUIRE(wrong_type);
  CHECK(wrong_type->status == 415);
  // Text over the text limit, a request over the request limit.
  std::string long_text(20 * 1024, 'a');
  auto too_long =
      client.Post("/api/text", nlohmann::json{{"text", long_text}}.dump(), "application/json");
  REQUIRE(too_long);
  CHECK(too_long->status == 413);
  std::string huge(300 * 1024, 'a');
  auto too_big = client.Post("/api/text", huge, "text/plain");
  REQUIRE(too_big);
  CHECK(too_big->status == 413);
  // A DOCX whose document.xml expands past the member limit (a zip bomb in small).
  std::string bomb = MakeDocx(std::string(1000, 'x'), 200);
  REQUIRE(bomb.size() < 64 * 1024);
  httplib::MultipartFormDataItems items{{"file", bomb, "bomb.docx",
                                         "application/vnd.openxmlformats-officedocument."
                                         "wordprocessingml.document"}};
  auto refused = client.Post("/api/text", items);
  REQUIRE(refused);
  CHECK(refused->status == 413);
  // Not a DOCX at all.
  httplib::MultipartFormDataItems broken{{"file", "PK\x03\x04 not a zip", "broken.docx", ""}};
  auto unparsable = client.Post("/api/text", broken);
  REQUIRE(unparsable);
  CHECK(unparsable->status == 415);
  // The server is still fine.
  CHECK(client.Get("/")->status == 200);
}

TEST_CASE("serve: a DOCX or ODT upload is checked with the project's extractors",
          "[serve][api][upload]") {
  Running server({});
  auto client = server.Client();
  for (const char* name : {"good.docx", "bad.docx", "good.odt"}) {
    INFO(name);
    std::string bytes = ReadBytes(fs::path(PLAINSIGHT_SOURCE_DIR) / "tests/documents" / name);
    REQUIRE(!bytes.empty());
    httplib::MultipartFormDataItems items{{"file", bytes, name, "application/octet-stream"},
                                          {"lang", "en", "", ""}};
    auto res = client.Post("/api/text", items);
    REQUIRE(res);
    CHECK(res->status == 200);
    auto j = nlohmann::json::parse(res->body);
    CHECK(j["metrics"]["words"].get<int>() > 0);
    auto page = client.Post("/check", items);
    CheckPage(page, std::string("POST /check with ") + name);
  }
  // The DOCX made here: its text comes back in the marked text.
  std::string docx = MakeDocx("In order to help, we will make a decision soon.", 1);
  httplib::MultipartFormDataItems items{{"file", docx, "made.docx", ""}, {"lang", "en", "", ""}};
  auto res = client.Post("/check", items);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("make a decision") != std::string::npos);
}

TEST_CASE("serve: a request for another host name is refused (DNS rebinding)",
          "[serve][security]") {
  Running server({});
  auto client = server.Client();
  auto evil = client.Get("/", {{"Host", "evil.example"}});
  REQUIRE(evil);
  CHECK(evil->status == 421);
  CHECK(evil->get_header_value("X-Content-Type-Options") == "nosniff");
  auto evil_api = client.Post("/api/text", {{"Host", "attacker.example:80"}},
                              R"({"text": "hello"})", "application/json");
  REQUIRE(evil_api);
  CHECK(evil_api->status == 421);
  auto local = client.Get("/", {{"Host", "localhost:" + std::to_string(server.port())}});
  REQUIRE(local);
  CHECK(local->status == 200);
  pc::ServeOptions options;
  options.allowed_hosts = {"checker.example.org"};
  Running named(options);
  auto named_client = named.Client();
  CHECK(named_client.Get("/", {{"Host", "checker.example.org"}})->status == 200);
  CHECK(named_client.Get("/", {{"Host", "other.example.org"}})->status == 421);
}

TEST_CASE("serve: the dashboard and the API over a scan store", "[serve][dashboard]") {
  TempDir dir;
  std::string db = (dir.path / "scan.db").string();
  REQUIRE(plainsight::testing::WriteServeFixtureStore(db) == "");
  pc::ServeOptions options;
  options.db = db;
  options.cache_dir = (dir.path / "cache").string();
  Running server(options);
  auto client = server.Client();

  auto overview = client.Get("/dashboard");
  CheckPage(overview, "GET /dashboard");
  const std::string& html = overview->body;
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Bay County Council") != std::string::npos);
  CHECK(html.find("/dashboard/data/2/bodies.csv") != std::string::npos);
  CHECK(html.find("/dashboard/bodies/c%2F..%2Fx?scan=2") != std::string::npos);

  // Sorting and filtering without a script: the server orders the rows.
  auto by_name = client.Get("/dashboard?scan=2&sort=name&order=desc");
  REQUIRE(by_name);
  size_t central = by_name->body.find("Central Office");
  size_t bay = by_name->body.find("Bay County Council");
  REQUIRE(central != std::string::npos);
  REQUIRE(bay != std::string::npos);
  CHECK(central < bay);
  CHECK(by_name->body.find("aria-sort=\"descending\"") != std::string::npos);
  auto filtered = client.Get("/dashboard?scan=2&sector=central");
  REQUIRE(filtered);
  CHECK(filtered->body.find("Bay County Council</a>") == std::string::npos);
  CHECK(filtered->body.find("Central Office</a>") != std::string::npos);

  auto nothing = client.Get("/dashboard?scan=2&q=no%20such%20body");
  CheckPage(nothing, "GET /dashboard with a filter nothing matches");
  CHECK(nothing->body.find("No body matches") != std::string::npos);

  auto body = client.Get("/dashboard/bodies/c%2F..%2Fx?scan=1");
  CheckPage(body, "GET /dashboard/bodies/c/../x");
  CHECK(body->body.find("&lt;refused&gt;") != std::string::npos);
  auto body_a = client.Get("/dashboard/bodies/a");
  CheckPage(body_a, "GET /dashboard/bodies/a");
  CHECK(body_a->body.find("html.image-name") != std::string::npos);
  // Its documents, with the page that linked each and the checks it failed.
  CHECK(body_a->body.find("<h2>Documents</h2>\n<p>1 document found: 1 with failed checks") !=
        std::string::npos);
  CHECK(body_a->body.find("https://a.example/plan.pdf</th><td>pdf</td><td class=\"url\">"
                          "https://a.example/0</td><td>pdf.tagged</td>") != std::string::npos);
  CHECK(body_a->body.find("<b>Home</b>") == std::string::npos);
  CHECK(client.Get("/dashboard/bodies/nobody")->status == 404);
  CheckPage(client.Get("/dashboard/scans"), "GET /dashboard/scans");
  CheckPage(client.Get("/api"), "GET /api");

  auto scans = client.Get("/api/scans");
  REQUIRE(scans);
  CHECK(scans->status == 200);
  auto scans_json = nlohmann::json::parse(scans->body);
  REQUIRE(scans_json["scans"].size() == 2);
  CHECK(scans_json["scans"][1]["status"] == "done");

  auto bodies = client.Get("/api/bodies?scan=1");
  REQUIRE(bodies);
  auto bodies_json = nlohmann::json::parse(bodies->body);
  REQUIRE(bodies_json["bodies"].size() == 3);
  CHECK(bodies_json["scan"]["id"] == 1);
  CHECK(bodies_json["bodies"][0]["name"] == plainsight::testing::kHostileBodyName);
  CHECK(bodies_json["bodies"][2]["state"] == "failed");

  auto detail = client.Get("/api/bodies/b");
  REQUIRE(detail);
  auto detail_json = nlohmann::json::parse(detail->body);
  CHECK(detail_json["scan"] == 2);
  CHECK(detail_json["trend"].size() == 2);
  CHECK(detail_json["pages"].size() == 3);
  // Body b fixed its image between the scans: its index went up.
  CHECK(detail_json["trend"][1]["index"].get<double>() >
        detail_json["trend"][0]["index"].get<double>());
  CHECK(client.Get("/api/bodies/nobody")->status == 404);
  CHECK(client.Get("/api/bodies?scan=99")->status == 404);
  CHECK(client.Get("/api/bodies?scan=x")->status == 400);

  auto csv = client.Get("/dashboard/data/2/bodies.csv");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
  CHECK(csv->body.find("Bay County Council") != std::string::npos);
  auto package = client.Get("/dashboard/data/1/datapackage.json");
  REQUIRE(package);
  CHECK(package->status == 200);
  CHECK(!nlohmann::json::parse(package->body, nullptr, false).is_discarded());
  CHECK(client.Get("/dashboard/data/1/index.html")->status == 404);
  CHECK(client.Get("/dashboard/data/1/..%2F..%2Fetc%2Fpasswd")->status == 404);
}

TEST_CASE("serve: without --db the dashboard says how to start it", "[serve][dashboard]") {
  Running server({});
  auto client = server.Client();
  auto page = client.Get("/dashboard");
  REQUIRE(page);
  CHECK(page->status == 404);
  CHECK(page->body.find("--db") != std::string::npos);
  auto api = client.Get("/api/bodies");
  REQUIRE(api);
  CHECK(api->status == 404);
  CHECK(nlohmann::json::parse(api->body)["error"]["status"] == 404);
}

TEST_CASE("serve: the server stays up under 200 concurrent requests", "[serve][load]") {
  Running server({});
  constexpr int kClients = 200;
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  clients.reserve(kClients);
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      auto client = server.Client();
      httplib::Result res = i % 4 == 0
                                ? client.Post("/api/text", nlohmann::json{{"text", kDraft}}.dump(),
                                              "application/json")
                                : client.Get(i % 4 == 1 ? "/" : "/assets/style.css");
      (res && res->status == 200 ? ok : failed)++;
    });
  }
  for (std::thread& t : clients) {
    t.join();
  }
  CHECK(ok == kClients);
  CHECK(failed == 0);
  CHECK(server.Client().Get("/")->status == 200);
}

// Slow connections that each send a request head a byte every 200 ms, from a thread of their
// own; the destructor stops it and closes them (also when a check throws).
class SlowClients {
 public:
  SlowClients(int port, int count) {
    for (int i = 0; i < count; ++i) {
      int fd = ConnectLoopback(port);
      if (fd >= 0) {
        sockets_.push_back(fd);
      }
    }
    dribbler_ = std::thread([this] {
      const std::string head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
      size_t sent = 0;
      while (!stop_) {
        for (int fd : sockets_) {
          char c = sent < head.size() ? head[sent] : 'a';
          ::send(fd, &c, 1, MSG_NOSIGNAL);
        }
        ++sent;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
  }

  ~SlowClients() {
    stop_ = true;
    dribbler_.join();
    for (int fd : sockets_) {
      ::close(fd);
    }
  }

  size_t size() const { return sockets_.size(); }

  // How many of the connections the server has closed by `until`.
  int ClosedBy(std::chrono::steady_clock::time_point until) const {
    int closed = 0;
    for (int fd : sockets_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count()))) > 0) {
        char buffer[512];
        ssize_t n = 0;
        do {
          n = ::recv(fd, buffer, sizeof buffer, 0);
        } while (n > 0);
        closed += n <= 0 ? 1 : 0;
      }
    }
    return closed;
  }

 private:
  std::vector<int> sockets_;
  std::atomic<bool> stop_{false};
  std::thread dribbler_;
};

TEST_CASE("serve: slowloris clients are cut off at the deadline and others are still served",
          "[serve][slowloris]") {
  pc::ServeOptions options;
  options.request_deadline_ms = 1500;
  options.threads = 16;
  Running server(options);
  auto start = std::chrono::steady_clock::now();
  {
    // Fewer slow clients than threads: a normal client is served at once while they dribble,
    // and each slow one is closed soon after the deadline.
    SlowClients slow(server.port(), 10);
    REQUIRE(slow.size() == 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto res = server.Client().Get("/");
    CHECK((res && res->status == 200));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1400));
    CHECK(slow.ClosedBy(start + std::chrono::seconds(8)) == 10);
  }
  {
    // More slow clients than threads: they are all closed (those that waited in the queue
    // past the deadline unread), and then the server answers again.
    start = std::chrono::steady_clock::now();
    SlowClients flood(server.port(), 40);
    REQUIRE(flood.size() == 40);
    CHECK(flood.ClosedBy(start + std::chrono::seconds(10)) == 40);
  }
  auto after = server.Client().Get("/");
  CHECK((after && after->status == 200));
}
