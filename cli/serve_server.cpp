// The HTTP server of `plainsight serve` (issue 14 item 6): cpp-httplib's router on a connection
// loop of our own that puts a deadline on each request, the security headers on every answer,
// the Host check, size limits and the embedded assets.
//
// Why a connection loop of our own: cpp-httplib 0.11 times out each read, not a whole request,
// so a slowloris client that sends a byte every few seconds would hold a worker thread for
// hours. DeadlineStream gives each request request_deadline_ms from its first byte to arrive,
// head and body; a connection idle for idle_timeout_ms before a request is closed, and one that
// waited in the accept queue for longer than the deadline is closed unread. Server::process_request
// (the parsing and routing) is cpp-httplib's own: it is protected, made for subclasses like this
// one.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <iostream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli/serve_internal.h"
#include "engine/ascii.h"

namespace plainsight::cli {

namespace serve {
namespace {

using Clock = std::chrono::steady_clock;

// A socket stream whose reads fail once the current request's deadline has passed, with a small
// read buffer (cpp-httplib reads request heads one byte at a time).
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(int sock, int write_timeout_ms)
      : sock_(sock), write_timeout_ms_(write_timeout_ms) {}

  void StartRequest(Clock::time_point deadline) { deadline_ = deadline; }

  bool HasBuffered() const { return begin_ < end_; }

  bool is_readable() const override { return HasBuffered() || WaitFor(POLLIN) > 0; }

  bool is_writable() const override { return PollFor(POLLOUT, write_timeout_ms_) > 0; }

  ssize_t read(char* ptr, size_t size) override {
    if (!HasBuffered()) {
      if (WaitFor(POLLIN) <= 0) {
        return -1;
      }
      ssize_t n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      if (n <= 0) {
        return n;
      }
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (PollFor(POLLOUT, write_timeout_ms_) <= 0) {
      return -1;
    }
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(true, ip, port);
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(false, ip, port);
  }

  socket_t socket() const override { return sock_; }

 private:
  // Waits for the socket until the request's deadline.
  int WaitFor(short events) const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    if (left.count() <= 0) {
      return 0;
    }
    return PollFor(events, static_cast<int>(left.count()));
  }

  int PollFor(short events, int timeout_ms) const {
    pollfd p{sock_, events, 0};
    int r = 0;
    do {
      r = ::poll(&p, 1, timeout_ms);
    } while (r < 0 && errno == EINTR);
    return r;
  }

  void Address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int r = peer ? ::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len)
                 : ::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len);
    char text[INET6_ADDRSTRLEN] = "";
    port = 0;
    if (r == 0 && addr.ss_family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      port = ntohs(in->sin_port);
    } else if (r == 0 && addr.ss_family == AF_INET6) {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
      port = ntohs(in6->sin6_port);
    }
    ip = text;
  }

  int sock_;
  int write_timeout_ms_;
  Clock::time_point deadline_ = Clock::now();
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

// When the connection a worker is serving was accepted: a connection that waited in the queue
// has that much less time to send its first request.
thread_local Clock::time_point accepted_at;

// cpp-httplib's thread pool, noting when each connection was accepted (enqueue is called by the
// accepting thread right after accept()).
class AcceptTimeQueue final : public httplib::TaskQueue {
 public:
  explicit AcceptTimeQueue(size_t threads) : pool_(threads) {}

  void enqueue(std::function<void()> fn) override {
    pool_.enqueue([fn = std::move(fn), at = Clock::now()] {
      accepted_at = at;
      fn();
    });
  }

  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
};

class DeadlineServer final : public httplib::Server {
 public:
  explicit DeadlineServer(const ServeOptions& options) : options_(options) {
    size_t threads = std::max<size_t>(2, options.threads);
    new_task_queue = [threads] { return new AcceptTimeQueue(threads); };
    set_payload_max_length(options.max_request_bytes);
    // What the Keep-Alive header announces; process_and_close_socket enforces it.
    set_keep_alive_max_count(kMaxRequestsPerConnection);
    set_keep_alive_timeout(std::max(1, options.idle_timeout_ms / 1000));
    // Answers go out as they are written: with Nagle's algorithm a response written in two
    // parts (headers, then body) waited for the client's delayed acknowledgement, about 40 ms
    // per request on a keep-alive connection (92 requests/s at a quarter of one core).
    set_tcp_nodelay(true);
  }

  // cpp-httplib listens with a backlog of 5; 200 clients connecting at once need more.
  void WidenBacklog() { ::listen(svr_sock_, 1024); }

 private:
  bool process_and_close_socket(socket_t sock) override {
    DeadlineStream stream(sock, options_.write_timeout_ms);
    bool ok = true;
    const auto deadline = std::chrono::milliseconds(options_.request_deadline_ms);
    // A connection that waited in the queue longer than a whole request may take is dropped
    // unread: under a flood of slow clients the queue drains instead of growing.
    if (Clock::now() - accepted_at > deadline) {
      ::close(sock);
      return false;
    }
    for (int served = 0; served < kMaxRequestsPerConnection; ++served) {
      auto idle_until = Clock::now() + std::chrono::milliseconds(options_.idle_timeout_ms);
      if (!stream.HasBuffered() && !WaitForRequest(sock, idle_until)) {
        break;
      }
      // From its first byte a request has `deadline` to arrive whole, head and body.
      stream.StartRequest(Clock::now() + deadline);
      bool connection_closed = false;
      bool close = served + 1 == kMaxRequestsPerConnection || svr_sock_ == INVALID_SOCKET;
      ok = process_request(stream, close, connection_closed, nullptr);
      if (!ok || connection_closed || close) {
        break;
      }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  // Waits until `until` for the next request, in slices so that a stop is noticed.
  bool WaitForRequest(int sock, Clock::time_point until) const {
    while (svr_sock_ != INVALID_SOCKET && Clock::now() < until) {
      pollfd p{sock, POLLIN, 0};
      int r = ::poll(&p, 1, 100);
      if (r > 0) {
        return true;
      }
      if (r < 0 && errno != EINTR) {
        return false;
      }
    }
    return false;
  }

  static constexpr int kMaxRequestsPerConnection = 100;
  ServeOptions options_;
};

bool IsIpLiteral(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return true;  // IPv6
  }
  in_addr addr{};
  return ::inet_pton(AF_INET, std::string(host).c_str(), &addr) == 1;
}

// The Host header without its port, lowercased.
std::string HostName(std::string_view host) {
  std::string out(host);
  if (!out.empty() && out.front() == '[') {
    size_t close = out.find(']');
    out = close == std::string::npos ? out : out.substr(0, close + 1);
  } else if (size_t colon = out.rfind(':'); colon != std::string::npos) {
    out = out.substr(0, colon);
  }
  engine::AsciiLowerInPlace(out);  // host names are ASCII-case-insensitive (RFC 4343)
  return out;
}

constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

}  // namespace
}  // namespace serve

struct ServeApp::Impl {
  ServeOptions options;
  std::unique_ptr<serve::Checker> checker;
  std::unique_ptr<serve::Dashboard> dashboard;
  std::unique_ptr<serve::DeadlineServer> server;
  int port = 0;
  // Stop() may come before Run() has started listening (or before it is called at all).
  std::atomic<bool> stop_requested{false};
  std::atomic<int> run_state{0};  // 0 not called, 1 running, 2 returned
};

ServeApp::ServeApp(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ServeApp::~ServeApp() = default;

engine::Result<std::unique_ptr<ServeApp>> ServeApp::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  auto checker = serve::Checker::Create(options);
  if (!checker) {
    return engine::Fail(checker.error().code, checker.error().message, checker.error().where);
  }
  impl->checker = std::move(*checker);
  if (!options.db.empty()) {
    auto dashboard = serve::Dashboard::Open(options);
    if (!dashboard) {
      return engine::Fail(dashboard.error().code, dashboard.error().message,
                          dashboard.error().where);
    }
    impl->dashboard = std::move(*dashboard);
  }
  impl->server = std::make_unique<serve::DeadlineServer>(options);
  httplib::Server& server = *impl->server;

  std::vector<std::string> allowed = {"localhost", serve::HostName(options.bind)};
  for (const std::string& host : options.allowed_hosts) {
    allowed.push_back(serve::HostName(host));
  }
  // Every answer carries the security headers; a request for another host name is refused
  // before it reaches a handler (DNS rebinding).
  server.set_pre_routing_handler([allowed](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", serve::kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Cross-Origin-Resource-Policy", "same-origin");
    res.set_header("Cache-Control", "no-store");
    std::string host = serve::HostName(req.get_header_value("Host"));
    bool ok = !host.empty() && (serve::IsIpLiteral(host) ||
                                std::find(allowed.begin(), allowed.end(), host) != allowed.end());
    if (!ok) {
      res.status = 421;
      res.set_content(serve::RenderErrorPage(421,
                                             "This server answers only to its own address. "
                                             "Start it with --allowed-host NAME to use a name."),
                      "text/html; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) {
      return;
    }
    std::string message = res.status == 404   ? "There is no page at this address."
                          : res.status == 413 ? "The request is larger than this server takes."
                                              : "The request could not be handled.";
    if (req.path.rfind("/api/", 0) == 0) {
      serve::JsonError(res, res.status, message);
    } else {
      res.set_content(serve::RenderErrorPage(res.status, message), "text/html; charset=utf-8");
    }
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, const std::exception_ptr&) {
        res.status = 500;
        res.set_content(serve::RenderErrorPage(500, "Something went wrong on the server."),
                        "text/html; charset=utf-8");
      });
  for (const serve::WebAsset& asset : serve::WebAssets()) {
    server.Get(std::string(asset.path), [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "max-age=3600");
      res.set_content(std::string(asset.data), std::string(asset.content_type));
    });
  }
  serve::InstallCheckerRoutes(server, *impl->checker);
  serve::InstallDashboardRoutes(server, impl->dashboard.get());
  return std::unique_ptr<ServeApp>(new ServeApp(std::move(impl)));
}

engine::Result<int> ServeApp::Bind() {
  serve::DeadlineServer& server = *impl_->server;
  int port = impl_->options.port;
  if (port == 0) {
    port = server.bind_to_any_port(impl_->options.bind);
    if (port <= 0) {
      return engine::Fail(engine::ErrorCode::kIo, "cannot bind to " + impl_->options.bind);
    }
  } else if (!server.bind_to_port(impl_->options.bind, port)) {
    return engine::Fail(engine::ErrorCode::kIo,
                        "cannot listen on " + impl_->options.bind + ":" + std::to_string(port) +
                            " (in use, or not an address of this computer)");
  }
  server.WidenBacklog();
  impl_->port = port;
  return port;
}

bool ServeApp::Run() {
  impl_->run_state = 1;
  bool ok = impl_->stop_requested || impl_->server->listen_after_bind();
  impl_->run_state = 2;
  return ok;
}

void ServeApp::Stop() {
  impl_->stop_requested = true;
  while (impl_->run_state == 1 && !impl_->server->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->server->stop();
}

}  // namespace plainsight::cli
