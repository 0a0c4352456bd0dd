// Inline SVG charts (charts.h).
#include "reports/charts.h"

#include <algorithm>
#include <cstdio>

#include "reports/html_report.h"

namespace plainsight::reports {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) {
    s.resize(s.size() - 2);
  }
  return s;
}

std::string Open(const std::string& id, const std::string& title, const std::string& description,
                 int width, int height) {
  return R"(<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 )" +
         std::to_string(width) + " " + std::to_string(height) + "\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\"><title id=\"" + id + "-title\">" + HtmlEscape(title) +
         "</title><desc id=\"" + id + "-desc\">" + HtmlEscape(description) + "</desc>";
}

}  // namespace

std::string BarChartSvg(const std::string& id, const std::string& title,
                        const std::string& description, const std::vector<ChartPoint>& bars,
                        double max, const std::string& unit) {
  if (max <= 0) {
    for (const ChartPoint& b : bars) {
      max = std::max(max, b.value);
    }
    if (max <= 0) {
      max = 1;
    }
  }
  const int label_w = 170;
  const int bar_w = 360;
  const int row_h = 28;
  int height = static_cast<int>(bars.size()) * row_h + 8;
  std::string svg = Open(id, title, description, label_w + bar_w + 80, height);
  int y = 4;
  for (const ChartPoint& b : bars) {
    double w = std::max(0.0, std::min(1.0, b.value / max)) * bar_w;
    svg += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 18) +
           R"(" text-anchor="end" fill="#1b1b1b" font-size="14">)" + HtmlEscape(b.label) +
           "</text><rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 4) +
           "\" width=\"" + Num(w) + "\" height=\"" + std::to_string(row_h - 10) +
           R"(" fill="#0b5394"/><text x=")" + Num(label_w + w + 6) + "\" y=\"" +
           std::to_string(y + 18) + R"(" fill="#1b1b1b" font-size="14">)" +
           HtmlEscape(Num(b.value) + unit) + "</text>";
    y += row_h;
  }
  svg += "</svg>";
  return svg;
}

std::string LineChartSvg(const std::string& id, const std::string& title,
                         const std::string& description, const std::vector<ChartPoint>& points) {
  const int left = 40;
  const int top = 10;
  const int w = 480;
  const int h = 200;
  std::string svg = Open(id, title, description, left + w + 30, top + h + 40);
  // Axis and grid at 0, 50 and 100.
  for (int v : {0, 50, 100}) {
    int y = top + h - v * h / 100;
    svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" +
           std::to_string(left + w) + "\" y2=\"" + std::to_string(y) +
           R"(" stroke="#767676" stroke-width="1"/><text x=")" + std::to_string(left - 6) +
           "\" y=\"" + std::to_string(y + 5) +
           R"(" text-anchor="end" fill="#1b1b1b" font-size="13">)" + std::to_string(v) + "</text>";
  }
  size_t n = points.size();
  std::string path;
  for (size_t i = 0; i < n; ++i) {
    double x = left + (n == 1 ? w / 2.0 : static_cast<double>(i) * w / static_cast<double>(n - 1));
    double y = top + h - std::max(0.0, std::min(100.0, points[i].value)) * h / 100;
    path += (i == 0 ? "M" : " L") + Num(x) + " " + Num(y);
    svg += "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + R"(" r="4" fill="#0b5394"/>)" +
           "<text x=\"" + Num(x) + "\" y=\"" + std::to_string(top + h + 20) +
           R"(" text-anchor="middle" fill="#1b1b1b" font-size="13">)" +
           HtmlEscape(points[i].label) + "</text>";
  }
  if (n > 1) {
    svg += "<path d=\"" + path + R"(" fill="none" stroke="#0b5394" stroke-width="2"/>)";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace plainsight::reports
