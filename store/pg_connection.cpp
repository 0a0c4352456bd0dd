// The libpq connection of the PostgreSQL store (pg_connection.h).
#include "store/pg_connection.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <libpq-fe.h>

#include "engine/utf8.h"
#include "store/store.h"

namespace plainsight::store::pg {
namespace {

using engine::ErrorCode;
using engine::Fail;

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one or is a NUL byte (which
// PostgreSQL text cannot hold).
size_t Utf8Length(std::string_view s, size_t i) {
  return s[i] == '\0' ? 0 : static_cast<size_t>(engine::WellFormedUtf8Length(s, i));
}

// The first line of a libpq message, without "ERROR:  " / "FATAL:  " and the trailing newline.
std::string FirstLine(const char* message) {
  std::string m = message == nullptr ? "" : message;
  for (const char* prefix : {"ERROR:  ", "FATAL:  "}) {
    if (m.rfind(prefix, 0) == 0) {
      m.erase(0, std::strlen(prefix));
    }
  }
  size_t nl = m.find('\n');
  if (nl != std::string::npos) {
    m.resize(nl);
  }
  return m.empty() ? "no message from the server" : m;
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Why a connection could not be made. libpq gives no SQLSTATE for these, so the server's
// message decides (its wording is stable across PostgreSQL 10-17).
engine::Error ConnectError(const std::string& message, const std::string& where) {
  std::string detail = FirstLine(message.c_str());
  if (Contains(detail, "password authentication failed") ||
      Contains(detail, "authentication failed") || Contains(detail, "no pg_hba.conf entry") ||
      Contains(detail, "password is required") || Contains(detail, "role \"")) {
    return {ErrorCode::kInvalidArgument,
            "the PostgreSQL server refused the login (" + detail +
                "): check the user and password in the connection URI",
            where};
  }
  if (Contains(detail, "database \"") && Contains(detail, "does not exist")) {
    return {ErrorCode::kNotFound,
            "no such database (" + detail + "): create it first (createdb, or CREATE DATABASE)",
            where};
  }
  if (Contains(detail, "invalid ") && Contains(detail, "URI")) {
    return {ErrorCode::kInvalidArgument, "not a usable connection URI (" + detail + ")", where};
  }
  // Refused, unreachable, timed out, starting up, shutting down, too many connections: the
  // server may be back later.
  return {ErrorCode::kNetwork, "cannot reach the PostgreSQL store (" + detail + ")", where};
}

// What a failed statement means for the person running plainsight, by SQLSTATE (PostgreSQL
// documentation, appendix A).
engine::Error StatementError(PGconn* conn, const PGresult* r, std::string_view what,
                             const std::string& where) {
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK || r == nullptr) {
    std::string detail = FirstLine(conn != nullptr ? PQerrorMessage(conn) : nullptr);
    return {ErrorCode::kNetwork,
            "lost the connection to the PostgreSQL store while " + std::string(what) + " (" +
                detail + "); what was committed stays",
            where};
  }
  const char* state_c = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  std::string state = state_c == nullptr ? "" : state_c;
  std::string detail = FirstLine(PQresultErrorMessage(r));
  std::string doing = std::string(what) + ": ";
  std::string cls = state.substr(0, 2);
  if (state == "53100") {
    return {ErrorCode::kIo, "the database's disk is full: cannot write the store (" + detail + ")",
            where};
  }
  if (cls == "08" || state == "57P01" || state == "57P02" || state == "57P03" || state == "53300") {
    return {ErrorCode::kNetwork,
            "the PostgreSQL store is not available now while " + doing + detail, where};
  }
  if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014" || cls == "53") {
    return {
        ErrorCode::kTimeout,
        "the PostgreSQL store is busy (" + detail + ") while " + std::string(what) + "; try again",
        where};
  }
  if (state == "25006") {
    return {ErrorCode::kIo,
            "the store is read-only (" + detail +
                "): a standby server, or default_transaction_read_only is on",
            where};
  }
  if (state == "42501") {
    return {ErrorCode::kIo,
            "permission denied (" + detail +
                "): the role in the connection URI needs to create tables in the database, or "
                "to read and write plainsight's tables",
            where};
  }
  if (state == "3F000") {
    return {ErrorCode::kIo,
            "no schema to create the store in (" + detail +
                "): create the schema named in search_path, or leave search_path alone",
            where};
  }
  if (state == "42P01" || state == "42703" || cls == "XX") {
    return {ErrorCode::kParse, "not a plainsight store, or its tables are damaged (" + detail + ")",
            where};
  }
  return {ErrorCode::kIo, doing + detail + (state.empty() ? "" : " [SQLSTATE " + state + "]"),
          where};
}

extern "C" void IgnoreNotice(void*, const char*) {}

}  // namespace

std::string CleanText(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t n = Utf8Length(text, i);
    if (n == 0) {
      break;
    }
    i += n;
  }
  if (i == text.size()) {
    return std::string(text);
  }
  std::string out(text.substr(0, i));
  while (i < text.size()) {
    size_t n = Utf8Length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

void ArrayLiteral::Separator() {
  if (!first_) {
    out_ += ',';
  }
  first_ = false;
}

ArrayLiteral& ArrayLiteral::Text(std::string_view v) {
  Separator();
  // Array element syntax (PostgreSQL documentation 8.15.6): double-quoted, with backslash
  // before any double quote or backslash.
  out_ += '"';
  for (char c : CleanText(v)) {
    if (c == '"' || c == '\\') {
      out_ += '\\';
    }
    out_ += c;
  }
  out_ += '"';
  return *this;
}

ArrayLiteral& ArrayLiteral::Int(int64_t v) {
  Separator();
  out_ += std::to_string(v);
  return *this;
}

ArrayLiteral& ArrayLiteral::Real(const std::optional<double>& v) {
  Separator();
  if (!v) {
    out_ += "NULL";
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *v);
    out_ += buf;
  }
  return *this;
}

Params& Params::Text(std::string_view v) {
  values_.push_back(CleanText(v));
  null_.push_back(false);
  return *this;
}

Params& Params::Raw(std::string v) {
  values_.push_back(std::move(v));
  null_.push_back(false);
  return *this;
}

Params& Params::Int(int64_t v) {
  return Raw(std::to_string(v));
}

Params& Params::Real(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return Raw(buf);
}

Params& Params::Real(const std::optional<double>& v) {
  return v ? Real(*v) : Null();
}

Params& Params::Bool(bool v) {
  return Raw(v ? "true" : "false");
}

Params& Params::Null() {
  values_.emplace_back();
  null_.push_back(true);
  return *this;
}

std::vector<const char*> Params::Pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) {
    out.push_back(null_[i] ? nullptr : values_[i].c_str());
  }
  return out;
}

Rows& Rows::operator=(Rows&& o) noexcept {
  if (this != &o) {
    PQclear(r_);
    r_ = o.r_;
    o.r_ = nullptr;
  }
  return *this;
}

Rows::~Rows() {
  PQclear(r_);
}

int Rows::size() const {
  return r_ == nullptr ? 0 : PQntuples(r_);
}

bool Rows::IsNull(int row, int col) const {
  return PQgetisnull(r_, row, col) == 1;
}

std::string Rows::Text(int row, int col) const {
  return std::string(PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col)));
}

int64_t Rows::Int(int row, int col) const {
  return IsNull(row, col) ? 0 : std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
}

std::optional<double> Rows::Real(int row, int col) const {
  if (IsNull(row, col)) {
    return std::nullopt;
  }
  return std::strtod(PQgetvalue(r_, row, col), nullptr);
}

bool Rows::Bool(int row, int col) const {
  return !IsNull(row, col) && PQgetvalue(r_, row, col)[0] == 't';
}

int64_t Rows::Affected() const {
  const char* n = r_ == nullptr ? "" : PQcmdTuples(r_);
  return n[0] == '\0' ? 0 : std::strtoll(n, nullptr, 10);
}

Connection::Connection(std::string uri, const ConnectionOptions& options)
    : uri_(std::move(uri)), where_(DisplayLocation(uri_)), options_(options) {}

Connection::~Connection() {
  PQfinish(conn_);
}

engine::Result<std::unique_ptr<Connection>> Connection::Open(const std::string& uri,
                                                             const ConnectionOptions& options) {
  std::unique_ptr<Connection> c(new Connection(uri, options));
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &error);
  if (parsed == nullptr) {
    std::string detail = error != nullptr ? FirstLine(error) : "out of memory";
    PQfreemem(error);
    return Fail(ErrorCode::kInvalidArgument, "not a usable connection URI (" + detail + ")",
                c->where_);
  }
  PQconninfoFree(parsed);
  if (auto connected = c->Connect(); !connected) {
    return connected.error();
  }
  return c;
}

engine::Result<void> Connection::Connect() {
  last_attempt_ = std::chrono::steady_clock::now();
  PQfinish(conn_);
  prepared_.clear();
  // Defaults first: what the URI says overrides them (PQconnectdbParams with expand_dbname).
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {"10", "plainsight", uri_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (conn_ == nullptr) {
    return Fail(ErrorCode::kIo, "cannot connect to the PostgreSQL store: out of memory", where_);
  }
  if (PQstatus(conn_) != CONNECTION_OK) {
    last_error_ = PQerrorMessage(conn_);
    return ConnectError(last_error_, where_);
  }
  return Setup();
}

engine::Result<void> Connection::Setup() {
  PQsetNoticeProcessor(conn_, &IgnoreNotice, nullptr);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    return Fail(ErrorCode::kIo, "cannot set the client encoding to UTF8", where_);
  }
  // Text is stored as UTF-8 (CleanText makes it valid); a database in another encoding would
  // refuse characters it cannot hold in the middle of a scan, so it is refused up front.
  const char* encoding = PQparameterStatus(conn_, "server_encoding");
  std::string server_encoding = encoding == nullptr ? "" : encoding;
  if (server_encoding != "UTF8" && server_encoding != "SQL_ASCII") {
    return Fail(ErrorCode::kUnsupported,
                "the database's encoding is " + server_encoding +
                    "; plainsight stores need UTF8 (CREATE DATABASE ... ENCODING 'UTF8')",
                where_);
  }
  std::string setup = "SET lock_timeout = " + std::to_string(options_.lock_timeout_ms);
  if (options_.read_only) {
    setup += "; SET default_transaction_read_only = on";
  }
  if (auto r = Exec(setup, "setting up the connection"); !r) {
    return r.error();
  }
  // Interpretation: like the SQLite store's synchronous=NORMAL, a committed page survives the
  // worker being killed at any moment and the database server restarting cleanly; only a crash
  // of the database server or its machine may lose the last commits (PostgreSQL documentation 30.4,
  // "Asynchronous Commit": the lost ones are the newest, so a body is never recorded done
  // without its pages, and the body is crawled again). An operator who set synchronous_commit
  // (server configuration, role, database or the URI's options) keeps their choice.
  auto source = Exec("SELECT source FROM pg_settings WHERE name = 'synchronous_commit'",
                     "setting up the connection");
  if (!source) {
    return source.error();
  }
  if (source->size() == 1 && source->Text(0, 0) == "default" && !options_.read_only) {
    if (auto r = Exec("SET synchronous_commit = off", "setting up the connection"); !r) {
      return r.error();
    }
  }
  return {};
}

engine::Result<void> Connection::EnsureConnected(std::string_view what) {
  if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) {
    return {};
  }
  // At most one attempt a second, so that a writer with a queue of pages does not hammer a
  // server that is down (each attempt may wait connect_timeout).
  if (std::chrono::steady_clock::now() - last_attempt_ < std::chrono::seconds(1)) {
    return Fail(ErrorCode::kNetwork,
                "the PostgreSQL store is not reachable (" + FirstLine(last_error_.c_str()) +
                    ") while " + std::string(what),
                where_);
  }
  auto connected = Connect();
  if (!connected) {
    if (last_error_.empty()) {
      last_error_ = connected.error().message;
    }
    return connected.error();
  }
  last_error_.clear();
  return {};
}

engine::Result<Rows> Connection::Check(pg_result* r, std::string_view what) {
  ExecStatusType status = r == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    return Rows(r);
  }
  engine::Error e = StatementError(conn_, r, what, where_);
  if (e.code == ErrorCode::kNetwork) {
    last_error_ = conn_ != nullptr ? PQerrorMessage(conn_) : "";
  }
  PQclear(r);
  return e;
}

engine::Result<Rows> Connection::Exec(std::string_view sql, std::string_view what) {
  if (auto ok = EnsureConnected(what); !ok) {
    return ok.error();
  }
  return Check(PQexec(conn_, std::string(sql).c_str()), what);
}

engine::Result<Rows> Connection::Exec(std::string_view sql, const Params& params,
                                      std::string_view what) {
  if (auto ok = EnsureConnected(what); !ok) {
    return ok.error();
  }
  auto values = params.Pointers();
  return Check(PQexecParams(conn_, std::string(sql).c_str(), params.size(), nullptr, values.data(),
                            nullptr, nullptr, 0),
               what);
}

engine::Result<Rows> Connection::Run(const Statement& statement, const Params& params,
                                     std::string_view what) {
  if (auto ok = EnsureConnected(what); !ok) {
    return ok.error();
  }
  if (!prepared_.count(statement.name)) {
    auto prepared = Check(
        PQprepare(conn_, statement.name, std::string(statement.sql).c_str(), 0, nullptr), what);
    if (!prepared) {
      return prepared.error();
    }
    prepared_.insert(statement.name);
  }
  auto values = params.Pointers();
  return Check(
      PQexecPrepared(conn_, statement.name, params.size(), values.data(), nullptr, nullptr, 0),
      what);
}

void Connection::SendOnly(const Statement& statement, const Params& params) {
  if (!EnsureConnected("writing a page")) {
    return;
  }
  if (!prepared_.count(statement.name)) {
    PQclear(PQprepare(conn_, statement.name, std::string(statement.sql).c_str(), 0, nullptr));
    prepared_.insert(statement.name);
  }
  auto values = params.Pointers();
  PQsendQueryPrepared(conn_, statement.name, params.size(), values.data(), nullptr, nullptr, 0);
  while (PQflush(conn_) == 1) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

engine::Result<void> Connection::Begin(std::string_view what) {
  auto r = Exec("BEGIN", what);
  if (!r) {
    return r.error();
  }
  return {};
}

engine::Result<void> Connection::Commit(std::string_view what) {
  auto r = Exec("COMMIT", what);
  if (!r) {
    Rollback();
    return r.error();
  }
  return {};
}

void Connection::Rollback() {
  if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK &&
      PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    PQclear(PQexec(conn_, "ROLLBACK"));
  }
}

}  // namespace plainsight::store::pg
