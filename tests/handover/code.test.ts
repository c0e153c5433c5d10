import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, HandoverPackageInfo, ReceivedHandover, SentHandover } from '../../shared/api/handoverSchemas';
import type { Note } from '../../shared/api/schemas';
import { HANDOVER_CODE_BITS, generateHandoverCode, normalizeHandoverCode } from '../../src-main/handover/handoverCode';
import {
  CODE_WRAP_METHOD,
  unwrapWithCode,
  unwrapWithPrivateKey,
  wrapToPublicKey,
  wrapWithCode,
  x25519WrapInfo,
} from '../../src-main/handover/keyWrap';
import { VaultError } from '../../src-main/vault/errors';
import { TEST_KDF, makeTempDir, removeDir } from '../helpers/tempVault';
import { CANARY, call, fileHas, makeVault, refusal, seedOwner, type TestVault } from './fixtures';

const CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

describe('the one-time handover code', () => {
  it('holds at least 100 bits in 5 groups of 5 Crockford characters, different every time', () => {
    expect(HANDOVER_CODE_BITS).toBeGreaterThanOrEqual(100);
    const codes = new Set(Array.from({ length: 200 }, () => generateHandoverCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(CODE_SHAPE);
  });

  it('forgives case, spaces, dashes and I, L, O as typed, and refuses a wrong shape with WRONG_HANDOVER_CODE', () => {
    expect(normalizeHandoverCode('abcde fghjk-mnpqr stvwx yz01i')).toBe('ABCDEFGHJKMNPQRSTVWXYZ011');
    expect(normalizeHandoverCode('0o0o0-LLLLL-iiiii-22222-33333')).toBe('0000011111111112222233333');
    for (const bad of ['ABCDE-FGHJK', 'ABCDE-FGHJK-MNPQR-STVWX-YZ01U', 'ABCDE-FGHJK-MNPQR-STVWX-YZ01!']) {
      expect(() => normalizeHandoverCode(bad)).toThrow(VaultError);
      try {
        normalizeHandoverCode(bad);
      } catch (error) {
        expect((error as VaultError).code).toBe('WRONG_HANDOVER_CODE');
      }
    }
  });
});

describe('key wraps', () => {
  const key = crypto.randomBytes(32);
  const recipient = crypto.generateKeyPairSync('x25519');
  const recipientSpki = recipient.publicKey.export({ format: 'der', type: 'spki' });
  const context = { purpose: 'package', id: crypto.randomUUID() } as const;

  it('wraps to an X25519 key: only that key, for that package, opens it', () => {
    const wrap = wrapToPublicKey(key, recipientSpki, context);
    expect(unwrapWithPrivateKey(wrap, recipient.privateKey, recipientSpki, context)).toEqual(key);
    const other = crypto.generateKeyPairSync('x25519');
    expect(unwrapWithPrivateKey(wrap, other.privateKey, other.publicKey.export({ format: 'der', type: 'spki' }), context)).toBeNull();
    expect(unwrapWithPrivateKey(wrap, recipient.privateKey, recipientSpki, { ...context, id: crypto.randomUUID() })).toBeNull();
    expect(unwrapWithPrivateKey(wrap, recipient.privateKey, recipientSpki, { ...context, purpose: 'handback' })).toBeNull();
    // A fresh ephemeral key each time.
    expect(wrapToPublicKey(key, recipientSpki, context).ephemeralKey).not.toBe(wrap.ephemeralKey);
  });

  it('binds the purpose, the id and both public keys in the HKDF info', () => {
    const ephemeral = Buffer.alloc(44, 1);
    const info = x25519WrapInfo(context, ephemeral, recipientSpki);
    expect(info.includes(Buffer.from(context.id))).toBe(true);
    expect(info.includes(ephemeral)).toBe(true);
    expect(info.includes(recipientSpki)).toBe(true);
  });

  it('wraps to a code through argon2id: only that code opens it', async () => {
    const code = normalizeHandoverCode(generateHandoverCode());
    const wrap = await wrapWithCode(key, code, context, TEST_KDF);
    expect(wrap.method).toBe(CODE_WRAP_METHOD);
    expect(wrap.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 65536, passes: 3 });
    expect(await unwrapWithCode(wrap, code, context)).toEqual(key);
    expect(await unwrapWithCode(wrap, normalizeHandoverCode(generateHandoverCode()), context)).toBeNull();
  });
});

describe('a package for a one-time code', () => {
  let root: string;
  let owner: TestVault;
  let newcomer: TestVault;
  let created: CreateHandoverResult;
  let packageFile: string;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-code-');
    [owner, newcomer] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'newcomer')]);
    const seeded = await seedOwner(owner);
    packageFile = path.join(root, 'code.solehandover');
    created = await call<CreateHandoverResult>(owner, 'handover.create', {
      students: [seeded.handed.id],
      substitute: 'Sam Ortiz',
      validFrom: '2026-03-01',
      validUntil: '2026-03-14',
      recipient: { kind: 'code' },
      file: packageFile,
    });
    newcomer.clock.set('2026-03-03T09:00:00.000Z');
  });
  afterAll(() => {
    owner.session.lock();
    newcomer.session.lock();
    removeDir(root);
  });

  it('gives the code once, in the result, and keeps it nowhere', () => {
    expect(created.code).toMatch(CODE_SHAPE);
    expect(created.recipient).toEqual({ kind: 'code' });
    const code = created.code as string;
    expect(fileHas(packageFile, code)).toBe(false);
    expect(fileHas(packageFile, normalizeHandoverCode(code))).toBe(false);
    expect(fileHas(packageFile, CANARY)).toBe(false);
    expect(JSON.stringify(owner.session.data.audit.list(1000))).not.toContain(code);
    expect(owner.session.data.audit.listByAction('handover.created')[0]?.details).toMatchObject({ recipient: 'code', recipientFingerprint: null });
  });

  it('says it needs a code, and refuses none and a wrong one, each plainly', async () => {
    expect(await call<HandoverPackageInfo>(newcomer, 'handover.inspect', { file: packageFile })).toMatchObject({ recipient: { kind: 'code' } });
    const missing = await refusal(newcomer, 'handover.open', { file: packageFile });
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toContain('code');
    const wrong = await refusal(newcomer, 'handover.open', { file: packageFile, code: generateHandoverCode() });
    expect(wrong.code).toBe('WRONG_HANDOVER_CODE');
    expect((await refusal(newcomer, 'handover.open', { file: packageFile, code: 'not a code' })).code).toBe('WRONG_HANDOVER_CODE');
    expect(fs.existsSync(path.join(newcomer.folder, 'handovers'))).toBe(false);
  });

  it('opens with the right code, as typed in lower case with spaces', async () => {
    const typed = (created.code as string).toLowerCase().replaceAll('-', ' ');
    const opened = await call<ReceivedHandover>(newcomer, 'handover.open', { file: packageFile, code: typed });
    expect(opened).toMatchObject({ packageId: created.packageId, substitute: 'Sam Ortiz', ownerName: null });
    expect(opened.banner).toContain('the worker whose signing key is'); // no owner name was given
    const notes = await call<{ id: string }[]>(newcomer, 'handover.notes.list', { packageId: created.packageId });
    expect(notes).toHaveLength(1);
    const note = await call<Note>(newcomer, 'handover.notes.get', { packageId: created.packageId, id: notes[0]?.id });
    expect(note.body).toContain(CANARY);
    // Opening it again records another opening, and needs no code.
    expect(await call<ReceivedHandover>(newcomer, 'handover.open', { file: packageFile })).toMatchObject({ packageId: created.packageId });
  });

  it('can be revoked by the owner, who is told plainly that the copy given cannot be destroyed; its hand-back still closes it', async () => {
    const revoked = await call<{ handover: SentHandover; notice: string }>(owner, 'handover.revoke', { packageId: created.packageId, reason: 'Back early.' });
    expect(revoked.handover).toMatchObject({ status: 'revoked', packageId: created.packageId });
    expect(revoked.notice).toContain('cannot be destroyed remotely');
    expect(revoked.notice).toContain('2026-03-14');
    expect(owner.session.data.audit.listByAction('handover.revoked')[0]?.details).toMatchObject({ packageId: created.packageId, reason: 'Back early.' });
    expect((await refusal(owner, 'handover.revoke', { packageId: created.packageId })).code).toBe('CONFLICT');

    const file = path.join(root, 'code.solehandback');
    await call(newcomer, 'handover.handBack', { packageId: created.packageId, file });
    await call(owner, 'handover.importHandBack', { file });
    expect(await call<SentHandover[]>(owner, 'handover.sent')).toMatchObject([{ packageId: created.packageId, status: 'closed' }]);
    expect(owner.session.data.audit.listByAction('handover.closed')[0]?.details).toMatchObject({ previousStatus: 'revoked' });
  });
});
