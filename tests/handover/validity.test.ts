import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, HandoverPackageInfo } from '../../shared/api/handoverSchemas';
import { PACKAGE_MAGIC, encodeContainer } from '../../src-main/handover/container';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, handOverCaseload, makeVault, refusal, seedOwner, substituteKeyFile, type TestVault } from './fixtures';

/** The manifest of a package file (header: 8-byte magic, 4-byte length). */
function manifestOf(bytes: Buffer): Record<string, unknown> {
  return JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32BE(8)).toString('utf8')) as Record<string, unknown>;
}

/** The package with its manifest replaced and signed again with the owner's key, as an older app (or a forger with that key) would. */
function resigned(owner: TestVault, bytes: Buffer, manifest: Record<string, unknown>): Buffer {
  const manifestEnd = 12 + bytes.readUInt32BE(8);
  const payload = bytes.subarray(manifestEnd + 64);
  return encodeContainer(PACKAGE_MAGIC, manifest, payload, owner.session.data.keys.signingPrivateKey());
}

/**
 * When a package may be opened is decided by the owner's calendar: its dates
 * are days in the owner's time zone, written into the signed manifest as UTC
 * instants. The substitute's time zone setting and the machine's zone change
 * nothing.
 */
describe('a handover package is valid for its days in the owner\'s time zone, whatever the substitute\'s', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let packageFile: string;
  let created: CreateHandoverResult;
  const savedTz = process.env.TZ;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-validity-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
    owner.session.data.settings.update({ timeZone: 'America/Los_Angeles' });
    await seedOwner(owner);
    packageFile = path.join(root, 'package.solehandover');
    created = await handOverCaseload(owner, await substituteKeyFile(substitute, root), packageFile);
  });
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
    substitute.session.data.settings.update({ timeZone: 'UTC' });
  });
  afterAll(() => {
    for (const vault of [owner, substitute]) vault.session.lock();
    removeDir(root);
  });

  const inspect = async (file = packageFile) => (await call<HandoverPackageInfo>(substitute, 'handover.inspect', { file })).validity;

  it('writes the owner\'s time zone and the exact start and end instants into the signed manifest', () => {
    expect(created.packageId).toBeTruthy();
    // Los Angeles: PST (UTC-8) on 2 March, PDT (UTC-7) from 8 March; the end is the first instant after the last day.
    expect(manifestOf(fs.readFileSync(packageFile)).period).toEqual({
      timeZone: 'America/Los_Angeles',
      start: '2026-03-02T08:00:00.000Z',
      end: '2026-03-28T07:00:00.000Z',
    });
  });

  it('cannot be opened the day before by a substitute whose setting or machine zone is ahead of the owner\'s', async () => {
    // 1 March, 15:00 in Los Angeles: already 2 March in UTC and on Kiritimati (UTC+14).
    substitute.clock.set('2026-03-01T23:00:00.000Z');
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
      substitute.session.data.settings.update({ timeZone: zone });
      process.env.TZ = zone;
      expect(await inspect(), zone).toBe('not-yet-valid');
      const early = await refusal(substitute, 'handover.open', { file: packageFile });
      expect(early.code, zone).toBe('HANDOVER_NOT_YET_VALID');
      expect(early.message).toContain('2026-03-02');
      expect(early.message).toContain('America/Los_Angeles');
    }
    expect(fs.existsSync(path.join(substitute.folder, 'handovers'))).toBe(false);

    // From midnight in Los Angeles it opens, whatever the substitute's zone.
    substitute.clock.set('2026-03-02T08:00:30.000Z');
    substitute.session.data.settings.update({ timeZone: 'Pacific/Pago_Pago' }); // still 1 March there
    expect(await inspect()).toBe('active');
  });

  it('cannot be opened after its last day by a substitute whose setting or machine zone is behind the owner\'s', async () => {
    // 28 March, 01:00 in Los Angeles: still 27 March on Pago Pago (UTC-11) and in Honolulu.
    substitute.clock.set('2026-03-28T08:00:00.000Z');
    for (const zone of ['Pacific/Pago_Pago', 'Pacific/Honolulu']) {
      substitute.session.data.settings.update({ timeZone: zone });
      process.env.TZ = zone;
      expect(await inspect(), zone).toBe('expired');
      expect((await refusal(substitute, 'handover.open', { file: packageFile })).code, zone).toBe('HANDOVER_EXPIRED');
    }
    // The last day counts to its end in Los Angeles, even where it is already the 28th.
    substitute.clock.set('2026-03-28T06:59:00.000Z');
    substitute.session.data.settings.update({ timeZone: 'Pacific/Kiritimati' });
    expect(await inspect()).toBe('active');
  });

  it('stops working in the substitute\'s vault at the owner\'s end of the last day, once opened', async () => {
    substitute.clock.set('2026-03-10T18:00:00.000Z');
    const received = await call<{ packageId: string }>(substitute, 'handover.open', { file: packageFile });
    substitute.clock.set('2026-03-28T07:30:00.000Z');
    substitute.session.data.settings.update({ timeZone: 'Pacific/Pago_Pago' });
    expect((await refusal(substitute, 'handover.notes.list', { packageId: received.packageId })).code).toBe('HANDOVER_EXPIRED');
    const listed = await call<{ packageId: string; validity: string | null }[]>(substitute, 'handover.received');
    expect(listed.find((item) => item.packageId === received.packageId)?.validity).toBe('expired');
  });

  it('reads an older manifest without the owner\'s zone conservatively: from noon UTC of the first day to 10:00 UTC of the last', async () => {
    const manifest = manifestOf(fs.readFileSync(packageFile));
    delete manifest.period;
    const older = path.join(root, 'older.solehandover');
    fs.writeFileSync(older, resigned(owner, fs.readFileSync(packageFile), manifest));
    // The latest moment 2 March begins anywhere (UTC-12) and the earliest moment 27 March ends anywhere (UTC+14).
    for (const [instant, validity] of [
      ['2026-03-02T11:59:00.000Z', 'not-yet-valid'],
      ['2026-03-02T12:00:30.000Z', 'active'],
      ['2026-03-27T09:59:00.000Z', 'active'],
      ['2026-03-27T10:00:30.000Z', 'expired'],
    ] as const) {
      substitute.clock.set(instant);
      substitute.session.data.settings.update({ timeZone: 'Pacific/Kiritimati' });
      expect(await inspect(older), instant).toBe(validity);
    }
  });
});

describe('a handover lasts at most a school year', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let keyFile: string;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-school-year-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
    await seedOwner(owner);
    keyFile = await substituteKeyFile(substitute, root);
  });
  afterAll(() => {
    for (const vault of [owner, substitute]) vault.session.lock();
    removeDir(root);
  });

  const create = (validUntil: string, file: string) => ({
    students: 'caseload',
    substitute: 'Dana Whitfield',
    validFrom: '2026-03-02',
    validUntil,
    recipient: { kind: 'key', keyFile },
    file: path.join(root, file),
  });

  it('refuses a period of 367 days at creation, naming the bound beside the last day, and writes nothing', async () => {
    const error = await refusal(owner, 'handover.create', create('2027-03-03', 'long.solehandover'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^validUntil: a handover can last at most a school year \(366 days\)/);
    expect(error.message).toContain('367 days');
    expect(fs.existsSync(path.join(root, 'long.solehandover'))).toBe(false);
    // 366 days, both ends included, is allowed.
    const year = await call<CreateHandoverResult>(owner, 'handover.create', create('2027-03-02', 'year.solehandover'));
    expect(year.validUntil).toBe('2027-03-02');
  });

  it('refuses at opening a package signed for longer, as an older app or a forged manifest could make it', async () => {
    const made = await call<CreateHandoverResult>(owner, 'handover.create', create('2026-03-27', 'short.solehandover'));
    const bytes = fs.readFileSync(made.path);
    const manifest = manifestOf(bytes);
    delete manifest.period;
    manifest.validUntil = '2028-03-01';
    const forged = path.join(root, 'forged.solehandover');
    fs.writeFileSync(forged, resigned(owner, bytes, manifest));
    substitute.clock.set('2026-03-05T12:00:00.000Z');
    const error = await refusal(substitute, 'handover.open', { file: forged });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('at most a school year (366 days)');
    expect(fs.existsSync(path.join(substitute.folder, 'handovers'))).toBe(false);
  });
});
