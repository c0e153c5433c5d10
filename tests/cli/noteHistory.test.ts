import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cliHarness';
import { TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';
import { openVaultDatabase } from '../helpers/vaultDisk';

/* note edit, note history, note erase-earlier and audit verify, in-process on a real encrypted vault. */

const FLAGGED = 'Dad said she was diagnosed with PTSD last spring; his cell is 555-201-4477.';
const FIXED = 'Checked in with her about the spring; things are calmer at home.';

describe('note history and audit verify', () => {
  let root: string;
  let vault: string;
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  beforeAll(async () => {
    root = makeTempDir('sole-notes-cli-history-');
    vault = path.join(root, 'vault');
    expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    expect((await cli(['student', 'add', '--vault', vault, '--code', 'HX-3'], { env })).code).toBe(0);
  });
  afterAll(() => removeDir(root));

  async function flaggedNote(): Promise<string> {
    const added = await cli(['note', 'add', '--vault', vault, '--student', 'HX-3', '--file', '-'], { env, stdin: FLAGGED });
    expect(added.code).toBe(0);
    return added.stdout.trim();
  }

  it('edits a note from a file, says earlier versions still hold flagged words, erases them, and shows the history', async () => {
    const id = await flaggedNote();
    const file = path.join(root, 'fixed.txt');
    fs.writeFileSync(file, FIXED);
    const edit = await cli(['note', 'edit', '--vault', vault, id, '--file', file], { env });
    expect(edit.code).toBe(0);
    expect(edit.stdout.trim()).toBe(`${id}\tversion 2`);
    expect(edit.stderr).toContain(`1 earlier version still holds flagged words. To erase their text: note erase-earlier --vault DIR ${id}`);

    const before = JSON.parse((await cli(['note', 'history', '--vault', vault, id, '--json'], { env })).stdout) as { version: number; hash: string; text: string | null }[];
    expect(before.map((version) => version.text)).toEqual([FLAGGED, FIXED]);

    const erase = await cli(['note', 'erase-earlier', '--vault', vault, id], { env });
    expect(erase.code).toBe(0);
    expect(erase.stdout).toMatch(/^Erased the text of version 1 on \d{4}-\d{2}-\d{2}T/);

    const json = await cli(['note', 'history', '--vault', vault, id, '--json'], { env });
    const after = JSON.parse(json.stdout) as { version: number; author: string; hash: string; erasedAt: string | null; text: string | null }[];
    expect(after).toMatchObject([
      { version: 1, author: 'owner', hash: before[0]?.hash, text: null },
      { version: 2, author: 'owner', hash: before[1]?.hash, erasedAt: null, text: FIXED },
    ]);
    expect(after[0]?.erasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(json.stdout).not.toContain('PTSD');

    const text = await cli(['note', 'history', '--vault', vault, id], { env });
    expect(text.stdout).toContain(`version 1\t`);
    expect(text.stdout).toContain(`(text erased on ${after[0]?.erasedAt?.slice(0, 10) ?? '?'}`);
    expect(text.stdout).toContain(`  ${FIXED}`);

    expect(await cli(['note', 'erase-earlier', '--vault', vault, id], { env })).toMatchObject({ code: 0, stdout: expect.stringContaining('nothing was erased') });
    const verify = await cli(['audit', 'verify', '--vault', vault], { env });
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.stdout).toMatch(/^intact: \d+ notes? and \d+ audit entries check out\./);
  });

  it('refuses edits without text or of a note that is not there, with exit 1', async () => {
    const id = await flaggedNote();
    expect((await cli(['note', 'edit', '--vault', vault, id], { env })).code).toBe(1);
    expect((await cli(['note', 'edit', '--vault', vault, '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11', '--text', 'x'], { env })).code).toBe(1);
    expect((await cli(['note', 'history', '--vault', vault, '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11'], { env })).code).toBe(1);
  });

  it('exits 5 naming the note when a version was changed in the database, and when a version was emptied without an erasure on record', async () => {
    const id = await flaggedNote();
    expect((await cli(['note', 'edit', '--vault', vault, id, '--text', FIXED], { env })).code).toBe(0);
    expect((await cli(['audit', 'verify', '--vault', vault], { env })).code).toBe(0);

    // Tampered with the real key, past the append-only trigger.
    const db = await openVaultDatabase(vault);
    const saved = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get('note_revisions_append_only') as string;
    db.exec('DROP TRIGGER note_revisions_append_only');
    db.prepare("UPDATE note_revisions SET body = 'Nothing to note.' WHERE note_id = ? AND revision = 1").run(id);
    db.close();

    const changed = await cli(['audit', 'verify', '--vault', vault], { env });
    expect(changed.code).toBe(5);
    expect(changed.stderr).toContain(`NOT INTACT: note ${id} (student HX-3), version 1: its text or hash does not match the chain.`);
    expect(changed.stdout).toBe('');

    // Emptied as an erasure would, but never recorded as one.
    const again = await openVaultDatabase(vault);
    again.prepare("UPDATE note_revisions SET body = '', erased_at = '2026-03-03T10:00:00.000Z' WHERE note_id = ? AND revision = 1").run(id);
    again.exec(saved);
    again.close();
    const unrecorded = await cli(['audit', 'verify', '--vault', vault], { env });
    expect(unrecorded.code).toBe(5);
    expect(unrecorded.stderr).toContain(`note ${id} (student HX-3), version 1: its text is gone but no erasure of it is in the audit log`);

    // An audit entry changed.
    const audit = await openVaultDatabase(vault);
    audit.exec('DROP TRIGGER audit_no_update');
    audit.prepare("UPDATE audit SET details = '{}' WHERE seq = 2").run();
    audit.close();
    const log = await cli(['audit', 'verify', '--vault', vault], { env });
    expect(log.code).toBe(5);
    expect(log.stderr).toContain('NOT INTACT: the audit log, from entry 2: an entry was changed or removed.');
  });
});
