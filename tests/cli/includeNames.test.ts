import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverStudents, listReceived } from '../../src-main/handover/substituteVault';
import { VaultSession } from '../../src-main/vault/vaultSession';
import { cli } from '../helpers/cliHarness';
import { TEST_KDF, TEST_PASSPHRASE, makeTempDir, removeDir } from '../helpers/tempVault';

/*
 * The private names a worker knows students by leave the vault on the
 * command line only when asked: `handover create --include-names` and
 * `disclose --include-names`. Without the flag, no file written holds a
 * name; with it, the substitute's opened package and the printed disclosure
 * show the name beside the code.
 */
const CANARY = 'Quillon-canary-name';
const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('--include-names on the command line', () => {
  let root: string;
  let owner: string;
  let substitute: string;
  let noteId: string;
  const file = (name: string) => path.join(root, name);

  beforeAll(async () => {
    root = makeTempDir('sole-notes-cli-names-');
    owner = file('owner');
    substitute = file('substitute');
    for (const vault of [owner, substitute]) expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    expect((await cli(['student', 'add', '--vault', owner, '--code', 'QN-1', '--name', CANARY], { env })).code).toBe(0);
    noteId = (await cli(['note', 'add', '--vault', owner, '--student', 'QN-1', '--text', 'Talked about the chess club.'], { env })).stdout.trim();
  });
  afterAll(() => removeDir(root));

  /** Makes a package for a one-time code, opens it in the substitute's vault, and reads back the students it holds. */
  async function handOver(name: string, flags: string[]): Promise<{ bytes: Buffer; students: { code: string; knownAs: string | null }[] }> {
    const created = await cli(
      ['handover', 'create', '--vault', owner, '--code', '--substitute', 'Dana Whitfield', '--from', day(-1), '--until', day(30), ...flags, '--out', file(name)],
      { env },
    );
    expect(created.code, created.stderr).toBe(0);
    const [packageId, code] = created.stdout.trim().split('\n');
    const opened = await cli(['handover', 'open', '--vault', substitute, file(name)], { env: { ...env, SOLE_NOTES_HANDOVER_CODE: code ?? '' } });
    expect(opened.code, opened.stderr).toBe(0);
    const session = new VaultSession(substitute, { kdf: TEST_KDF });
    await session.unlock(TEST_PASSPHRASE);
    try {
      expect(listReceived(session.data).map((item) => item.packageId)).toContain(packageId);
      const students = handoverStudents(session.data, session.folder, packageId ?? '').map(({ code: studentCode, knownAs }) => ({ code: studentCode, knownAs }));
      return { bytes: fs.readFileSync(file(name)), students };
    } finally {
      session.lock();
    }
  }

  it('handover create: codes only without the flag, the name beside the code with it', async () => {
    const plain = await handOver('plain.solehandover', []);
    expect(plain.students).toEqual([{ code: 'QN-1', knownAs: null }]);
    expect(plain.bytes.includes(Buffer.from(CANARY))).toBe(false);

    const named = await handOver('named.solehandover', ['--include-names']);
    expect(named.students).toEqual([{ code: 'QN-1', knownAs: CANARY }]);
  });

  it('disclose: the printed page holds the name only with the flag', async () => {
    const plain = await cli(['disclose', '--vault', owner, '--order', 'Case 7', '--out', file('plain.html'), noteId], { env });
    expect(plain.code, plain.stderr).toBe(0);
    const plainPage = fs.readFileSync(file('plain.html'), 'utf8');
    expect(plainPage).toContain('QN-1');
    expect(plainPage).not.toContain(CANARY);

    const named = await cli(['disclose', '--vault', owner, '--order', 'Case 7', '--include-names', '--out', file('named.html'), noteId], { env });
    expect(named.code, named.stderr).toBe(0);
    const namedPage = fs.readFileSync(file('named.html'), 'utf8');
    expect(namedPage).toContain('QN-1');
    expect(namedPage).toContain(CANARY);
  });

  it('says what the flag does in the help of both commands', async () => {
    for (const words of [['handover', 'create'], ['disclose']]) {
      const help = await cli([...words, '--help']);
      expect(help.stdout).toContain('--include-names');
    }
  });
});
