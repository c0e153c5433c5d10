import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../src-main/app/appUrl';
import { preloadPath, rendererRoot, vaultFolder } from '../../src-main/app/paths';

describe('paths', () => {
  it('puts the vault in <userData>/vault by default', () => {
    expect(vaultFolder('/home/w/.config/Sole Notes', {})).toBe(path.join('/home/w/.config/Sole Notes', 'vault'));
    expect(vaultFolder('/u', { SOLE_NOTES_VAULT_DIR: '  ' })).toBe(path.join('/u', 'vault'));
  });

  it('lets SOLE_NOTES_VAULT_DIR override the vault folder', () => {
    expect(vaultFolder('/u', { SOLE_NOTES_VAULT_DIR: '/tmp/other-vault' })).toBe(path.resolve('/tmp/other-vault'));
  });

  it('finds the built renderer and preload under dist/', () => {
    expect(rendererRoot('/app')).toBe(path.join('/app', 'dist', 'renderer'));
    expect(preloadPath('/app')).toBe(path.join('/app', 'dist', 'preload', 'preload.cjs'));
  });
});

describe('isAppUrl', () => {
  it.each(['app://sole-notes/index.html', 'app://sole-notes/', 'app://sole-notes/assets/x.js?v=1#top', 'APP://SOLE-NOTES/index.html'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://sole-notes.evil.example/index.html',
    'app://sole-notes:8080/index.html',
    'app://user@sole-notes/index.html',
    'https://sole-notes/index.html',
    'file:///work/main/dist/renderer/index.html',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
