// A raw-socket HTTP/1.1 server on 127.0.0.1 for the crawler's integration and hostile-server
// tests. Hand-written (rather than cpp-httplib) because the hostile cases need byte-level
// control: dripping bodies, bodies that never end, lying Content-Length, broken status lines.
// One thread per connection, every connection closed after one response; every loop in a
// handler must check stopping() so that the destructor returns promptly.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace plainsight::testing {

struct TestRequest {
  std::string method;
  std::string target;                          // "/path?query"
  std::map<std::string, std::string> headers;  // lowercase names
};

class TestConnection {
 public:
  TestConnection(int fd, const std::atomic<bool>& stopping) : fd_(fd), stopping_(stopping) {}

  // Sends bytes; false when the peer has gone or the server is stopping.
  bool Send(std::string_view bytes);
  // A complete response with Content-Length and Connection: close.
  void Respond(int status, std::string_view content_type, std::string_view body,
               const std::vector<std::pair<std::string, std::string>>& extra_headers = {});

  bool stopping() const { return stopping_.load(); }

 private:
  int fd_;
  const std::atomic<bool>& stopping_;
};

class TestServer {
 public:
  using Handler = std::function<void(const TestRequest&, TestConnection&)>;
  // Listens on 127.0.0.1 on a free port; serves until destroyed.
  explicit TestServer(Handler handler);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }

  std::string Url(std::string_view path) const;
  std::vector<TestRequest> Requests() const;
  std::vector<std::string> Targets() const;  // request targets in arrival order

 private:
  void AcceptLoop();
  void Serve(int fd);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  mutable std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::vector<TestRequest> requests_;
};

// gzip-compresses `data` (for Content-Encoding: gzip responses and .xml.gz sitemaps).
std::string GzipForTest(std::string_view data);

}  // namespace plainsight::testing
