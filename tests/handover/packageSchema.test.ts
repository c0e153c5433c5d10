import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateHandoverResult, HandbackImportResult, HandbackResult, ReceivedHandover } from '../../shared/api/handoverSchemas';
import type { Student } from '../../shared/api/schemas';
import { PACKAGE_MAGIC, encodeContainer, sha256Hex } from '../../src-main/handover/container';
import { openEncryptedDatabase, type VaultDatabase } from '../../src-main/vault/connection';
import { closeAsOneFile } from '../../src-main/vault/package/packageDatabase';
import { PACKAGE_APPLICATION_ID } from '../../src-main/vault/package/schema/migrations';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { rewritePackageDatabase as rewriteDatabase, sha256File } from '../vault/testVault';
import { call, handOverCaseload, makeVault, refusal, seedOwner, substituteKeyFile, type TestVault } from './fixtures';

/**
 * The package's database has schema versions of its own. Through the whole
 * handover, as the worker meets it: a package made by a newer app is refused
 * at opening with that reason and leaves nothing behind; a package made
 * before the schema had versions still opens, is worked in and goes back;
 * a received package a newer app has since written is refused and left as
 * it is.
 */

/** The package file's manifest and database (header: 8-byte magic, 4-byte length; the 64-byte signature follows the manifest). */
function unpack(bytes: Buffer): { manifest: Record<string, unknown> & { payload: Record<string, unknown> }; payload: Buffer } {
  const manifestEnd = 12 + bytes.readUInt32BE(8);
  return {
    manifest: JSON.parse(bytes.subarray(12, manifestEnd).toString('utf8')) as Record<string, unknown> & { payload: Record<string, unknown> },
    payload: bytes.subarray(manifestEnd + 64),
  };
}

describe('the package schema through a handover', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let created: CreateHandoverResult;
  let packageBytes: Buffer;
  let handed: Student[];

  /**
   * The package with its database changed as `change` says (with the package
   * key, which the owner keeps), its manifest's size and hash to match, and
   * signed again with the owner's key: as an app of another version would
   * have made it.
   */
  function remade(name: string, change: (db: VaultDatabase) => void): string {
    const { manifest, payload } = unpack(packageBytes);
    const work = path.join(root, `${name}.db`);
    fs.writeFileSync(work, payload);
    rewriteDatabase(work, owner.session.data.handovers.requireSent(created.packageId).package_key, change);
    const database = fs.readFileSync(work);
    fs.rmSync(work);
    manifest.payload = { ...manifest.payload, bytes: database.length, sha256: sha256Hex(database) };
    const file = path.join(root, `${name}.solehandover`);
    fs.writeFileSync(file, encodeContainer(PACKAGE_MAGIC, manifest, database, owner.session.data.keys.signingPrivateKey()));
    return file;
  }

  beforeAll(async () => {
    root = makeTempDir('sole-notes-package-schema-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
    const seeded = await seedOwner(owner);
    handed = [seeded.handed, seeded.second, seeded.kept].sort((a, b) => a.code.localeCompare(b.code));
    const packageFile = path.join(root, 'march.solehandover');
    created = await handOverCaseload(owner, await substituteKeyFile(substitute, root, 'dana.solekey'), packageFile);
    packageBytes = fs.readFileSync(packageFile);
    substitute.clock.set('2026-03-05T08:00:00.000Z');
  });
  afterAll(() => {
    for (const vault of [owner, substitute]) vault.session.lock();
    removeDir(root);
  });

  it('refuses a package made by a newer version of Sole Notes, saying so, and keeps nothing of it', async () => {
    const file = remade('newer', (db) => db.pragma('user_version = 2'));
    const error = await refusal(substitute, 'handover.open', { file });
    expect(error).toMatchObject({
      code: 'VAULT_FROM_FUTURE',
      message: expect.stringContaining('This handover package was made by a newer version of Sole Notes (package schema 2; this version knows up to 1)'),
    });
    expect(fs.existsSync(path.join(substitute.folder, 'handovers', created.packageId))).toBe(false);
    expect(await call(substitute, 'handover.received')).toEqual([]);
    expect(substitute.session.data.audit.listByAction('handover.received')).toEqual([]);
  });

  it('opens a package made before the package schema had versions, works in it, and hands it back whole', async () => {
    // As the app just before versions wrote it: no mark, the vault schema (14) as its user_version.
    const file = remade('before-versions', (db) => {
      db.pragma('application_id = 0');
      db.pragma('user_version = 14');
    });
    await call<ReceivedHandover>(substitute, 'handover.open', { file });
    const packageId = created.packageId;
    expect((await call<Student[]>(substitute, 'handover.students.list', { packageId })).map((student) => student.code)).toEqual(handed.map((student) => student.code));
    await call(substitute, 'handover.notes.create', { packageId, studentId: handed[0]?.id, body: 'Covered the Tuesday check-in.' });

    const handbackFile = path.join(root, 'before-versions.solehandback');
    const handback = await call<HandbackResult>(substitute, 'handover.handBack', { packageId, file: handbackFile });
    expect(handback).toMatchObject({ newNotes: 1, packageDeleted: true });
    owner.clock.set('2026-03-30T09:00:00.000Z');
    expect(await call<HandbackImportResult>(owner, 'handover.importHandBack', { file: handbackFile })).toMatchObject({ newNotes: 1, accessLogIntact: true });
  });
});

describe('a received package a newer app has since written', () => {
  let root: string;
  let owner: TestVault;
  let substitute: TestVault;
  let packageId: string;

  beforeAll(async () => {
    root = makeTempDir('sole-notes-package-later-');
    [owner, substitute] = await Promise.all([makeVault(root, 'owner'), makeVault(root, 'substitute')]);
    await seedOwner(owner);
    const file = path.join(root, 'march.solehandover');
    packageId = (await handOverCaseload(owner, await substituteKeyFile(substitute, root, 'dana.solekey'), file)).packageId;
    substitute.clock.set('2026-03-05T08:00:00.000Z');
    await call(substitute, 'handover.open', { file });
  });
  afterAll(() => {
    for (const vault of [owner, substitute]) vault.session.lock();
    removeDir(root);
  });

  it('is version 1 once opened, marked as a package', () => {
    const key = substitute.session.data.handovers.requireReceived(packageId).package_key as Buffer;
    const db = openEncryptedDatabase(path.join(substitute.folder, 'handovers', packageId, 'package.db'), key, { create: false });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.pragma('application_id', { simple: true })).toBe(PACKAGE_APPLICATION_ID);
    } finally {
      closeAsOneFile(db);
    }
  });

  it('is refused with the reason, and its file is left exactly as it was', async () => {
    const file = path.join(substitute.folder, 'handovers', packageId, 'package.db');
    rewriteDatabase(file, substitute.session.data.handovers.requireReceived(packageId).package_key as Buffer, (db) => db.pragma('user_version = 3'));
    const before = sha256File(file);
    const error = await refusal(substitute, 'handover.students.list', { packageId });
    expect(error.code).toBe('VAULT_FROM_FUTURE');
    expect(error.message).toContain('package schema 3; this version knows up to 1');
    expect(sha256File(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
