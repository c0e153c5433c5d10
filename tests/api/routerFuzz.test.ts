import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type CommandName } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/errors';
import { createRouter, type Router } from '../../src-main/api/router';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { TEST_PASSPHRASE, createdVault, removeDir } from '../helpers/tempVault';

/*
 * The router under hostile input, beyond tests/api/router.test.ts: names and
 * inputs built to break a JavaScript service — prototype-pollution keys,
 * nesting deep enough to blow a recursive walker's stack, inputs of many
 * megabytes, and many requests at once, locks and unlocks among them. Every
 * answer must be a result with a known error code, never INTERNAL (nothing
 * reached a handler it could crash), and the router must keep serving.
 */

/**
 * Commands that write files outside the vault, open dialogs, or replace the
 * vault itself are left out of the random mix of the concurrency test (where
 * a random input might by chance be valid); every command gets the inputs
 * that can never be valid (pollution, nesting).
 */
const RISKY = new Set<string>(['vault.create', 'vault.changePassphrase', 'vault.unlockWithRecovery', 'reports.export', 'backups.restore', 'backups.undoRestore', 'backups.confirmRestore', 'backups.updateSettings', 'backups.create', 'backups.freshSet']);
const RISKY_PREFIXES = ['system.', 'handover.', 'disclosure.'];
const SAFE_NAMES = COMMAND_NAMES.filter((name) => !RISKY.has(name) && !RISKY_PREFIXES.some((prefix) => name.startsWith(prefix)));
const ALL_NAMES: readonly CommandName[] = COMMAND_NAMES;
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf', 'then'];

let root: string;
let session: VaultSession;
let router: Router;
let internalErrors: string[];

beforeAll(async () => {
  ({ session, root } = await createdVault());
  internalErrors = [];
  router = createRouter(session, { reportInternalError: (command, error) => internalErrors.push(`${command}: ${String(error)}`) });
});

afterAll(() => {
  session.lock();
  removeDir(root);
});

function expectTyped(result: unknown): void {
  expect(result).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
  const typed = result as { ok: boolean; error?: { code: string; message: string } };
  if (!typed.ok) {
    expect(ERROR_CODES).toContain(typed.error?.code);
    expect(typed.error?.code).not.toBe('INTERNAL');
    expect(typeof typed.error?.message).toBe('string');
    expect(typed.error?.message.length).toBeLessThan(2000); // never echoes a huge input back
  }
}

/** JSON text with a pollution key at the top or inside, parsed the way IPC would deliver it (own properties, not setters). */
const pollutedInput = fc
  .tuple(fc.constantFrom(...POLLUTION_KEYS), fc.jsonValue(), fc.boolean())
  .map(([key, value, nested]) => {
    const inner = `{${JSON.stringify(key)}: {"polluted": true, "value": ${JSON.stringify(value) ?? 'null'}}}`;
    return JSON.parse(nested ? `{"body": "x", "id": "7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11", "fields": ${inner}}` : inner) as unknown;
  });

function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

describe('router fuzzing: hostile inputs', () => {
  it('prototype-pollution keys anywhere give typed errors and pollute nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_NAMES), pollutedInput, async (name, input) => {
        expectTyped(await router.invoke(name, input));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 600 },
    );
    for (const key of POLLUTION_KEYS) expectTyped(await router.invoke(key, {}));
    expect(await router.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await router.invoke('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(internalErrors).toEqual([]);
  });

  it('nesting 100,000 levels deep, as the name or as the input, is refused without a stack overflow', async () => {
    for (const kind of ['object', 'array'] as const) {
      const deep = deeplyNested(100_000, kind);
      expect(await router.invoke(deep, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
      for (const name of ALL_NAMES) {
        expectTyped(await router.invoke(name, deep));
        expectTyped(await router.invoke(name, { body: deep, id: deep, query: deep, text: deep, passphrase: deep }));
      }
    }
    expect(internalErrors).toEqual([]);
  });

  it('inputs of many megabytes are refused quickly, and a cyclic object does not hang the router', async () => {
    const huge = 'x'.repeat(20_000_000);
    const started = performance.now();
    expect(await router.invoke('notes.create', { body: huge })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('redaction.check', { text: huge })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('vault.unlock', { passphrase: huge })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke(huge, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await router.invoke('services.create', { date: '2026-03-02', minutes: 30, kind: 'individual_session', studentIds: Array(1_000_000).fill('x') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`k${index}`, index]));
    expect(await router.invoke('settings.update', wide)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const cyclic: Record<string, unknown> = { body: 'x' };
    cyclic.self = cyclic;
    expect(await router.invoke('notes.create', cyclic)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(internalErrors).toEqual([]);
  });

  it('getters that throw, proxies and exotic objects give typed errors', async () => {
    const throwing = Object.defineProperty({}, 'body', {
      enumerable: true,
      get() {
        throw new Error('boom from a getter');
      },
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('boom from a proxy');
        },
        ownKeys() {
          throw new Error('boom from ownKeys');
        },
      },
    );
    for (const input of [throwing, proxy, new Map([['body', 'x']]), new Date(), /body/, Symbol('x'), () => 'x', new Uint8Array(10)]) {
      for (const name of ['notes.create', 'settings.update', 'vault.unlock', 'students.list'] as const) expectTyped(await router.invoke(name, input));
    }
    expect(internalErrors).toEqual([]);
  });
});

describe('router fuzzing: many requests at once', () => {
  it('answers 1,000 concurrent random requests — locks and unlocks among them — with typed results, then keeps serving', async () => {
    const requests = fc.sample(
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...SAFE_NAMES), fc.anything({ withNullPrototype: true, withBigInt: true })) },
        { weight: 2, arbitrary: fc.tuple(fc.constant('notes.create'), fc.record({ body: fc.string({ maxLength: 500 }) })) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('notes.list', 'students.list', 'audit.verify', 'vault.status', 'backups.list'), fc.constant({})) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('vault.lock'), fc.constant({})) },
        { weight: 1, arbitrary: fc.tuple(fc.constant('vault.unlock'), fc.constant({ passphrase: TEST_PASSPHRASE })) },
        { weight: 1, arbitrary: fc.tuple(fc.string(), fc.anything()) },
      ),
      { numRuns: 1000, seed: 20_260_302 },
    );
    const results = await Promise.all(requests.map(([name, input]) => router.invoke(name, input)));
    for (const result of results) expectTyped(result);
    const codes = new Set(results.flatMap((result) => (result.ok ? [] : [result.error.code])));
    expect(codes).toContain('INVALID_INPUT');
    expect(results.some((result) => result.ok)).toBe(true);
    expect(internalErrors).toEqual([]);

    // Still serving, and the vault is whole.
    expect(await router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    const note = await router.invoke('notes.create', { body: 'After the storm' });
    expect(note).toMatchObject({ ok: true });
    expect(await router.invoke('audit.verify', {})).toMatchObject({ ok: true, value: { intact: true } });
    expect(session.data.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
