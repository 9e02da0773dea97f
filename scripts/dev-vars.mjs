// The local Worker secrets of `wrangler dev` (.dev.vars): created from .dev.vars.example when missing,
// and given any name the example has and it lacks (a secret added since it was made), never changing a value.
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';

const parse = (text) =>
  Object.fromEntries([...text.matchAll(/^([A-Z_][A-Z0-9_]*)=(.*)$/gm)].map(([, name, value]) => [name, value.trim()]));

export function devVars() {
  if (!existsSync('.dev.vars')) {
    copyFileSync('.dev.vars.example', '.dev.vars');
    console.log('created .dev.vars from .dev.vars.example');
  }
  const example = parse(readFileSync('.dev.vars.example', 'utf8'));
  const current = parse(readFileSync('.dev.vars', 'utf8'));
  const missing = Object.keys(example).filter((name) => !(name in current));
  if (missing.length) {
    const text = readFileSync('.dev.vars', 'utf8');
    appendFileSync('.dev.vars', `${text.endsWith('\n') || text === '' ? '' : '\n'}${missing.map((name) => `${name}=${example[name]}\n`).join('')}`);
    console.log(`added ${missing.join(', ')} to .dev.vars from .dev.vars.example`);
  }
  return { ...example, ...current };
}
