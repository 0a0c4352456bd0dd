// Local file access for audits: reading inputs and resolving file: URLs for stylesheets and
// iframes. The engine never does I/O; this is the loader it is given.
//
// A page being audited is untrusted: a pull request's HTML is audited in CI by the same user that
// holds the CI's secrets. So the loader reads what a page links to only if it is a regular file
// (a device such as /dev/zero is endless, a FIFO blocks for ever, a socket is no document), only
// below the folders being audited (after symbolic links are resolved: a link inside the site
// may point anywhere), with the crawler's size limit for a page's resources, each file read at
// most once, and no more files per run than the crawler fetches per crawl.
#include "audit/local_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit/pipeline.h"
#include "engine/ascii.h"
#include "engine/url.h"

namespace plainsight::audit {

std::string DescribeBytes(size_t bytes) {
  std::string exact = std::to_string(bytes) + " bytes";
  for (auto [unit, name] : {std::pair<size_t, const char*>{1u << 30, "GiB"},
                            std::pair<size_t, const char*>{1u << 20, "MiB"},
                            std::pair<size_t, const char*>{1u << 10, "KiB"}}) {
    if (bytes >= unit && bytes % unit == 0) {
      return exact + " (" + std::to_string(bytes / unit) + " " + name + ")";
    }
  }
  return exact;
}

namespace {

// What stat() or realpath() failing with `err` means for `path`, as the message of an Error.
engine::Error PathError(int err, const std::string& path) {
  switch (err) {
    case ENOENT: {
      struct stat link;
      if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        return engine::Error{engine::ErrorCode::kNotFound,
                             "symbolic link to a file that does not exist", path};
      }
      return engine::Error{engine::ErrorCode::kNotFound, "no such file", path};
    }
    case ELOOP:
      return engine::Error{engine::ErrorCode::kIo,
                           "symbolic link loop (the links in this path lead back to themselves, or "
                           "there are more than the system follows)",
                           path};
    case EACCES:
      return engine::Error{engine::ErrorCode::kIo, "permission denied", path};
    case ENOTDIR:
      return engine::Error{engine::ErrorCode::kNotFound, "a folder in this path is a file", path};
    default:
      return engine::Error{engine::ErrorCode::kIo, std::strerror(err), path};
  }
}

// Why a file of this type is refused, or "" for a regular file.
const char* RefusedType(mode_t mode) {
  if (S_ISREG(mode)) {
    return "";
  }
  if (S_ISDIR(mode)) {
    return "is a directory";
  }
  if (S_ISFIFO(mode)) {
    return "is a named pipe (FIFO), not a file: refused, as reading it could wait for ever";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "is a device, not a file: refused, as reading it may never end";
  }
  if (S_ISSOCK(mode)) {
    return "is a socket, not a file: refused";
  }
  return "is not a regular file: refused";
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}

  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;

  ~Fd() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }

  int get() const { return fd_; }

 private:
  int fd_;
};

engine::Error TooLarge(const std::string& path, const std::string& size, size_t max_bytes) {
  return engine::Error{engine::ErrorCode::kTooLarge,
                       "file is " + size + "; the limit is " + DescribeBytes(max_bytes), path};
}

}  // namespace

engine::Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  if (path.find('\0') != std::string::npos) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument, "a file name cannot hold a NUL byte",
                        path);
  }
  // stat() before open(): opening some devices (a tape, a modem) acts on them.
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    return PathError(errno, path);
  }
  if (const char* refused = RefusedType(info.st_mode); *refused != '\0') {
    return engine::Fail(engine::ErrorCode::kUnsupported, refused, path);
  }
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    return TooLarge(path, DescribeBytes(static_cast<size_t>(info.st_size)), max_bytes);
  }
  // O_NONBLOCK: should the path have become a FIFO since stat(), open() does not wait for a
  // writer; the type is checked again on what was opened.
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0) {
    return PathError(errno, path);
  }
  if (::fstat(fd.get(), &info) != 0) {
    return PathError(errno, path);
  }
  if (const char* refused = RefusedType(info.st_mode); *refused != '\0') {
    return engine::Fail(engine::ErrorCode::kUnsupported, refused, path);
  }
  // Read at most max_bytes + 1, whatever the size said: files in /proc say 0 and a file may
  // grow while it is read.
  std::string out;
  out.resize(std::min<size_t>(static_cast<size_t>(info.st_size), max_bytes) + 1);
  size_t have = 0;
  while (true) {
    if (have == out.size()) {
      if (out.size() > max_bytes) {
        return TooLarge(path, "more than " + DescribeBytes(max_bytes), max_bytes);
      }
      out.resize(std::min(max_bytes + 1, std::max<size_t>(out.size() * 2, 1 << 16)));
    }
    ssize_t n = ::read(fd.get(), out.data() + have, out.size() - have);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return engine::Fail(engine::ErrorCode::kIo,
                          std::string("read error: ") + std::strerror(errno), path);
    }
    if (n == 0) {
      break;
    }
    have += static_cast<size_t>(n);
  }
  if (have > max_bytes) {
    return TooLarge(path, "more than " + DescribeBytes(max_bytes), max_bytes);
  }
  out.resize(have);
  return out;
}

engine::Result<std::string> CanonicalFolder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::canonical(dir, ec);
  if (ec) {
    return PathError(ec.value(), dir);
  }
  if (!std::filesystem::is_directory(canonical, ec)) {
    return engine::Fail(engine::ErrorCode::kInvalidArgument, "not a folder", dir);
  }
  return canonical.string();
}

engine::Result<std::string> ConfinedPath(const std::string& path,
                                         const std::vector<std::string>& roots) {
  std::error_code ec;
  // canonical() resolves every symbolic link and "..": what is compared is where the bytes are.
  std::string real = std::filesystem::canonical(path, ec).string();
  if (ec) {
    return PathError(ec.value(), path);
  }
  for (const std::string& root : roots) {
    if (real.size() > root.size() && real.compare(0, root.size(), root) == 0 &&
        (root.back() == '/' || real[root.size()] == '/')) {
      return real;
    }
  }
  std::string list;
  for (const std::string& root : roots) {
    list += (list.empty() ? "" : ", ") + root;
  }
  return engine::Fail(
      engine::ErrorCode::kDisallowed,
      (real == path ? std::string("outside") : "resolves to " + real + ", outside") +
          " the audited folders (" + (list.empty() ? "none" : list) +
          "): not read; --root DIR allows reading below DIR",
      path);
}

namespace {

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = 0;
    int lo = 0;
    if (s[i] == '%' && i + 2 < s.size() && (hi = engine::AsciiHexValue(s[i + 1])) >= 0 &&
        (lo = engine::AsciiHexValue(s[i + 2])) >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string StripQueryAndFragment(std::string_view url) {
  size_t cut = url.find_first_of("?#");
  return std::string(url.substr(0, cut));
}

// The local path a URL names, or why it names none.
engine::Result<std::string> PathOfUrl(const std::string& url, const LocalLoaderOptions& options) {
  if (!options.web_prefix.empty() && url.rfind(options.web_prefix, 0) == 0) {
    return options.folder + "/" +
           PercentDecode(StripQueryAndFragment(url.substr(options.web_prefix.size())));
  }
  auto parsed = engine::ParseUrl(url);
  if (!parsed || parsed->scheme != "file") {
    return engine::Fail(engine::ErrorCode::kUnsupported,
                        "only local files are loaded when auditing files", url);
  }
  // RFC 8089 section 2: a file URL with a host names a file on that machine; only this one
  // (no host, or "localhost") is read.
  if (parsed->host && !parsed->host->empty() && *parsed->host != "localhost") {
    return engine::Fail(engine::ErrorCode::kUnsupported,
                        "file URL names another machine (" + *parsed->host + "): not read", url);
  }
  return PercentDecode(parsed->path);
}

// The loader's state, shared by the copies of the std::function that holds it.
struct LoaderState {
  LocalLoaderOptions options;
  std::mutex mutex;                                                    // guards cache and read
  std::mutex report_mutex;                                             // guards reported
  std::unordered_map<std::string, engine::Result<std::string>> cache;  // by real path
  std::unordered_set<std::string> reported;  // refusals already told to on_refused
  size_t read = 0;
};

}  // namespace

engine::ResourceLoader LocalLoader(LocalLoaderOptions options) {
  auto state = std::make_shared<LoaderState>();
  state->options = std::move(options);
  return [state](const std::string& url) -> engine::Result<std::string> {
    const LocalLoaderOptions& o = state->options;
    auto refuse = [&](engine::Error e) -> engine::Result<std::string> {
      std::lock_guard<std::mutex> lock(state->report_mutex);
      if (o.on_refused && e.code != engine::ErrorCode::kNotFound &&
          state->reported.insert(e.ToString()).second) {
        o.on_refused(e);
      }
      return e;
    };
    auto path = PathOfUrl(url, o);
    if (!path) {
      return refuse(path.error());
    }
    std::lock_guard<std::mutex> lock(state->mutex);
    auto confined = ConfinedPath(*path, o.roots);
    if (!confined) {
      return refuse(confined.error());
    }
    const std::string& real = *confined;
    if (auto it = state->cache.find(real); it != state->cache.end()) {
      return it->second;
    }
    if (state->read >= o.max_resources) {
      return refuse(engine::Error{
          engine::ErrorCode::kTooLarge,
          "more than " + std::to_string(o.max_resources) + " linked files in one run; not read",
          *path});
    }
    ++state->read;
    engine::Result<std::string> body = ReadFile(real, o.max_bytes);
    if (!body) {
      engine::Error e = body.error();
      e.where = *path == real ? real : *path + " (" + real + ")";
      if (e.code == engine::ErrorCode::kTooLarge) {
        e.message += " for a file a page links to (stylesheet, @import or iframe)";
      }
      state->cache.emplace(real, e);
      return refuse(e);
    }
    auto [it, added] = state->cache.emplace(real, std::move(body));
    return it->second;
  };
}

}  // namespace plainsight::audit
