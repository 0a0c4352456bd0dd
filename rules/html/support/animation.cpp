#include "rules/html/support/animation.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "engine/ascii.h"
#include "engine/dom.h"

namespace plainsight::rules::animation {
namespace {

// Browsers play GIF frame delays of 0 or 1 hundredths as 100 ms (Chromium, Firefox).
constexpr double kMinGifDelaySeconds = 0.1;

uint32_t Le16(std::string_view b, size_t at) {
  return static_cast<uint8_t>(b[at]) | (static_cast<uint8_t>(b[at + 1]) << 8);
}

uint32_t Le24(std::string_view b, size_t at) {
  return Le16(b, at) | (static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16);
}

uint32_t Le32(std::string_view b, size_t at) {
  return Le24(b, at) | (static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24);
}

uint32_t Be16(std::string_view b, size_t at) {
  return (static_cast<uint8_t>(b[at]) << 8) | static_cast<uint8_t>(b[at + 1]);
}

uint32_t Be32(std::string_view b, size_t at) {
  return (Be16(b, at) << 16) | Be16(b, at + 2);
}

// Skips a run of GIF data sub-blocks (length byte, data) ending in a zero length; returns
// the offset after the terminator, or npos when the data ends first.
size_t SkipSubBlocks(std::string_view b, size_t at) {
  while (at < b.size()) {
    const size_t len = static_cast<uint8_t>(b[at]);
    ++at;
    if (len == 0) {
      return at;
    }
    at += len;
  }
  return std::string_view::npos;
}

std::optional<Animation> ReadGif(std::string_view b) {
  if (b.size() < 13) {
    return std::nullopt;
  }
  Animation a;
  size_t at = 13;
  const auto screen_flags = static_cast<uint8_t>(b[10]);
  if (screen_flags & 0x80) {
    at += 3u * (2u << (screen_flags & 7));
  }
  double delay = 0;  // of the next frame, from its graphic control extension
  bool saw_netscape = false;
  int loop_count = 0;
  while (at < b.size()) {
    const auto kind = static_cast<uint8_t>(b[at]);
    if (kind == 0x3B) {  // trailer
      break;
    }
    if (kind == 0x21 && at + 2 < b.size()) {  // extension
      const auto label = static_cast<uint8_t>(b[at + 1]);
      if (label == 0xF9 && at + 7 < b.size() && b[at + 2] == 4) {
        delay = Le16(b, at + 4) / 100.0;
      } else if (label == 0xFF && at + 14 < b.size() && b[at + 2] == 11 &&
                 (b.substr(at + 3, 11) == "NETSCAPE2.0" || b.substr(at + 3, 11) == "ANIMEXTS1.0")) {
        const size_t sub = at + 14;
        if (sub + 3 < b.size() && b[sub] >= 3 && b[sub + 1] == 1) {
          saw_netscape = true;
          loop_count = static_cast<int>(Le16(b, sub + 2));
        }
      }
      at = SkipSubBlocks(b, at + 2);
      if (at == std::string_view::npos) {
        break;
      }
      continue;
    }
    if (kind == 0x2C && at + 10 <= b.size()) {  // image descriptor
      ++a.frames;
      a.seconds_per_play += delay <= 0.01 ? kMinGifDelaySeconds : delay;
      delay = 0;
      const auto flags = static_cast<uint8_t>(b[at + 9]);
      at += 10;
      if (flags & 0x80) {
        at += 3u * (2u << (flags & 7));
      }
      at = SkipSubBlocks(b, at + 1);  // the LZW minimum code size, then the image data
      if (at == std::string_view::npos) {
        break;
      }
      continue;
    }
    break;  // an unknown block: stop where the file stops making sense
  }
  if (a.frames == 0) {
    return std::nullopt;
  }
  // Browsers play once without the NETSCAPE extension; with it, a count of 0 is forever and a
  // count of n plays n + 1 times (Chromium and Firefox).
  if (saw_netscape) {
    a.loops_forever = loop_count == 0;
    a.plays = loop_count == 0 ? 1 : loop_count + 1;
  }
  return a;
}

std::optional<Animation> ReadPng(std::string_view b) {
  Animation a;
  size_t at = 8;
  int declared_frames = 0;
  double seconds = 0;
  int timed_frames = 0;
  while (at + 8 <= b.size()) {
    const uint32_t len = Be32(b, at);
    const std::string_view type = b.substr(at + 4, 4);
    const size_t data = at + 8;
    if (len > b.size() || data + len > b.size()) {
      break;
    }
    if (type == "acTL" && len >= 8) {
      declared_frames = static_cast<int>(std::min<uint32_t>(Be32(b, data), 1u << 20));
      const uint32_t plays = Be32(b, data + 4);
      a.loops_forever = plays == 0;
      a.plays = plays == 0 ? 1 : static_cast<int>(std::min<uint32_t>(plays, 1u << 20));
    } else if (type == "fcTL" && len >= 26) {
      const double num = Be16(b, data + 20);
      double den = Be16(b, data + 22);
      if (den == 0) {
        den = 100;  // APNG: a denominator of 0 means hundredths
      }
      seconds += std::max(num / den, 0.01);  // browsers clamp 0 delays to a short one
      ++timed_frames;
    } else if (type == "IEND") {
      break;
    }
    at = data + len + 4;  // data, then the CRC
  }
  a.frames = declared_frames > 0 ? declared_frames : 1;
  a.seconds_per_play = seconds;
  if (declared_frames <= 1) {
    a.loops_forever = false;
    a.plays = 1;
  } else if (timed_frames == 0) {
    return std::nullopt;
  }
  return a;
}

std::optional<Animation> ReadWebp(std::string_view b) {
  Animation a;
  size_t at = 12;
  bool anim = false;
  while (at + 8 <= b.size()) {
    const std::string_view type = b.substr(at, 4);
    const uint32_t len = Le32(b, at + 4);
    const size_t data = at + 8;
    if (len > b.size() || data + len > b.size()) {
      break;
    }
    if (type == "ANIM" && len >= 6) {
      anim = true;
      const uint32_t loops = Le16(b, data + 4);
      a.loops_forever = loops == 0;
      a.plays = loops == 0 ? 1 : static_cast<int>(loops);
    } else if (type == "ANMF" && len >= 16) {
      ++a.frames;
      a.seconds_per_play += std::max(Le24(b, data + 12) / 1000.0, 0.01);
    }
    at = data + len + (len & 1);  // chunks are padded to an even size
  }
  if (!anim || a.frames == 0) {
    a = Animation{};
    a.frames = 1;
  }
  return a;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+' || c == '-') {
    return 62;
  }
  if (c == '/' || c == '_') {
    return 63;
  }
  return -1;
}

}  // namespace

double Animation::total_seconds() const {
  if (!animated()) {
    return 0;
  }
  return loops_forever ? std::numeric_limits<double>::infinity() : seconds_per_play * plays;
}

std::optional<Animation> ReadAnimation(std::string_view bytes) {
  if (bytes.substr(0, 6) == "GIF89a" || bytes.substr(0, 6) == "GIF87a") {
    return ReadGif(bytes);
  }
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
    return ReadPng(bytes);
  }
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") {
    return ReadWebp(bytes);
  }
  return std::nullopt;
}

std::optional<std::string> DecodeDataUrl(std::string_view url) {
  url = engine::TrimWhitespace(url);
  if (url.size() < 5 || engine::AsciiLower(url.substr(0, 5)) != "data:") {
    return std::nullopt;
  }
  const size_t comma = url.find(',');
  if (comma == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string meta = engine::AsciiLower(url.substr(5, comma - 5));
  const std::string_view body = url.substr(comma + 1);
  std::string out;
  if (meta.size() >= 7 && meta.compare(meta.size() - 7, 7, ";base64") == 0) {
    uint32_t acc = 0;
    int bits = 0;
    for (char c : body) {
      if (c == '=' || engine::IsAsciiSpace(c)) {
        continue;
      }
      const int v = Base64Value(c);
      if (v < 0) {
        return std::nullopt;
      }
      acc = (acc << 6) | static_cast<uint32_t>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push_back(static_cast<char>((acc >> bits) & 0xFF));
      }
    }
    return out;
  }
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '%' && i + 2 < body.size() && engine::AsciiHexValue(body[i + 1]) >= 0 &&
        engine::AsciiHexValue(body[i + 2]) >= 0) {
      out.push_back(static_cast<char>(engine::AsciiHexValue(body[i + 1]) * 16 +
                                      engine::AsciiHexValue(body[i + 2])));
      i += 2;
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

}  // namespace plainsight::rules::animation
