import { z } from 'zod';

/** Canonical base64 that decodes to exactly `bytes` bytes (Node's own decoder silently skips bad characters). */
export function base64OfLength(bytes: number) {
  return z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64')
    .refine((value) => {
      const decoded = Buffer.from(value, 'base64');
      return decoded.length === bytes && decoded.toString('base64') === value;
    }, `expected ${bytes} bytes in base64`);
}
