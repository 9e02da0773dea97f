// How the end-to-end tests start Debian's chromium (never a downloaded browser): headless, and quiet on the network.
import AxeBuilder from '@axe-core/playwright';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A page in a browser context of its own (axe asks for one), closed with its context. */
export async function openPageIn(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.close = () => context.close();
  return page;
}

/** axe's violations of a page (WCAG 2.x A and AA, and its best practices), as readable lines; `exclude` a library's own markup. */
export async function axeViolations(page, exclude) {
  const builder = new AxeBuilder({ page });
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
}
