// /{relation}/timelinejs: TimelineJS (served from this origin, /static/timelinejs/) drawing the timeline from
// the data its element names. A file of its own, since the pages' Content-Security-Policy allows no inline script.
const element = document.getElementById('timeline-embed');
window.timeline = new TL.Timeline(element, element.dataset.source, {
  // TimelineJS would otherwise load its files, and a font stylesheet, from Knight Lab's CDN.
  script_path: new URL('/static/timelinejs/js/', window.location.href).href,
  font: null,
  // The page's language: TimelineJS reads its own words for it from locale/<language>.json (English is built in).
  language: element.dataset.language || 'en',
});
