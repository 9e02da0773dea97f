/**
 * Every kind of message the service sends, with what it is for. A subscription asks for some of the
 * subscribable kinds, kept as a list on it; a kind that is not subscribable is sent on request only.
 * A new kind: an entry here, its body in messages.ts, and the code that sends it (see CONTRIBUTING.md).
 */
export const MESSAGE_KINDS = {
  'anniversary.today': {
    subscribable: true,
    description: "once a day, at the subscription's local hour, the anniversaries of its local date",
  },
  'event.recorded': {
    subscribable: true,
    description: 'every appended event that matches the filters, corrections and retractions included',
  },
  'webhook.test': {
    subscribable: false,
    description: 'sent on request, to check that an endpoint receives signed messages',
  },
} as const;

export type MessageKind = keyof typeof MESSAGE_KINDS;
export type SubscribableKind = { [K in MessageKind]: (typeof MESSAGE_KINDS)[K]['subscribable'] extends true ? K : never }[MessageKind];

export const ALL_KINDS = Object.keys(MESSAGE_KINDS) as MessageKind[];
export const SUBSCRIBABLE_KINDS = ALL_KINDS.filter((kind) => MESSAGE_KINDS[kind].subscribable) as SubscribableKind[];

/** The kinds a subscription asked for, once each, in the order of the list above. */
export function orderedKinds(kinds: SubscribableKind[]): SubscribableKind[] {
  return SUBSCRIBABLE_KINDS.filter((kind) => kinds.includes(kind));
}

/** SQL: the subscription row `s` wants messages of the kind bound at `param` (`?5`). */
export const wantsKind = (param: string) => `EXISTS (SELECT 1 FROM json_each(s.kinds) WHERE value = ${param})`;
