import { CHART_CONTAINER, chartStyle } from './chart/defs';
import { widthsUpTo } from './chart/widths';

/**
 * One small stylesheet, the same on every page (so the Content-Security-Policy allows it by its hash): system
 * fonts, readable measure, AA contrast, tables and the chart that scroll on a phone, and the chart's own rules.
 */

/** The widest the page shows the chart: `main` is 60rem less 1rem of padding on each side. */
export const PAGE_CHART_WIDTH = 928;

const SITE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --link: #0a4fb4; --line: #d0d0d0; --wash: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; border-bottom: 1px solid var(--line); }
header p { margin: 0 0 .75rem; font-weight: 600; }
footer { border-top: 1px solid var(--line); margin-top: 3rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.8rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.muted { color: var(--muted); }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--wash); }
tbody th { font-weight: 500; }
@media (max-width: 40rem) { h1 { font-size: 1.5rem; } }
/* On a phone each row of a stacked table is a block: its title, then each cell under the name of its column. */
@media (max-width: 40rem) {
  table.stack, table.stack caption, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.stack tr { border-bottom: 1px solid var(--line); padding: .5rem 0; }
  table.stack th, table.stack td { border: 0; padding: .1rem 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
.status { font-weight: 600; white-space: nowrap; }
.status-in_force, .status-indefinite { color: #0b6a2c; }
.status-expired, .status-ended { color: #8a1c1c; }
.status-not_yet_signed, .status-unknown { color: var(--muted); }
.reason { display: block; font-size: .85rem; color: var(--muted); }
/* What a source says of a period of relations without changing it. */
ul.qualifiers { margin: .2rem 0 .4rem; padding-left: 1.25rem; font-size: .92rem; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 1rem 0; }
label { font-weight: 600; display: block; }
input, button { font: inherit; padding: .35rem .6rem; border: 1px solid #6b6b6b; border-radius: 4px; }
button { background: var(--link); color: #fff; border-color: var(--link); cursor: pointer; }
select { font: inherit; padding: .35rem .4rem; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; color: var(--ink); max-width: 100%; }
/* A field is never wider than the form: the longest option of a select, in any language, is cut, not the page widened. */
form > div { max-width: 100%; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0; padding: .25rem .75rem .5rem; }
legend { font-weight: 600; padding: 0 .25rem; }
form.search { background: var(--wash); padding: .75rem 1rem; border-radius: 6px; }
.field-wide { flex-basis: 100%; }
.field-wide input[type=search] { width: 100%; max-width: 36rem; }
.hint { margin: .2rem 0 0; font-size: .85rem; color: var(--muted); }
.choices { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .1rem 1rem; }
label.choice { font-weight: 400; display: inline; }
.actions { display: flex; gap: 1rem; align-items: center; }
mark { background: #fff0a0; color: inherit; padding: 0 .05em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.notice { border-left: 4px solid #8a1c1c; background: #fbeeee; padding: .5rem 1rem; margin: 1rem 0; }
.notice p { margin: .3rem 0; }
.lead { font-size: 1.1rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .3rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1rem; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } }
figure.quote { margin: 1rem 0; }
blockquote { margin: 0; padding: .25rem 1rem; border-left: 4px solid var(--line); }
.citation { font-family: ui-serif, Georgia, serif; background: var(--wash); padding: .6rem .8rem; overflow-wrap: anywhere; }
ul.inline, .paging ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
ol.history { padding-left: 1.25rem; }
dl.changes dt { font-weight: 600; }
dl.changes dd { margin: 0 0 .3rem; }
ul.relations li { margin-bottom: .5rem; }
ol.events { list-style: none; padding: 0; }
ol.events li { padding: .6rem 0; border-bottom: 1px solid var(--line); }
.when { font-weight: 600; margin: 0; }
.headline { margin: .1rem 0; }
.summary, .source { margin: .2rem 0; font-size: .92rem; color: var(--muted); }
figure.chart { margin: 1.5rem 0 2rem; }
/* The chart takes the width of its box and scrolls inside it below its narrowest width. */
.chart-box { overflow-x: auto; container: ${CHART_CONTAINER} / inline-size; }
/* On a phone the box starts scrolled to the recent end; the reader scrolls back in time. */
@media (max-width: 40rem) { .chart-box { direction: rtl; } }
.chart-legend { list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .2rem 1.25rem; font-size: .88rem; }
.chart-legend li { display: flex; align-items: center; gap: .35rem; }
.chart-legend svg { flex: none; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .5rem; }
/* The drawing of TimelineJS (/{relation}/timelinejs). */
#timeline-embed { width: 100%; height: 640px; }
`;

/** Every rule a chart drawn into a page may need, whatever width its marks appear from. */
export const STYLES = SITE + chartStyle(widthsUpTo(PAGE_CHART_WIDTH), 'page');
