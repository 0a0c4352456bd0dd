// `plainsight serve [--db scan.db] [--port 8080] [--bind 127.0.0.1]` (issue 14): the writers'
// draft checker and the scan dashboard in a browser, and the JSON API behind both. docs/serve.md
// describes the pages, the API and the safety measures.
//
// The parts: serve_server.cpp (the HTTP server: deadlines, limits, security headers, Host
// check), serve_checker.cpp (the draft checker and POST /api/text), serve_dashboard.cpp (the scan
// store read for the dashboard and the API), serve_dashboard_pages.cpp (its HTML), serve_html.cpp
// (what every page shares) and serve_command.cpp (the command line). The browser assets in web/
// are compiled into the binary (cmake/embed_assets.cmake), so the pages need no file and no
// external resource at run time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/result.h"

namespace plainsight::cli {

struct ServeOptions {
  std::string db;  // a scan store (file or postgresql:// URI); "" = no dashboard data
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed on start)
  // Host header names accepted besides IP literals, "localhost" and the bound address (the
  // defence against DNS rebinding: a page on another site cannot reach a loopback server through
  // a name of its own).
  std::vector<std::string> allowed_hosts;
  size_t max_request_bytes = size_t{8} << 20;  // request bodies: pasted text or an upload
  size_t max_text_bytes = size_t{1} << 20;     // pasted text and extracted text analysed
  size_t max_member_bytes = size_t{32} << 20;  // a DOCX/ODT member after decompression
  int request_deadline_ms = 20'000;  // to receive a whole request, head and body (slowloris)
  int idle_timeout_ms = 5'000;       // a kept-alive connection with no new request is closed
  int write_timeout_ms = 10'000;
  size_t threads = 64;    // connections served at once; more wait in the accept queue
  size_t analysers = 0;   // text analyses at once; 0 = the number of cores
  std::string data_dir;   // the analyser's word lists; "" = the default
  std::string cache_dir;  // open-data files written for downloads; "" = a temporary folder
};

// The server. Create() prepares everything (opens the store read-only, checks the analyser's
// data); Bind() takes the port; Run() serves until Stop() is called from another thread.
class ServeApp {
 public:
  // Fails with the store's error (missing, corrupt, newer schema) or the analyser's (data
  // missing).
  static engine::Result<std::unique_ptr<ServeApp>> Create(const ServeOptions& options);
  ~ServeApp();

  // Binds to options.bind and options.port (any free port when 0); returns the port. Fails with
  // kIo when the address cannot be bound.
  engine::Result<int> Bind();
  // Serves until Stop(). Returns false when the server could not run.
  bool Run();
  void Stop();

 private:
  struct Impl;
  explicit ServeApp(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// argv[0] is "serve". Returns 0 after a clean stop (SIGINT/SIGTERM), 2 on bad usage or when
// the store, the data or the port is unusable.
int RunServeCommand(int argc, char** argv);

}  // namespace plainsight::cli
