import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverNoteCreate } from '../../src-main/handover/substituteVault';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { TEST_KDF, TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };
const ID = /^[0-9a-f-]{36}$/;

/** A date some days from today (UTC); a day's margin either side covers the vault's own time zone. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('handover, release and disclosure on the command line', () => {
  let root: string;
  let owner: string;
  let substitute: string;
  let stranger: string;
  let noteId: string;
  let packageId: string;
  const file = (name: string) => path.join(root, name);

  beforeAll(async () => {
    root = makeTempDir('sole-notes-handover-cli-');
    owner = file('owner');
    substitute = file('substitute');
    stranger = file('stranger');
    for (const vault of [owner, substitute, stranger]) expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    expect((await cli(['student', 'add', '--vault', owner, '--code', 'A-1'], { env })).code).toBe(0);
    const note = await cli(['note', 'add', '--vault', owner, '--student', 'A-1', '--text', 'Talked about the marching band tryout.'], { env });
    noteId = note.stdout.trim();
  });
  afterAll(() => removeDir(root));

  it('exports the substitute\'s key and makes a package for it', async () => {
    const key = await cli(['handover', 'key', '--vault', substitute, '--out', file('dana.solekey'), '--label', 'Dana Whitfield'], { env });
    expect(key.code).toBe(0);
    expect(key.stdout.trim()).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);

    const created = await cli(
      ['handover', 'create', '--vault', owner, '--to', file('dana.solekey'), '--substitute', 'Dana Whitfield', '--from', day(-1), '--until', day(30), '--student', 'A-1', '--out', file('pkg.solehandover')],
      { env },
    );
    expect(created.stderr).toContain('1 student, 1 note, 0 services');
    expect(created.stderr).toContain(key.stdout.trim());
    expect(created.code).toBe(0);
    packageId = created.stdout.trim();
    expect(packageId).toMatch(ID);
  });

  it('refuses a package longer than a school year with exit 1, naming the bound', async () => {
    const args = ['handover', 'create', '--vault', owner, '--to', file('dana.solekey'), '--substitute', 'Dana Whitfield', '--student', 'A-1'];
    const long = await cli([...args, '--from', day(0), '--until', day(366), '--out', file('long.solehandover')], { env });
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('a handover can last at most a school year (366 days)');
    expect(long.stderr).toContain('367 days');
    expect(fs.existsSync(file('long.solehandover'))).toBe(false);
  });

  it('refuses the package in a stranger\'s vault with exit 4, and opens it in the substitute\'s', async () => {
    const refused = await cli(['handover', 'open', '--vault', stranger, file('pkg.solehandover')], { env });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain("someone else's handover key");

    const opened = await cli(['handover', 'open', '--vault', substitute, file('pkg.solehandover')], { env });
    expect(opened.code).toBe(0);
    expect(opened.stdout.trim()).toBe(packageId);
    expect(opened.stderr).toContain('handed over to Dana Whitfield');

    const list = await cli(['handover', 'list', '--vault', substitute, '--json'], { env });
    expect(JSON.parse(list.stdout)).toMatchObject({ sent: [], received: [{ packageId, status: 'open' }] });
  });

  it('hands back, then imports once and a second time changes nothing', async () => {
    const session = new VaultSession(substitute, { kdf: TEST_KDF });
    await session.unlock(TEST_PASSPHRASE);
    try {
      handoverNoteCreate(session.data, session.folder, { packageId, body: 'Covered the Tuesday check-in.' });
    } finally {
      session.lock();
    }
    const back = await cli(['handover', 'back', '--vault', substitute, '--package', packageId, '--out', file('back.solehandback')], { env });
    expect(back.code).toBe(0);
    expect(back.stdout.trim()).toBe(file('back.solehandback'));
    expect(back.stderr).toContain('1 new note');
    expect(fs.existsSync(path.join(substitute, 'handovers', packageId))).toBe(false);

    const imported = await cli(['handover', 'import', '--vault', owner, file('back.solehandback')], { env });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1 new note');
    expect(imported.stdout).toContain('handover closed');
    const again = await cli(['handover', 'import', '--vault', owner, file('back.solehandback'), '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyImported: true, newNotes: 1 });
    const notes = await cli(['note', 'list', '--vault', owner, '--json'], { env });
    expect(JSON.parse(notes.stdout)).toHaveLength(2);
  });

  it('refuses an altered package (4), one not yet valid (4), and a wrong handover code (2)', async () => {
    const bytes = fs.readFileSync(file('pkg.solehandover'));
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0x01;
    fs.writeFileSync(file('altered.solehandover'), bytes);
    const altered = await cli(['handover', 'open', '--vault', stranger, file('altered.solehandover')], { env });
    expect(altered.code).toBe(4);
    expect(altered.stderr).toContain('not an intact');

    const later = await cli(
      ['handover', 'create', '--vault', owner, '--code', '--substitute', 'Sam Ortiz', '--from', day(10), '--until', day(20), '--out', file('later.solehandover')],
      { env },
    );
    expect(later.code).toBe(0);
    const [, code] = later.stdout.trim().split('\n');
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    const early = await cli(['handover', 'open', '--vault', stranger, file('later.solehandover')], { env: { ...env, SOLE_NOTES_HANDOVER_CODE: code as string } });
    expect(early.code).toBe(4);
    expect(early.stderr).toContain(`starts on ${day(10)}`);

    const now = await cli(['handover', 'create', '--vault', owner, '--code', '--substitute', 'Sam Ortiz', '--from', day(-1), '--until', day(5), '--out', file('code.solehandover')], { env });
    const [, rightCode] = now.stdout.trim().split('\n');
    const wrong = await cli(['handover', 'open', '--vault', stranger, file('code.solehandover')], { env: { ...env, SOLE_NOTES_HANDOVER_CODE: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('handover code does not open');
    const right = await cli(['handover', 'open', '--vault', stranger, file('code.solehandover')], { env: { ...env, SOLE_NOTES_HANDOVER_CODE: rightCode as string } });
    expect(right.code).toBe(0);
  });

  it('revokes an open handover, saying what that cannot do', async () => {
    const list = await cli(['handover', 'list', '--vault', owner, '--json'], { env });
    const open = (JSON.parse(list.stdout) as { sent: { packageId: string; status: string }[] }).sent.find((item) => item.status === 'open');
    const revoked = await cli(['handover', 'revoke', '--vault', owner, '--package', open?.packageId ?? ''], { env });
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain('cannot be destroyed remotely');
    expect((await cli(['handover', 'revoke', '--vault', owner, '--package', open?.packageId ?? ''], { env })).code).toBe(1);
  });

  it('releases a note and discloses it under a court order', async () => {
    const released = await cli(['note', 'release', '--vault', owner, noteId, '--to', 'County Children’s Services', '--reason', 'Referral with consent.'], { env });
    expect(released.code).toBe(0);
    expect(released.stdout.trim()).toBe(noteId);
    expect(released.stderr).toContain('no longer a personal note');

    const disclosed = await cli(['disclose', '--vault', owner, '--order', 'Case 2026-CV-0142', '--out', file('disclosure.html'), noteId], { env });
    expect(disclosed.code).toBe(0);
    expect(fs.readFileSync(file('disclosure.html'), 'utf8')).toContain('CONFIDENTIAL — disclosed under court order Case 2026-CV-0142');
    const missing = await cli(['disclose', '--vault', owner, '--order', 'X', '--out', file('x.html'), '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11'], { env });
    expect(missing.code).toBe(1);
  });

  it.each([
    [['handover', 'create', '--vault', 'v', '--substitute', 'S', '--from', '2026-01-01', '--until', '2026-01-02', '--out', 'f'], /--to KEYFILE or --code/],
    [['handover', 'create', '--vault', 'v', '--to', 'k', '--code', '--substitute', 'S', '--from', '2026-01-01', '--until', '2026-01-02', '--out', 'f'], /--to KEYFILE or --code/],
    [['handover', 'back', '--vault', 'v', '--out', 'f'], /--package ID/],
    [['handover', 'open', '--vault', 'v'], /Usage: sole-notes handover open/],
    [['note', 'release', '--vault', 'v', 'id', '--reason', 'r'], /--to AGENCY/],
    [['disclose', '--vault', 'v', '--out', 'f', 'id'], /--order REF/],
  ])('exits 1 for a command typed wrong: %j', async (args, pattern) => {
    const result = await cli(args, { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(pattern);
  });

  it('has help for every new command, and documents exit code 4', async () => {
    for (const words of [['handover', 'key'], ['handover', 'create'], ['handover', 'open'], ['handover', 'back'], ['handover', 'import'], ['handover', 'list'], ['handover', 'revoke'], ['note', 'release'], ['disclose']]) {
      const help = await cli([...words, '--help']);
      expect(help.code, words.join(' ')).toBe(0);
      expect(help.stdout).toContain(`Usage: sole-notes ${words.join(' ')}`);
      expect(help.stdout).toContain('4 a handover package or hand-back refused');
    }
    const general = await cli(['--help']);
    for (const words of ['handover create', 'handover import', 'note release', 'disclose']) expect(general.stdout).toContain(words);
  });
});
