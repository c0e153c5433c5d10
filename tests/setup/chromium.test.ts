import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, chromiumInstallHint, findChromium, linuxDistribution } from '../../scripts/setup/chromium.mjs';
import { isOpenssl3, missingTools } from '../../scripts/setup/testTools.mjs';
import { CHROMIUM_PATH } from '../e2e/harness';

const root = path.resolve(import.meta.dirname, '../..');

describe('finding Chromium', () => {
  it('takes SOLE_NOTES_CHROMIUM when it names a file, and no other browser when it does not', () => {
    const exists = (file: string) => file === '/opt/chrome/chrome' || file === '/usr/bin/chromium';
    expect(findChromium({ platform: 'linux', env: { SOLE_NOTES_CHROMIUM: '/opt/chrome/chrome' }, exists }).path).toBe('/opt/chrome/chrome');
    expect(findChromium({ platform: 'linux', env: { SOLE_NOTES_CHROMIUM: '/nowhere/chrome' }, exists })).toEqual({ path: null, tried: ['/nowhere/chrome'] });
  });

  it('otherwise tries the usual places in order', () => {
    const only = (wanted: string) => (file: string) => file === wanted;
    expect(findChromium({ platform: 'linux', env: {}, exists: only('/usr/bin/google-chrome') }).path).toBe('/usr/bin/google-chrome');
    expect(chromiumCandidates('linux', {})[0]).toBe('/usr/bin/chromium');
    expect(chromiumCandidates('darwin', { HOME: '/Users/w' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates('win32', { ProgramFiles: 'C:\\Program Files' })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    const none = findChromium({ platform: 'linux', env: {}, exists: () => false });
    expect(none.path).toBeNull();
    expect(none.tried).toEqual(chromiumCandidates('linux', {}));
  });

  it('is the one the end-to-end harness launches', () => {
    expect(CHROMIUM_PATH).toBe(findChromium().path);
    // No other file names a browser path of its own.
    const offenders = ['tests', 'bench', 'scripts']
      .flatMap((folder) => fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).map((file) => path.join(folder, file)))
      .filter((file) => /\.(ts|mjs)$/.test(file) && !file.startsWith(path.join('scripts', 'setup')) && !file.startsWith(path.join('tests', 'setup')))
      .filter((file) => fs.readFileSync(path.join(root, file), 'utf8').includes('/usr/bin/chromium'));
    expect(offenders).toEqual([]);
  });

  it('says how to install it on each kind of machine, naming SOLE_NOTES_CHROMIUM', () => {
    expect(chromiumInstallHint('linux', 'debian')).toBe('Install Chromium (sudo apt-get install chromium), or set SOLE_NOTES_CHROMIUM to the path of a Chromium or Chrome.');
    for (const hint of [chromiumInstallHint('darwin'), chromiumInstallHint('win32'), chromiumInstallHint('linux', 'ubuntu'), chromiumInstallHint('linux', null)]) {
      expect(hint).toContain('SOLE_NOTES_CHROMIUM');
    }
  });

  it('reads the distribution from /etc/os-release', () => {
    expect(linuxDistribution('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe('debian');
    expect(linuxDistribution('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('ubuntu');
    expect(linuxDistribution('ID=fedora\n')).toBe('fedora');
    expect(linuxDistribution(null)).toBeNull();
  });
});

describe('what the tests need', () => {
  it('wants OpenSSL 3 (Ed25519 with pkeyutl -rawin), not LibreSSL or OpenSSL 1', () => {
    expect(isOpenssl3('OpenSSL 3.0.17 1 Jul 2025 (Library: OpenSSL 3.0.17 1 Jul 2025)')).toBe(true);
    expect(isOpenssl3('LibreSSL 3.3.6')).toBe(false);
    expect(isOpenssl3('OpenSSL 1.1.1w  11 Sep 2023')).toBe(false);
  });

  it('names each missing tool in one line, and the Debian packages for apt-get', () => {
    const found = { path: '/usr/bin/chromium', tried: ['/usr/bin/chromium'] };
    expect(missingTools({ chromium: found, openssl: 'OpenSSL 3.0.17', platform: 'linux', linuxId: 'debian' })).toEqual({ packages: [], lines: [] });
    const missing = missingTools({ chromium: { path: null, tried: ['/usr/bin/chromium'] }, openssl: null, platform: 'linux', linuxId: 'debian' });
    expect(missing.packages).toEqual(['chromium', 'openssl']);
    expect(missing.lines).toEqual([
      'The tests need Chromium (looked at /usr/bin/chromium). Install Chromium (sudo apt-get install chromium), or set SOLE_NOTES_CHROMIUM to the path of a Chromium or Chrome.',
      'The tests need OpenSSL 3 or newer on the PATH (none found): sudo apt-get install openssl.',
    ]);
    expect(missingTools({ chromium: found, openssl: 'LibreSSL 3.3.6', platform: 'darwin' }).lines).toEqual([
      'The tests need OpenSSL 3 or newer on the PATH (found LibreSSL 3.3.6): brew install openssl@3.',
    ]);
  });
});
