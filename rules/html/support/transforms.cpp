// Rotation of CSS transforms: see transforms.h.
#include "rules/html/support/transforms.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/ascii.h"
#include "engine/dom.h"

namespace plainsight::rules {
namespace {

// Parses a CSS <angle> ("90deg", "1.57rad", "100grad", "0.25turn", "0") to degrees.
std::optional<double> AngleDegrees(std::string_view s) {
  std::string v = engine::AsciiLower(engine::TrimWhitespace(s));
  char* end = nullptr;
  double number = std::strtod(v.c_str(), &end);
  if (end == v.c_str()) {
    return std::nullopt;
  }
  std::string unit(end);
  if (unit == "deg") {
    return number;
  }
  if (unit == "rad") {
    return number * 180.0 / M_PI;
  }
  if (unit == "grad") {
    return number * 0.9;
  }
  if (unit == "turn") {
    return number * 360.0;
  }
  if (unit.empty() && number == 0) {
    return 0.0;
  }
  return std::nullopt;
}

std::vector<std::string> SplitArgs(std::string_view args) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : args) {
    if (c == ',') {
      out.emplace_back(engine::TrimWhitespace(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!engine::TrimWhitespace(cur).empty() || !out.empty()) {
    out.emplace_back(engine::TrimWhitespace(cur));
  }
  // Space-separated arguments (rotate property style) are split too.
  if (out.size() == 1) {
    std::vector<std::string> spaced;
    for (std::string_view w : engine::SplitWhitespace(out[0])) {
      spaced.emplace_back(w);
    }
    if (spaced.size() > 1) {
      return spaced;
    }
  }
  return out;
}

std::optional<double> Number(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0') {
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::optional<double> RotationDegrees(std::string_view transform) {
  std::string t = engine::AsciiLower(engine::TrimWhitespace(transform));
  if (t.empty() || t == "none") {
    return 0.0;
  }
  double total = 0;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && engine::IsAsciiSpace(t[i])) {
      ++i;
    }
    if (i >= t.size()) {
      break;
    }
    size_t open = t.find('(', i);
    if (open == std::string::npos) {
      return std::nullopt;
    }
    size_t close = t.find(')', open);
    if (close == std::string::npos) {
      return std::nullopt;
    }
    std::string name(engine::TrimWhitespace(std::string_view(t).substr(i, open - i)));
    std::vector<std::string> args =
        SplitArgs(std::string_view(t).substr(open + 1, close - open - 1));
    i = close + 1;
    if (name == "rotate" || name == "rotatez") {
      if (args.size() != 1) {
        return std::nullopt;
      }
      auto a = AngleDegrees(args[0]);
      if (!a) {
        return std::nullopt;
      }
      total += *a;
    } else if (name == "rotate3d") {
      if (args.size() != 4) {
        return std::nullopt;
      }
      auto x = Number(args[0]);
      auto y = Number(args[1]);
      auto z = Number(args[2]);
      auto a = AngleDegrees(args[3]);
      if (!x || !y || !z || !a || *x != 0 || *y != 0 || *z == 0) {
        return std::nullopt;
      }
      total += *z > 0 ? *a : -*a;
    } else if (name == "matrix" || name == "matrix3d") {
      if ((name == "matrix" && args.size() != 6) || (name == "matrix3d" && args.size() != 16)) {
        return std::nullopt;
      }
      auto a = Number(args[0]);
      auto b = Number(args[1]);
      if (!a || !b) {
        return std::nullopt;
      }
      total += std::atan2(*b, *a) * 180.0 / M_PI;
    } else if (name.rfind("translate", 0) == 0 || name.rfind("scale", 0) == 0 ||
               name == "perspective") {
      continue;
    } else {
      return std::nullopt;
    }
  }
  double r = std::fmod(total, 360.0);
  if (r < 0) {
    r += 360.0;
  }
  return r;
}

bool HasRotation(std::string_view transform) {
  std::string t = engine::AsciiLower(transform);
  return t.find("rotate") != std::string::npos || t.find("matrix") != std::string::npos;
}

}  // namespace plainsight::rules
