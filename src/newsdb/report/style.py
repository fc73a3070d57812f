"""The page's style sheet and its small optional script, inlined into every report."""

from newsdb.report import modes

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --panel: #f6f6f3; }
* { box-sizing: border-box; }
body { font: 16px/1.55 Georgia, 'DejaVu Serif', serif; color: var(--ink); margin: 0;
  background: #fff; }
header.page, main { max-width: 1280px; margin: 0 auto; padding: 0 1.5rem; }
header.page { padding-top: 1rem; border-bottom: 1px solid var(--rule); }
h1, h2, h3, .meta, .panel, .legend, figcaption, nav, .notes, small { font-family:
  'DejaVu Sans', Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: .2rem 0; }
h2 { font-size: 1.35rem; margin: 1.6rem 0 .2rem; }
h3 { font-size: 1.02rem; margin: 1.1rem 0 .35rem; }
.meta, figcaption, .hint { color: var(--muted); font-size: .85rem; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .85rem;
  padding: .6rem 0; margin: 0; list-style: none; }
.legend li { white-space: nowrap; }
.sample { padding: 0 .15rem; text-underline-offset: 3px; }
.chip { display: inline-block; min-width: 1.3em; text-align: center; color: #fff;
  font-weight: bold; border-radius: 3px; font-size: .75rem; padding: 0 .2rem; }
.article { border-top: 3px solid var(--ink); margin-top: 2rem; }
.article-grid { display: grid; grid-template-columns: minmax(0, 1fr) 23rem; gap: 1.8rem; }
.para { display: grid; grid-template-columns: minmax(0, 1fr) 13rem; gap: 1rem;
  position: relative; }
.para p { margin: 0 0 .9rem; }
.pno { position: absolute; left: -1.4rem; color: #999; font-size: .7rem;
  font-family: sans-serif; padding-top: .25rem; }
.notes { font-size: .8rem; }
.check { border-left: 3px solid #b71c1c; padding: .2rem .4rem; background: #fff3f3;
  margin-bottom: .4rem; }
.check.v-confirmed { border-color: #2e7d32; background: #f1f8f1; }
.check.v-partly_confirmed { border-color: #ef6c00; background: #fff8ef; }
.check a { color: inherit; }
.check summary { cursor: pointer; color: var(--muted); }
.quote { border-radius: 2px; padding: 0 1px; box-decoration-break: clone;
  -webkit-box-decoration-break: clone; }
.quote:not([data-piece])::before { content: attr(data-tag); font: bold .62rem sans-serif;
  vertical-align: super; margin-right: 1px; color: #333; }
.claim { text-underline-offset: 4px; text-decoration-skip-ink: none; position: relative; }
.claim:not([data-piece])::before { font: bold .6rem sans-serif; color: #fff;
  vertical-align: super; border-radius: 2px; padding: 0 2px; margin-right: 2px; }
.claim.checked:not([data-piece])::before { outline: 2px solid #b71c1c; }
.cue { font-weight: bold; outline: 1px dashed #333; outline-offset: 1px; border-radius: 2px; }
.claim:focus, .quote:focus { outline: 3px solid #0b57d0; outline-offset: 1px; }
.claim:focus::after, .quote:focus::after { content: attr(title); position: absolute;
  left: 0; top: 100%; z-index: 10; width: 22rem; background: #222; color: #fff;
  font: .8rem/1.35 sans-serif; padding: .4rem .5rem; border-radius: 4px;
  text-decoration: none; white-space: normal; }
.panel { background: var(--panel); padding: .4rem 1rem 1rem; font-size: .85rem;
  align-self: start; border-radius: 4px; }
.panel ol, .panel ul { padding-left: 0; list-style: none; margin: 0; }
.panel li { margin: .45rem 0; }
.swatch { display: inline-block; font: bold .75rem sans-serif; border: 1px solid #888;
  border-radius: 3px; padding: 0 .25rem; }
.tie { font-style: italic; }
.counts, .place { color: var(--muted); }
figure { margin: .5rem 0 1rem; }
figure svg { width: 100%; height: auto; display: block; }
svg text { font: 12px 'DejaVu Sans', sans-serif; fill: #222; }
svg .tick, svg .note { fill: #444; font-size: 11px; }
svg .grid { stroke: #ddd; }
svg .letter { font: bold 11px sans-serif; fill: #fff; paint-order: stroke; stroke: #222;
  stroke-width: 2.5px; pointer-events: none; }
.tl-name { font-weight: bold; font-size: 12px; }
.tl-date { fill: #555; font-size: 10.5px; }
.tl-row { stroke: #eee; }
.tl-axis { stroke: #444; }
.tl-tick { stroke: #ccc; stroke-dasharray: 2 3; }
.tl-tick-label { font-size: 10.5px; fill: #444; }
.tl-day { fill: #1b6ca8; stroke: #fff; stroke-width: 1.5; }
.tl-range { fill: url(#fill-hatched); stroke: #b35806; }
.tl-published { stroke: #b71c1c; stroke-width: 1.5; }
.tl-published-label { fill: #b71c1c; font-size: 10.5px; }
.undated { columns: 2; font-size: .85rem; }
nav.articles ol { columns: 2; font-size: .9rem; }
.noscript-hint { color: var(--muted); font-size: .8rem; }
#script-errors:empty { display: none; }
#script-errors { color: #b71c1c; }
.lit { outline: 2px solid #0b57d0; }
@media (max-width: 1000px) {
  .article-grid, .para { grid-template-columns: 1fr; }
}
@media print {
  body { font-size: 10.5pt; }
  header.page, main { max-width: none; padding: 0; }
  .article { break-before: page; }
  .article-grid { grid-template-columns: minmax(0, 1fr) 16rem; }
  .para { grid-template-columns: minmax(0, 1fr) 10rem; break-inside: avoid; }
  .panel { background: none; border-left: 1px solid var(--rule); }
  figure, .panel li, .check { break-inside: avoid; }
  .claim:focus::after, .quote:focus::after { display: none; }
  .quote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .chip, .swatch, svg, .claim::before { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .noscript-hint, #script-errors { display: none; }
}
"""

#: Optional: lights up every piece of a mark, and a source's quotes from the side panel.
#: Errors are written into the page, so a headless browser's DOM shows them.
SCRIPT = """
(function () {
  var box = document.getElementById('script-errors');
  window.addEventListener('error', function (e) {
    box.textContent += 'Uncaught ' + e.message + '\\n';
  });
  function light(selector, on) {
    document.querySelectorAll(selector).forEach(function (el) {
      el.classList.toggle('lit', on);
    });
  }
  document.querySelectorAll('.article').forEach(function (article) {
    var id = CSS.escape(article.id);
    article.querySelectorAll('[data-claim], [data-quote]').forEach(function (mark) {
      var attr = mark.hasAttribute('data-claim') ? 'data-claim' : 'data-quote';
      var sel = '#' + id + ' [' + attr + '="' + CSS.escape(mark.getAttribute(attr)) + '"]';
      ['mouseenter', 'focus'].forEach(function (t) {
        mark.addEventListener(t, function () { light(sel, true); });
      });
      ['mouseleave', 'blur'].forEach(function (t) {
        mark.addEventListener(t, function () { light(sel, false); });
      });
    });
    article.querySelectorAll('[data-source]').forEach(function (item) {
      var name = item.querySelector('b').textContent;
      var sel = '#' + id + ' [data-speaker="' + CSS.escape(name) + '"]';
      item.addEventListener('mouseenter', function () { light(sel, true); });
      item.addEventListener('mouseleave', function () { light(sel, false); });
    });
  });
  document.documentElement.setAttribute('data-script', 'ran');
})();
"""


def css() -> str:
    return CSS + modes.mode_css()
