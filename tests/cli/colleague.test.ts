import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordCheck } from '../../shared/domain/wordCheck';
import { cli } from '../helpers/cliHarness';
import { makeTempDir, removeDir, TEST_PASSPHRASE } from '../helpers/tempVault';

describe('the cover colleague on the command line', () => {
  let root: string;
  let jordan: string;
  let dana: string;
  let danaKey: string;
  let danaWords: string[];
  const env = { SOLE_NOTES_PASSPHRASE: TEST_PASSPHRASE };

  beforeAll(async () => {
    root = makeTempDir();
    jordan = path.join(root, 'jordan');
    dana = path.join(root, 'dana');
    for (const vault of [jordan, dana]) expect((await cli(['init', '--vault', vault], { env })).code).toBe(0);
    danaKey = path.join(root, 'dana.solekey');
    const exported = await cli(['handover', 'key', '--vault', dana, '--out', danaKey, '--label', 'Dana Whitfield'], { env });
    expect(exported.code).toBe(0);
    danaWords = wordCheck(exported.stdout.trim());
  });
  afterAll(() => removeDir(root));

  it('is listed in the help, each command with its own', async () => {
    expect((await cli(['--help'])).stdout).toContain('colleague name');
    for (const word of ['name', 'show', 'remove']) {
      const help = await cli(['colleague', word, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: sole-notes colleague ${word}`);
    }
  });

  it('shows nothing before a colleague is named', async () => {
    const shown = await cli(['colleague', 'show', '--vault', jordan], { env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe('');
    expect(shown.stderr).toContain('No cover colleague is named');
    expect((await cli(['colleague', 'show', '--vault', jordan, '--json'], { env })).stdout.trim()).toBe('null');
  });

  it('without --words prints the words to read together and saves nothing (exit 1)', async () => {
    const run = await cli(['colleague', 'name', '--vault', jordan, '--key', danaKey, '--name', 'Dana Whitfield'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(danaWords.join(' '));
    expect((await cli(['colleague', 'show', '--vault', jordan, '--json'], { env })).stdout.trim()).toBe('null');
  });

  it('refuses words that do not match the file, and saves nothing (exit 1)', async () => {
    const wrong = [...danaWords.slice(0, 9), danaWords[9] === 'aardvark' ? 'absurd' : 'aardvark'];
    const run = await cli(['colleague', 'name', '--vault', jordan, '--key', danaKey, '--name', 'Dana Whitfield', '--words', wrong.join(' ')], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the words do not match this file/);
    expect((await cli(['colleague', 'show', '--vault', jordan, '--json'], { env })).stdout.trim()).toBe('null');
  });

  it('names the colleague when every word matches (any case, commas allowed), shows them, and forgets them', async () => {
    const typed = danaWords.map((word, index) => (index % 2 === 0 ? word.toUpperCase() : word)).join(', ');
    const named = await cli(['colleague', 'name', '--vault', jordan, '--key', danaKey, '--name', 'Dana Whitfield', '--words', typed], { env });
    expect(named.stderr).toContain('Dana Whitfield is your cover colleague');
    expect(named.code).toBe(0);

    const shown = await cli(['colleague', 'show', '--vault', jordan], { env });
    expect(shown.code).toBe(0);
    const [name, words, fingerprint] = shown.stdout.trim().split('\t');
    expect(name).toBe('Dana Whitfield');
    expect(words).toBe(danaWords.join(' '));
    expect(wordCheck(fingerprint ?? '')).toEqual(danaWords);

    // A handover to the named colleague now needs no key file and no code.
    const audit = await cli(['audit', 'verify', '--vault', jordan], { env });
    expect(audit.code).toBe(0);

    const removed = await cli(['colleague', 'remove', '--vault', jordan], { env });
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('Dana Whitfield is no longer your cover colleague.');
    expect((await cli(['colleague', 'show', '--vault', jordan, '--json'], { env })).stdout.trim()).toBe('null');
    const again = await cli(['colleague', 'remove', '--vault', jordan], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('nothing changed');
  });

  it('refuses this vault’s own handover key', async () => {
    const ownKey = path.join(root, 'jordan.solekey');
    const exported = await cli(['handover', 'key', '--vault', jordan, '--out', ownKey], { env });
    const words = wordCheck(exported.stdout.trim()).join(' ');
    const run = await cli(['colleague', 'name', '--vault', jordan, '--key', ownKey, '--name', 'Jordan', '--words', words], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/own handover key/);
  });
});
