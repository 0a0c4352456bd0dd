// Charts for the HTML reports as inline SVG: no script, no external file, readable by screen
// readers (role="img" named by the chart's <title> and described by its <desc>), and always
// printed beside a table holding the same numbers (the text equivalent, WCAG 1.1.1).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plainsight::reports {

struct ChartPoint {
  std::string label;
  double value = 0;
};

// A horizontal bar chart. `id` must be unique in the page; `max` is the scale's top (0: the
// largest value); `unit` follows each value ("%", " bodies").
std::string BarChartSvg(const std::string& id, const std::string& title,
                        const std::string& description, const std::vector<ChartPoint>& bars,
                        double max, const std::string& unit);

// A line chart of values over time (scans), on a 0-100 scale.
std::string LineChartSvg(const std::string& id, const std::string& title,
                         const std::string& description, const std::vector<ChartPoint>& points);

}  // namespace plainsight::reports
