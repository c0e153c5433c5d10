import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverColleague, CreateHandoverResult, HandoverKeyInfo } from '../../shared/api/handoverSchemas';
import { wordCheck } from '../../shared/domain/wordCheck';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { call, makeVault, refusal, seedOwner, vaultSnapshot, type TestVault } from './fixtures';

/**
 * A cover colleague named ahead: the owner stores the colleague's checked
 * key once (migration 14), and a sudden handover is then sealed to it with
 * no key file and no code; a key that is not the checked one is never stored.
 */
describe('a cover colleague named ahead', () => {
  let root: string;
  let owner: TestVault;
  let colleague: TestVault;
  let stranger: TestVault;
  let danaKey: string;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-colleague-');
    [owner, colleague, stranger] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'colleague'), makeVault(root, 'stranger')]);
    await seedOwner(owner);
    danaKey = path.join(root, 'dana.solekey');
    await call(colleague, 'handover.exportKey', { file: danaKey, label: 'Dana Whitfield' });
  });
  afterAll(() => {
    for (const vault of [owner, colleague, stranger]) vault.session.lock();
    removeDir(root);
  });

  it('has none at first, and a handover to the colleague is refused without one', async () => {
    expect(await call(owner, 'handover.colleague')).toBeNull();
    const refused = await refusal(owner, 'handover.create', handoverInput(path.join(root, 'none.solehandover')));
    expect(refused.code).toBe('CONFLICT');
    expect(fs.existsSync(path.join(root, 'none.solehandover'))).toBe(false);
  });

  it('shows the same words on both sides, and refuses to store a key other than the one checked', async () => {
    const own = await call<HandoverKeyInfo>(colleague, 'handover.keyInfo');
    const read = await call<{ fingerprint: string }>(owner, 'handover.readKeyFile', { file: danaKey });
    expect(wordCheck(read.fingerprint)).toEqual(wordCheck(own.fingerprint));

    // The file is swapped for a stranger's key after the words were read.
    const before = vaultSnapshot(owner);
    const forged = path.join(root, 'forged.solekey');
    await call(stranger, 'handover.exportKey', { file: forged, label: 'Dana Whitfield' });
    const forgedInfo = await call<{ fingerprint: string }>(owner, 'handover.readKeyFile', { file: forged });
    expect(wordCheck(forgedInfo.fingerprint)).not.toEqual(wordCheck(own.fingerprint));
    const refused = await refusal(owner, 'handover.nameColleague', { keyFile: forged, name: 'Dana Whitfield', fingerprint: own.fingerprint });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(vaultSnapshot(owner)).toBe(before);
    expect(await call(owner, 'handover.colleague')).toBeNull();
  });

  it('stores the colleague, recorded in the audit log', async () => {
    const own = await call<HandoverKeyInfo>(colleague, 'handover.keyInfo');
    const named = await call<CoverColleague>(owner, 'handover.nameColleague', { keyFile: danaKey, name: 'Dana Whitfield', fingerprint: own.fingerprint });
    expect(named).toEqual({ name: 'Dana Whitfield', fingerprint: own.fingerprint, checkedAt: expect.any(String) });
    expect(await call(owner, 'handover.colleague')).toEqual(named);
    const audit = owner.session.data.db.prepare("SELECT details FROM audit WHERE action = 'handover.colleague_named'").all() as { details: string }[];
    expect(audit).toHaveLength(1);
    fs.rmSync(danaKey); // the file is no longer needed
  });

  it('hands over to the colleague with no key file and no code; only the colleague opens it', async () => {
    const file = path.join(root, 'sudden.solehandover');
    const created = await call<CreateHandoverResult>(owner, 'handover.create', handoverInput(file));
    expect(created.code).toBeNull();
    expect(created.recipient).toEqual({ kind: 'key', fingerprint: (await call<HandoverKeyInfo>(colleague, 'handover.keyInfo')).fingerprint, label: 'Dana Whitfield' });
    expect((await refusal(stranger, 'handover.open', { file })).code).toBe('HANDOVER_WRONG_RECIPIENT');
    const opened = await call<{ packageId: string }>(colleague, 'handover.open', { file });
    expect(opened.packageId).toBe(created.packageId);
  });

  it('names the owner by the name the colleague gave them, when a sudden handover carries none', async () => {
    // Dana names Jordan back, checking Jordan's words, as they do while both are well.
    const jordanKey = path.join(root, 'jordan.solekey');
    await call(owner, 'handover.exportKey', { file: jordanKey, label: 'Jordan Reyes' });
    const jordan = await call<HandoverKeyInfo>(owner, 'handover.keyInfo');
    await call(colleague, 'handover.nameColleague', { keyFile: jordanKey, name: 'Jordan', fingerprint: jordan.fingerprint });

    const file = path.join(root, 'unnamed.solehandover');
    const { ownerName: _omitted, ...unnamed } = handoverInput(file);
    await call(owner, 'handover.create', unnamed);
    expect((await call<{ ownerName: string | null }>(colleague, 'handover.inspect', { file })).ownerName).toBe('Jordan');
    const opened = await call<{ packageId: string; ownerName: string | null }>(colleague, 'handover.open', { file });
    expect(opened.ownerName).toBe('Jordan');
  });

  it('forgets the colleague when asked, recorded', async () => {
    await call(owner, 'handover.removeColleague');
    expect(await call(owner, 'handover.colleague')).toBeNull();
    expect(owner.session.data.db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'handover.colleague_removed'").get()).toEqual({ n: 1 });
  });
});

function handoverInput(file: string) {
  return {
    students: 'caseload',
    substitute: 'Dana Whitfield',
    ownerName: 'Jordan Reyes',
    validFrom: '2026-03-01',
    validUntil: '2026-03-14',
    recipient: { kind: 'colleague' },
    file,
  };
}
