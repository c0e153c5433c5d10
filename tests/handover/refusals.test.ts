import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, HandbackResult } from '../../shared/api/handoverSchemas';
import { canonicalBytes } from '../../src-main/common/canonical';
import { fingerprint } from '../../src-main/common/signing';
import { HANDBACK_MAGIC, PACKAGE_MAGIC, encodeContainer } from '../../src-main/handover/container';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, handOverCaseload, makeVault, refusal, seedOwner, substituteKeyFile, vaultSnapshot, type TestVault } from './fixtures';

/** Where the parts of a handover file are: header (magic + length), manifest, signature, payload. */
function layout(bytes: Buffer) {
  const manifestEnd = 12 + bytes.readUInt32BE(8);
  return { manifestStart: 12, manifestEnd, signatureEnd: manifestEnd + 64, end: bytes.length };
}

function manifestOf(bytes: Buffer): Record<string, unknown> {
  const { manifestStart, manifestEnd } = layout(bytes);
  return JSON.parse(bytes.subarray(manifestStart, manifestEnd).toString('utf8')) as Record<string, unknown>;
}

/** The file with its manifest replaced and the original signature kept. */
function withManifest(bytes: Buffer, manifest: unknown): Buffer {
  const { manifestEnd, signatureEnd } = layout(bytes);
  const manifestBytes = canonicalBytes(manifest);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifestBytes.length);
  return Buffer.concat([bytes.subarray(0, 8), length, manifestBytes, bytes.subarray(manifestEnd, signatureEnd), bytes.subarray(signatureEnd)]);
}

function flipped(bytes: Buffer, position: number, mask = 0x01): Buffer {
  const copy = Buffer.from(bytes);
  copy[position] = (copy[position] as number) ^ mask;
  return copy;
}

/** Every header, manifest and signature byte, and a spread of payload bytes with its first and last. */
function flipPositions(bytes: Buffer, payloadSamples: number): number[] {
  const { signatureEnd, end } = layout(bytes);
  const positions = Array.from({ length: signatureEnd }, (_, index) => index);
  const payloadLength = end - signatureEnd;
  for (let sample = 0; sample < payloadSamples; sample += 1) positions.push(signatureEnd + Math.floor((sample * payloadLength) / payloadSamples));
  for (let offset = 0; offset < 16; offset += 1) positions.push(signatureEnd + offset, end - 1 - offset);
  return [...new Set(positions)].sort((a, b) => a - b);
}

describe('refusing a handover package or hand-back, each with its own error', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let stranger: TestVault;
  let created: CreateHandoverResult;
  let packageBytes: Buffer;
  let packageFile: string;
  let probe: string;
  let seeded: Awaited<ReturnType<typeof seedOwner>>;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-refusals-');
    [owner, substitute, stranger] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute'), makeVault(root, 'stranger')]);
    seeded = await seedOwner(owner);
    packageFile = path.join(root, 'package.solehandover');
    created = await handOverCaseload(owner, await substituteKeyFile(substitute, root), packageFile);
    packageBytes = fs.readFileSync(packageFile);
    probe = path.join(root, 'probe.solehandover');
  });
  afterAll(() => {
    for (const vault of [owner, substitute, stranger]) vault.session.lock();
    removeDir(root);
  });

  async function openProbe(vault: TestVault, bytes: Buffer) {
    fs.writeFileSync(probe, bytes);
    return refusal(vault, 'handover.open', { file: probe });
  }

  it('holds the whole open caseload when asked for it', () => {
    expect(created.scope).toEqual({ students: 3, notes: 3, services: 3 });
  });

  it('refuses before the start date and after the end date, with their own messages', async () => {
    substitute.clock.set('2026-03-01T23:59:00.000Z');
    const early = await refusal(substitute, 'handover.open', { file: packageFile });
    expect(early).toMatchObject({ code: 'HANDOVER_NOT_YET_VALID' });
    expect(early.message).toContain('starts on 2026-03-02');

    substitute.clock.set('2026-03-28T00:00:30.000Z');
    const late = await refusal(substitute, 'handover.open', { file: packageFile });
    expect(late).toMatchObject({ code: 'HANDOVER_EXPIRED' });
    expect(late.message).toContain('ended on 2026-03-27');

    // The days are the owner's (UTC here): a substitute's time zone setting does not stretch them.
    substitute.session.data.settings.update({ timeZone: 'America/Los_Angeles' });
    expect((await call(substitute, 'handover.inspect', { file: packageFile })) as { validity: string }).toMatchObject({ validity: 'expired' });
    substitute.clock.set('2026-03-27T23:59:00.000Z');
    expect((await call(substitute, 'handover.inspect', { file: packageFile })) as { validity: string }).toMatchObject({ validity: 'active' });
    substitute.session.data.settings.update({ timeZone: 'UTC' });
    expect(fs.existsSync(path.join(substitute.folder, 'handovers'))).toBe(false);
  });

  it('refuses another recipient with its own message', async () => {
    stranger.clock.set('2026-03-05T09:00:00.000Z');
    const error = await refusal(stranger, 'handover.open', { file: packageFile });
    expect(error.code).toBe('HANDOVER_WRONG_RECIPIENT');
    expect(error.message).not.toBe((await openProbe(stranger, flipped(packageBytes, 20))).message);
  });

  it('refuses a manifest altered to stretch the dates or to change the recipient, though it is still well-formed', async () => {
    substitute.clock.set('2026-03-05T09:00:00.000Z');
    const manifest = manifestOf(packageBytes);
    const period = manifest.period as Record<string, string>;
    const longer = await openProbe(substitute, withManifest(packageBytes, { ...manifest, validUntil: '2027-01-31', period: { ...period, end: '2027-02-01T00:00:00.000Z' } }));
    expect(longer.code).toBe('HANDOVER_TAMPERED');
    expect(longer.message).toContain('signature');
    // The instants cannot be stretched apart from the dates either.
    expect((await openProbe(substitute, withManifest(packageBytes, { ...manifest, period: { ...period, start: '2026-02-20T00:00:00.000Z' } }))).code).toBe('HANDOVER_TAMPERED');

    const strangerKey = stranger.session.data.keys.handoverPublicKey().spki;
    const redirected = { ...manifest, recipient: { kind: 'key', fingerprint: fingerprint(strangerKey), label: null } };
    expect((await openProbe(stranger, withManifest(packageBytes, redirected))).code).toBe('HANDOVER_TAMPERED');
    expect((await openProbe(substitute, withManifest(packageBytes, { ...manifest, scope: { students: 1, notes: 1, services: 1 } }))).code).toBe('HANDOVER_TAMPERED');
  });

  it('shows a package re-signed with another key as that key\'s: the fingerprint the substitute checks is not the owner\'s', async () => {
    const manifest = manifestOf(packageBytes);
    const { signatureEnd } = layout(packageBytes);
    const strangerSigning = stranger.session.data.keys.signingPublicKey().spki;
    const forged = encodeContainer(
      PACKAGE_MAGIC,
      { ...manifest, owner: { ...(manifest.owner as object), signingKey: strangerSigning.toString('base64'), fingerprint: fingerprint(strangerSigning) } },
      packageBytes.subarray(signatureEnd),
      stranger.session.data.keys.signingPrivateKey(),
    );
    fs.writeFileSync(probe, forged);
    const info = (await call(substitute, 'handover.inspect', { file: probe })) as { ownerFingerprint: string };
    expect(info.ownerFingerprint).toBe(fingerprint(strangerSigning));
    expect(info.ownerFingerprint).not.toBe(fingerprint(owner.session.data.keys.signingPublicKey().spki));
  });

  it('refuses a byte flipped anywhere in the header, manifest, signature or payload as HANDOVER_TAMPERED', async () => {
    substitute.clock.set('2026-03-05T09:00:00.000Z');
    const positions = flipPositions(packageBytes, 200);
    expect(positions.length).toBeGreaterThan(layout(packageBytes).signatureEnd);
    const codes = new Map<string, number[]>();
    for (const position of positions) {
      const { code } = await openProbe(substitute, flipped(packageBytes, position, position % 2 === 0 ? 0x01 : 0x80));
      codes.set(code, [...(codes.get(code) ?? []), position]);
    }
    expect([...codes.keys()]).toEqual(['HANDOVER_TAMPERED']);
    expect((await openProbe(substitute, packageBytes.subarray(0, packageBytes.length - 1))).code).toBe('HANDOVER_TAMPERED');
    expect((await openProbe(substitute, Buffer.concat([packageBytes, Buffer.from([0])]))).code).toBe('HANDOVER_TAMPERED');
    expect((await openProbe(substitute, Buffer.alloc(0))).code).toBe('HANDOVER_TAMPERED');
    expect((await openProbe(substitute, Buffer.from('{"format":"sole-notes/handover-package"}'))).code).toBe('HANDOVER_TAMPERED');
    // Nothing was opened or recorded.
    expect(await call(substitute, 'handover.received')).toEqual([]);
    expect(fs.existsSync(path.join(substitute.folder, 'handovers'))).toBe(false);
  });

  describe('a hand-back', () => {
    let handbackBytes: Buffer;
    let handbackProbe: string;
    let handback: HandbackResult;
    let overEarlier: { code: string; message: string };
    let earlier: string;
    const earlierBytes = Buffer.concat([HANDBACK_MAGIC, Buffer.from('an earlier hand-back, not yet imported')]);

    beforeAll(async () => {
      substitute.clock.set('2026-03-05T09:00:00.000Z');
      await call(substitute, 'handover.open', { file: packageFile });
      await call(substitute, 'handover.notes.create', { packageId: created.packageId, studentId: seeded.second.id, body: 'A substitute note.' });
      earlier = path.join(root, 'earlier.solehandback');
      fs.writeFileSync(earlier, earlierBytes);
      overEarlier = await refusal(substitute, 'handover.handBack', { packageId: created.packageId, file: earlier });
      const file = path.join(root, 'back.solehandback');
      handback = await call<HandbackResult>(substitute, 'handover.handBack', { packageId: created.packageId, file });
      handbackBytes = fs.readFileSync(file);
      handbackProbe = path.join(root, 'probe.solehandback');
    });

    async function importProbe(vault: TestVault, bytes: Buffer) {
      fs.writeFileSync(handbackProbe, bytes);
      return refusal(vault, 'handover.importHandBack', { file: handbackProbe });
    }

    it('is never written over another hand-back, which may be the only copy of its notes: nothing is changed', () => {
      expect(overEarlier.code).toBe('CONFLICT');
      expect(overEarlier.message).toContain('Save this one under another name');
      expect(fs.readFileSync(earlier)).toEqual(earlierBytes);
      // The package stayed open through the refusal, and was handed back afterwards under another name.
      expect(handback).toMatchObject({ packageId: created.packageId, newNotes: 1, packageDeleted: true });
    });

    it('is refused as HANDOVER_TAMPERED for a byte flipped anywhere, and the owner\'s vault is left as it was', async () => {
      const before = vaultSnapshot(owner);
      const codes = new Set<string>();
      for (const position of flipPositions(handbackBytes, 100)) codes.add((await importProbe(owner, flipped(handbackBytes, position))).code);
      expect([...codes]).toEqual(['HANDOVER_TAMPERED']);
      expect(vaultSnapshot(owner)).toBe(before);
    });

    it('is refused when someone else re-signs it: only the package holder can make its proof', async () => {
      const manifest = manifestOf(handbackBytes);
      const { signatureEnd } = layout(handbackBytes);
      const strangerSigning = stranger.session.data.keys.signingPublicKey().spki;
      const forged = encodeContainer(
        HANDBACK_MAGIC,
        { ...manifest, substitute: { name: 'Dana Whitfield', signingKey: strangerSigning.toString('base64'), fingerprint: fingerprint(strangerSigning) } },
        handbackBytes.subarray(signatureEnd),
        stranger.session.data.keys.signingPrivateKey(),
      );
      const error = await importProbe(owner, forged);
      expect(error.code).toBe('HANDOVER_TAMPERED');
      expect(error.message).toContain('not made from the package');
    });

    it('is refused in a vault that did not make the package, and a package is not a hand-back', async () => {
      expect((await importProbe(stranger, handbackBytes)).code).toBe('HANDOVER_WRONG_RECIPIENT');
      expect((await refusal(owner, 'handover.importHandBack', { file: packageFile })).code).toBe('INVALID_INPUT');
      expect((await refusal(substitute, 'handover.open', { file: path.join(root, 'back.solehandback') })).code).toBe('INVALID_INPUT');
    });

    it('imports intact, and a copy of it imported again changes nothing', async () => {
      fs.writeFileSync(handbackProbe, handbackBytes);
      expect(await call(owner, 'handover.importHandBack', { file: handbackProbe })).toMatchObject({ alreadyImported: false, newNotes: 1, handbackId: handback.handbackId });
      const before = vaultSnapshot(owner);
      expect(await call(owner, 'handover.importHandBack', { file: handbackProbe })).toMatchObject({ alreadyImported: true });
      expect(vaultSnapshot(owner)).toBe(before);
    });
  });
});
