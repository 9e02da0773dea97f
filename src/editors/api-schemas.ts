import { z } from 'zod';
import { ADMIN_NAME, SCOPES } from './scopes';

/** Request and response shapes of /v1/admin/keys; the OpenAPI document is generated from them. */

const NAME_PATTERN = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N} .'’_-]*[\p{L}\p{M}\p{N}.])?$/u;
// Marks no one sees (the combining grapheme joiner, variation selectors): two names that differ by one look alike.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/** An editor's name, as feeds and the log show it: letters (any script), digits, spaces and . ' ’ - _ */
const EditorName = z.string().trim().normalize('NFC').min(1).max(100)
  .regex(NAME_PATTERN, "a name is letters, digits, spaces and . ' ’ - _, beginning with a letter or digit")
  .refine((name) => !INVISIBLE.test(name), 'a name holds no invisible characters')
  .refine((name) => name.toLowerCase() !== ADMIN_NAME, `${ADMIN_NAME} is what the ADMIN_TOKEN records as: use the editor's own name`)
  .describe(
    'the editor: every event recorded with the key is attributed to this name (white space at either end is removed, and the name ' +
    'is NFC-normalized, before it is checked). A name that looks like admin or like another editor\'s (Unicode confusables, UTS #39) ' +
    'is refused; an editor\'s own name again needs anotherKey',
  );

const Scope = z.enum(SCOPES)
  .describe('events:write records events; webhooks:manage manages webhook subscriptions; admin makes and revokes keys, rebuilds the views and reseals webhook secrets');

export const CreateKey = z.strictObject({
  name: EditorName,
  scopes: z.array(Scope).min(1).max(SCOPES.length),
  anotherKey: z.boolean().optional()
    .describe('true: the name is an editor\'s, and this is another key of theirs (a laptop, a script); a name already taken is refused without it'),
});

export const KeyId = z.object({ id: z.string().regex(/^key_[0-9a-f]{32}$/, 'a key id is key_ and 32 hex digits') });

export const EditorKey = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(Scope),
  prefix: z.string().describe('the first characters of the key, to tell keys apart'),
  created: z.string(),
  createdBy: z.string(),
  lastUsed: z.string().nullable().describe('up to a minute behind'),
  revoked: z.string().nullable(),
  revokedBy: z.string().nullable(),
});

export const EditorKeyWithSecret = EditorKey.extend({
  key: z.string().describe('the key (rlk_…): shown this once, never stored'),
});
