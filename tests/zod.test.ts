import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NewEvent } from '../src/domain/catalog';

describe("the Worker's zod (src/zod)", () => {
  it('is zod without the parts the service never uses, as in the bundle', () => {
    expect(z.locales).toBeUndefined();
    expect(z.core.locales).toBeUndefined();
    expect((z as unknown as Record<string, unknown>).fromJSONSchema).toBeUndefined();
  });

  it('still says what is wrong in English, and still parses and describes schemas', () => {
    const result = NewEvent.safeParse({ type: 'EventNoted', occurred: 1976, headline: 'x', source: {}, data: {} });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((issue) => issue.path.join('/') === 'occurred')?.message).toBe('Invalid input: expected string, received number');
    expect(z.toJSONSchema(z.object({ a: z.string().max(3) }))).toMatchObject({ properties: { a: { type: 'string', maxLength: 3 } } });
  });
});
