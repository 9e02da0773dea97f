import type { Language } from '../i18n/languages';
import type { EventContent, RecordedEvent } from './catalog';

/**
 * A fact and what became of it: each correction with what it changed, each translation, and the retraction
 * that withdrew it, in the order they were recorded. Pure: the fact as it now stands is the fact as recorded
 * with every correction applied in turn, field by field, as the timeline applies them; its translations are
 * each as recorded with the corrections of its text applied (a change of `translations.es.headline`).
 */

/** One field a correction changed: what it said before and what it says now. */
export interface ChangedField {
  field: string;
  before: unknown;
  after: unknown;
}

/** A fact's text in a language other than the log's, as it now stands, and whose translation it is. */
export interface Translation {
  language: Language;
  headline: string;
  summary: string | null;
  translator: string;
  /** The EventTranslated that recorded it. */
  event: string;
  recorded: string;
  actor: string;
}

export interface Amendment {
  id: string;
  kind: 'correction' | 'retraction' | 'translation';
  /** The language of a translation; null for a correction or a retraction. */
  language: Language | null;
  recorded: string;
  actor: string;
  /** Why a correction or a retraction was made; empty for a translation (its `changed` says whose it is). */
  reason: string;
  /** What a correction or a translation changed; empty for a retraction. */
  changed: ChangedField[];
}

export interface FactHistory {
  /** The fact as first recorded. */
  recorded: RecordedEvent;
  /** The fact as it now stands: every correction applied. */
  current: EventContent;
  amendments: Amendment[];
  /** The retraction that withdrew it, if one did: the fact is then not presented as true. */
  retraction: Amendment | null;
  /** Its translations as they now stand, in the order they were first recorded. */
  translations: Translation[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The history of `fact` from its amendments (corrections and retractions that point at it, in log order). */
export function factHistory(fact: RecordedEvent, amendments: RecordedEvent[]): FactHistory {
  const current: Record<string, unknown> = { ...fact };
  const translations = new Map<string, Translation>();
  const steps: Amendment[] = [];
  let retraction: Amendment | null = null;
  for (const amendment of amendments) {
    const step = amendment.type === 'EventTranslated' ? translated(amendment, translations) : corrected(amendment, current, translations);
    steps.push(step);
    if (step.kind === 'retraction') retraction ??= step;
  }
  const { relation, position, version, schema, recorded, actor, ...content } = current as RecordedEvent;
  return { recorded: fact, current: content as EventContent, amendments: steps, retraction, translations: [...translations.values()] };
}

const stepOf = (amendment: RecordedEvent, kind: Amendment['kind'], reason: string, changed: ChangedField[], language: Language | null = null) =>
  ({ id: amendment.id, kind, language, recorded: amendment.recorded, actor: amendment.actor, reason, changed });

/** A translation recorded: the text it gives, as changes of its language's fields (from nothing, or a translation before). */
function translated(amendment: RecordedEvent, translations: Map<string, Translation>): Amendment {
  const data = amendment.data as { language: Language; headline: string; summary?: string; translator: string };
  const before = translations.get(data.language);
  const now: Translation = {
    language: data.language, headline: data.headline, summary: data.summary ?? null, translator: data.translator,
    event: amendment.id, recorded: amendment.recorded, actor: amendment.actor,
  };
  translations.set(data.language, now);
  const changed = (['headline', 'summary', 'translator'] as const)
    .filter((field) => !same(before?.[field] ?? null, now[field]))
    .map((field) => ({ field: `translations.${data.language}.${field}`, before: before?.[field] ?? null, after: now[field] }));
  return stepOf(amendment, 'translation', '', changed, data.language);
}

/** A correction or a retraction: what a correction changed, of the fact's fields and of its translations. */
function corrected(amendment: RecordedEvent, current: Record<string, unknown>, translations: Map<string, Translation>): Amendment {
  const data = amendment.data as { reason: string; changes?: Record<string, unknown> };
  const changed: ChangedField[] = [];
  if (amendment.type !== 'EventCorrected') return stepOf(amendment, 'retraction', data.reason, changed);
  const { translations: texts, ...fields } = (data.changes ?? {}) as { translations?: Record<string, Record<string, unknown>> };
  for (const [field, after] of Object.entries(fields)) {
    if (after === undefined || same(current[field], after)) continue;
    changed.push({ field, before: current[field], after });
    current[field] = after;
  }
  for (const [language, change] of Object.entries(texts ?? {})) {
    const translation = translations.get(language) as Record<string, unknown> | undefined;
    if (!translation) continue;
    for (const [field, after] of Object.entries(change)) {
      if (after === undefined || same(translation[field], after)) continue;
      changed.push({ field: `translations.${language}.${field}`, before: translation[field], after });
      translation[field] = after;
    }
  }
  return stepOf(amendment, 'correction', data.reason, changed);
}
