import { z } from 'zod';

/**
 * An id: any UUID in RFC 9562 syntax (8-4-4-4-12 hexadecimal digits, whatever its version and variant
 * bits: `e3e70682-c209-4cac-629f-6fbed82c07cd` as well as a random v4), read in any case and kept in
 * lower case, since UUIDs compare case-insensitively: any spelling finds it.
 */
export const Uuid = z.guid('a UUID: 8-4-4-4-12 hexadecimal digits').toLowerCase();
