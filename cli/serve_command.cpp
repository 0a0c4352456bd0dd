// `plainsight serve`: the command line of the server (serve.h). Stops cleanly on SIGINT and
// SIGTERM: the signals are taken by a thread of their own (sigwait), never in a handler.
#include <charconv>
#include <csignal>
#include <iostream>
#include <thread>

#include <pthread.h>

#include "cli/commands.h"
#include "cli/serve.h"
#include "engine/terminal_text.h"

namespace plainsight::cli {

namespace {

constexpr const char* kUsage =
    "usage: plainsight serve [--db scan.db] [--port 8080] [--bind 127.0.0.1] [options]\n"
    "The draft checker at /, the dashboard of a scan store at /dashboard (with --db) and the\n"
    "JSON API at /api (docs/serve.md).\n"
    "  --db FILE|URI          a scan store to browse (read-only)\n"
    "  --port N               port to listen on (default 8080; 0 picks a free one)\n"
    "  --bind ADDRESS         address to listen on (default 127.0.0.1, this computer only)\n"
    "  --allowed-host NAME    also answer to this host name (repeatable; IP addresses and\n"
    "                         localhost always work)\n"
    "  --max-request-bytes N  largest request body: pasted text or upload (default 8 MiB)\n"
    "  --max-text-bytes N     largest pasted text (default 1 MiB)\n"
    "  --request-deadline-ms N  time a client has to send a whole request (default 20000)\n"
    "  --threads N            connections served at once (default 64)\n"
    "  --analysers N          drafts analysed at once (default: the number of cores)\n"
    "  --data-dir DIR         the analyser's word lists (default: corpora/text)\n";

bool ParseCount(std::string_view text, uint64_t min, uint64_t max, uint64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && out >= min && out <= max;
}

}  // namespace

int RunServeCommand(int argc, char** argv) {
  ServeOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      return UsageError(std::string(arg.rfind("--", 0) == 0
                                        ? std::string(arg) + " needs a value"
                                        : "unknown argument '" + std::string(arg) + "'") +
                        "\n" + kUsage);
    }
    std::string value = argv[++i];
    uint64_t n = 0;
    if (arg == "--db") {
      options.db = value;
    } else if (arg == "--bind") {
      options.bind = value;
    } else if (arg == "--allowed-host") {
      options.allowed_hosts.push_back(value);
    } else if (arg == "--data-dir") {
      options.data_dir = value;
    } else if (arg == "--port") {
      if (!ParseCount(value, 0, 65535, n)) {
        return UsageError("--port needs a port number from 0 to 65535");
      }
      options.port = static_cast<int>(n);
    } else if (arg == "--max-request-bytes" || arg == "--max-text-bytes") {
      if (!ParseCount(value, 1024, uint64_t{1} << 32, n)) {
        return UsageError(std::string(arg) + " needs a number of bytes from 1024 to 4 GiB");
      }
      (arg == "--max-request-bytes" ? options.max_request_bytes : options.max_text_bytes) = n;
    } else if (arg == "--request-deadline-ms") {
      if (!ParseCount(value, 100, 3'600'000, n)) {
        return UsageError("--request-deadline-ms needs a number from 100 to 3600000");
      }
      options.request_deadline_ms = static_cast<int>(n);
    } else if (arg == "--threads" || arg == "--analysers") {
      if (!ParseCount(value, 1, 4096, n)) {
        return UsageError(std::string(arg) + " needs a number from 1 to 4096");
      }
      (arg == "--threads" ? options.threads : options.analysers) = n;
    } else {
      return UsageError("unknown argument '" + std::string(arg) + "'\n" + kUsage);
    }
  }
  // The signals go to the thread that waits for them, not to the server's threads.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto app = ServeApp::Create(options);
  if (!app) {
    return UsageError(engine::TerminalSafe(app.error().ToString()));
  }
  auto port = (*app)->Bind();
  if (!port) {
    return UsageError(port.error().message);
  }
  std::string host =
      options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::cerr << "plainsight serve: listening on http://" << engine::TerminalSafe(host) << ":"
            << *port << "/" << (options.db.empty() ? " (no --db: the dashboard is empty)" : "")
            << std::endl;
  ServeApp* server = app->get();
  std::thread stopper([server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server->Stop();
  });
  bool ok = server->Run();
  // Wakes the stopper when the server ended by itself: SIGTERM is blocked in every thread and
  // the stopper waits for it in sigwait(), so this ends the wait and kills nothing.
  // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::cerr << "plainsight serve: stopped\n";
  return ok ? 0 : 2;
}

}  // namespace plainsight::cli
