/**
 * The desk's one script (a static file, /desk/desk.js; the pages work without it). On a fact's form it adds
 * the live reading of each EDTF date field, in words with its precision, read by the same code as the API's
 * (src/domain/dates.ts), so that a bad date is explained as the API would explain it; and a preview of the
 * fact as the timeline and the feeds will show it.
 */
import { InvalidDate, occurredInWords, parseOccurred } from '../../src/domain/dates';

/** "June 1943, month precision"; "some time in the 1970s"; or why the date is not one. */
export function dateReading(edtf: string): { words: string; valid: boolean } {
  try {
    const { precision, approximate, uncertain } = parseOccurred(edtf);
    const inWords = occurredInWords(edtf);
    const words = /^the \d/.test(inWords) ? `some time in ${inWords}` : inWords;
    const qualifiers = [approximate && 'approximate', uncertain && 'uncertain'].filter(Boolean).join(', ');
    // A span (an interval, a decade) says its ends in words; its precision adds nothing to them.
    const exactness = precision === 'interval' ? '' : `, ${precision} precision`;
    return { words: `${words}${exactness}${qualifiers ? ` (${qualifiers})` : ''}`, valid: true };
  } catch (error) {
    if (error instanceof InvalidDate) return { words: `Not a date the log takes: ${error.message}`, valid: false };
    throw error;
  }
}

function readDates(form: HTMLFormElement): void {
  const occurred = form.querySelector<HTMLInputElement>('input[name="occurred"]');
  if (!occurred) return;
  // A field is a date of the catalog when it has the pattern of `occurred`.
  const pattern = occurred.dataset.pattern;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-pattern]')) {
    if (input.dataset.pattern !== pattern) continue;
    const reading = document.createElement('span');
    reading.id = `${input.id}-reading`;
    reading.className = 'reading';
    reading.setAttribute('aria-live', 'polite');
    input.insertAdjacentElement('afterend', reading);
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), reading.id].filter(Boolean).join(' '));
    const update = () => {
      const value = input.value.trim();
      const { words, valid } = value ? dateReading(value) : { words: '', valid: true };
      reading.textContent = words;
      reading.classList.toggle('error', !valid);
    };
    input.addEventListener('input', update);
    update();
  }
}

const valueOf = (form: HTMLFormElement, name: string) =>
  (form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)?.value ?? '').trim();

/** The fact as a timeline entry shows it: its date in words, its headline, its summary, its source. */
function preview(form: HTMLFormElement): void {
  const box = document.createElement('section');
  box.className = 'preview';
  box.setAttribute('aria-labelledby', 'preview-title');
  box.innerHTML = '<h3 id="preview-title">Preview: as the timeline and the feeds will show it</h3><p class="when"></p><p class="headline"></p><p class="summary"></p><p class="cited"></p>';
  form.querySelector('button[type="submit"]')?.closest('p')?.insertAdjacentElement('beforebegin', box);
  const part = (name: string) => box.querySelector<HTMLElement>(`.${name}`)!;
  const update = () => {
    const occurred = valueOf(form, 'occurred');
    const reading = occurred ? dateReading(occurred) : null;
    part('when').textContent = reading?.valid ? occurredInWords(occurred) : '(a date to come)';
    part('headline').textContent = valueOf(form, 'headline') || '(a headline to come)';
    part('summary').textContent = valueOf(form, 'summary');
    const source = ['source.title', 'source.publisher', 'source.date'].map((name) => valueOf(form, name)).filter(Boolean);
    part('cited').textContent = source.length ? `Source: ${source.join(', ')}` : 'Source: (a citation to come)';
  };
  form.addEventListener('input', update);
  update();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-fact-form]')) {
  readDates(form);
  if (form.querySelector('input[name="headline"]')) preview(form);
}
