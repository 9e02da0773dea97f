// Builds the static assets the Worker serves (wrangler.toml `[assets]`): the files of public/, and of
// desk/public/ under /desk/; the OpenAPI
// document, generated from the Worker's own code (scripts/openapi-document.mjs), which the Worker answers
// `/openapi.json` with; and, from the exact versions package-lock.json installed, what the pages need of
// Swagger UI (swagger-ui-dist) and TimelineJS (@knight-lab/timelinejs, with its words in each language of
// public/i18n), and Unicode's table of confusable
// characters (UTS #39) as the `unhomoglyph` package ships it, which the Worker reads when a key is made
// (src/editors/lookalikes.ts) without carrying it in its bundle. Nothing else of those packages is copied: not
// TimelineJS's font stylesheets, which load fonts from another origin, nor source maps. Run by wrangler itself
// before `wrangler dev` and `wrangler deploy` (`[build]`), and by vitest.config.mts before the tests. The
// favicon is drawn by scripts/favicon.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { faviconIco } from './favicon.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'build', 'assets');
const PUBLIC = join(ROOT, 'public');
// The editor's desk's stylesheet and script, served under /desk/ (desk/wrangler.toml).
const DESK_PUBLIC = join(ROOT, 'desk', 'public');
const SWAGGER_UI = join(ROOT, 'node_modules', 'swagger-ui-dist');
const TIMELINEJS = join(ROOT, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const UNHOMOGLYPH = join(ROOT, 'node_modules', 'unhomoglyph');

/** [from, to under OUT]: the vendored files, each with its licence. */
const VENDORED = [
  [join(SWAGGER_UI, 'swagger-ui-bundle.js'), 'static/swagger-ui/swagger-ui-bundle.js'],
  [join(SWAGGER_UI, 'swagger-ui-bundle.js.LICENSE.txt'), 'static/swagger-ui/swagger-ui-bundle.js.LICENSE.txt'],
  [join(SWAGGER_UI, 'swagger-ui.css'), 'static/swagger-ui/swagger-ui.css'],
  [join(SWAGGER_UI, 'LICENSE'), 'static/swagger-ui/LICENSE'],
  [join(TIMELINEJS, 'js', 'timeline.js'), 'static/timelinejs/js/timeline.js'],
  [join(TIMELINEJS, 'js', 'timeline.js.LICENSE.txt'), 'static/timelinejs/js/timeline.js.LICENSE.txt'],
  [join(TIMELINEJS, 'css', 'timeline.css'), 'static/timelinejs/css/timeline.css'],
  ...readdirSync(join(TIMELINEJS, 'css', 'icons')).map((icon) => [join(TIMELINEJS, 'css', 'icons', icon), `static/timelinejs/css/icons/${icon}`]),
  [join(TIMELINEJS, '..', 'LICENSE'), 'static/timelinejs/LICENSE'],
  [join(UNHOMOGLYPH, 'data.json'), 'static/confusables/confusables.json'],
  [join(UNHOMOGLYPH, 'LICENSE'), 'static/confusables/LICENSE'],
];

/** TimelineJS's own words in each language the service speaks (a catalog of public/i18n): English is built into it. */
const timelineLocales = () => readdirSync(join(PUBLIC, 'i18n'))
  .map((file) => file.replace(/\.json$/, ''))
  .filter((language) => existsSync(join(TIMELINEJS, 'js', 'locale', `${language}.json`)))
  .map((language) => [join(TIMELINEJS, 'js', 'locale', `${language}.json`), `static/timelinejs/js/locale/${language}.json`]);

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).map(String).filter((path) => statSync(join(dir, path)).isFile());
}

/** A stylesheet or script without its source-map comment, which would send browser tools after a file not served. */
function withoutSourceMap(from) {
  return readFileSync(from, 'utf8').replace(/\n?\/[*/]# sourceMappingURL=\S+( \*\/)?\s*$/, '\n');
}

/** Writes only what differs, so that a running `wrangler dev` reloads only when an asset changed. */
function put(path, content) {
  const target = join(OUT, path);
  if (existsSync(target) && readFileSync(target).equals(Buffer.from(content))) return;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

export function buildAssets() {
  for (const [from] of VENDORED) {
    if (!existsSync(from)) throw new Error(`${relative(ROOT, from)} is missing: run npm install`);
  }
  const wanted = new Set();
  for (const path of filesUnder(PUBLIC)) {
    wanted.add(path);
    put(path, readFileSync(join(PUBLIC, path)));
  }
  for (const path of filesUnder(DESK_PUBLIC)) {
    wanted.add(join('desk', path));
    put(join('desk', path), readFileSync(join(DESK_PUBLIC, path)));
  }
  for (const [from, to] of [...VENDORED, ...timelineLocales()]) {
    wanted.add(to);
    put(to, /\.(js|css)$/.test(from) ? withoutSourceMap(from) : readFileSync(from));
  }
  // The desk's script, bundled with the code of the Worker's that it uses (the reading of dates).
  wanted.add('desk/desk.js');
  put('desk/desk.js', deskScript());
  wanted.add('favicon.ico');
  put('favicon.ico', faviconIco());
  wanted.add('openapi.json');
  // In a process of its own: it imports the Worker's code, which a long `npm start` would otherwise pile up.
  put('openapi.json', execFileSync(process.execPath, [join(ROOT, 'scripts', 'openapi-document.mjs')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  // Whatever an earlier build left that is no longer wanted.
  if (existsSync(OUT)) for (const path of filesUnder(OUT)) if (!wanted.has(path)) rmSync(join(OUT, path));
}

/** desk/script/desk.ts for the browser: one file, minified, with the Worker's zod (wrangler.toml [alias]). */
function deskScript() {
  const built = buildSync({
    entryPoints: [join(ROOT, 'desk', 'script', 'desk.ts')], bundle: true, minify: true, format: 'iife', target: 'es2022', write: false,
    alias: { zod: join(ROOT, 'src', 'zod', 'index.ts') }, legalComments: 'none', logLevel: 'warning',
  });
  return built.outputFiles[0].contents;
}

if (import.meta.url === `file://${process.argv[1]}`) buildAssets();
