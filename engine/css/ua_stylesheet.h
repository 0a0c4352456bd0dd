// The user-agent stylesheet: the HTML Standard, section 15 "Rendering" (the CSS it gives in
// 15.3 "Non-replaced elements" and 15.5 "Form controls"), limited to the properties this engine
// computes.
#pragma once

#include <string_view>

namespace plainsight::engine::css {

// Deviations: details' closed contents are approximated with a child selector (browsers use a
// shadow slot); noscript is display:none because the audited browser runs scripts.
inline constexpr std::string_view kUserAgentStylesheet = R"css(
[hidden]:not([hidden=until-found i]), area, base, basefont, datalist, head, link, meta, noembed,
noframes, param, rp, script, style, template, title { display: none; }
[hidden=until-found i]:not(embed) { content-visibility: hidden; }
embed[hidden] { display: inline; height: 0; width: 0; }
input[type=hidden i] { display: none !important; }
noscript { display: none !important; }

html, body { display: block; }
address, blockquote, center, dialog, div, figure, figcaption, footer, form, header, hr,
legend, listing, main, p, plaintext, pre, search, xmp { display: block; }
dialog:not([open]) { display: none; }
dialog { position: absolute; }
dialog[open] { color: CanvasText; background-color: Canvas; }
slot { display: contents; }
ruby { display: ruby; }
rt { display: ruby-text; }
article, aside, h1, h2, h3, h4, h5, h6, hgroup, nav, section { display: block; }
dir, dd, dl, dt, menu, ol, ul { display: block; }
li { display: list-item; }
ol, ul, menu, dir { list-style-type: disc; }
ol { list-style-type: decimal; }
table { display: table; }
caption { display: table-caption; text-align: center; }
colgroup, colgroup[hidden] { display: table-column-group; }
col, col[hidden] { display: table-column; }
thead, thead[hidden] { display: table-header-group; }
tbody, tbody[hidden] { display: table-row-group; }
tfoot, tfoot[hidden] { display: table-footer-group; }
tr, tr[hidden] { display: table-row; }
td, th { display: table-cell; }
th { font-weight: bold; text-align: center; }
fieldset { display: block; }
details, summary { display: block; }
details > summary:first-of-type { display: list-item; }
details:not([open]) > :not(summary:first-of-type) { display: none; }
input, select, button, textarea, meter, progress, marquee { display: inline-block; }
optgroup { display: block; font-weight: bolder; }
option { display: block; }
select > option, select > optgroup > option { display: block; }
img, video, canvas, iframe, embed, object, audio:not([controls]) { }
audio:not([controls]) { display: none !important; }
address, cite, dfn, em, i, var { font-style: italic; }
b, strong { font-weight: bolder; }
code, kbd, samp, tt, pre, listing, plaintext, xmp { font-family: monospace; }
big { font-size: larger; }
small { font-size: smaller; }
sub { vertical-align: sub; font-size: smaller; }
sup { vertical-align: super; font-size: smaller; }
h1 { font-size: 2em; font-weight: bold; }
h2 { font-size: 1.5em; font-weight: bold; }
h3 { font-size: 1.17em; font-weight: bold; }
h4 { font-size: 1em; font-weight: bold; }
h5 { font-size: 0.83em; font-weight: bold; }
h6 { font-size: 0.67em; font-weight: bold; }
:is(article, aside, nav, section) h1 { font-size: 1.5em; }
:is(article, aside, nav, section) :is(article, aside, nav, section) h1 { font-size: 1.17em; }
u, ins { text-decoration: underline; }
s, strike, del { text-decoration: line-through; }
abbr[title], acronym[title] { text-decoration: dotted underline; }
mark { background-color: yellow; color: black; }
:link { color: #0000EE; }
:link { text-decoration: underline; cursor: pointer; }
q::before { content: open-quote; }
q::after { content: close-quote; }
center { text-align: center; }
pre, listing, xmp, plaintext { white-space: pre; }
textarea { white-space: pre-wrap; }
nobr { white-space: nowrap; }
td, th { vertical-align: inherit; }
[dir=ltr i] { direction: ltr; }
[dir=rtl i] { direction: rtl; }
bdo[dir=ltr i] { direction: ltr; }
bdo[dir=rtl i] { direction: rtl; }
:focus-visible { outline: auto 1px; }
iframe { outline-style: none; }
hr { color: gray; }
)css";

}  // namespace plainsight::engine::css
