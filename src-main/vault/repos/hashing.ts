import crypto from 'node:crypto';

export function sha256hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One link of a hash chain: the previous link's hash, a newline, then the entry as a JSON array. */
export function chainHash(prevHash: string, fields: readonly unknown[]): string {
  return sha256hex(`${prevHash}\n${JSON.stringify(fields)}`);
}
