import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { DEFAULT_SETTINGS, systemTimeZone } from '../../src-main/vault/repos/settings';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

let vault: TestDatabase & { data: VaultData };
let settings: VaultData['settings'];

beforeEach(() => {
  vault = openTestVault();
  settings = vault.data.settings;
});
afterEach(() => {
  vault.dispose();
});

describe('settings', () => {
  it('starts with the defaults', () => {
    // A database migrated from scratch holds migration 001's idle lock (5); a vault made by the session starts at 10 (tests/vault/quickUnlock/idleDefault.test.ts).
    expect(settings.get()).toEqual({
      autoLockMinutes: 5,
      theme: 'system',
      textSize: 'normal',
      reportThreshold: 10,
      timeZone: systemTimeZone(),
      ceuCycleStart: null,
      ceuRequirementApplies: true,
      schoolYearStartMonth: 7,
      lastServiceKind: null,
      lastServiceMinutes: null,
    });
    expect(DEFAULT_SETTINGS).toEqual({ ...settings.get(), autoLockMinutes: 10 });
  });

  it('updates only the given keys and keeps them across reopening', () => {
    expect(settings.update({ autoLockMinutes: 15, theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 15, theme: 'dark', textSize: 'normal' });
    expect(settings.update({ textSize: 'larger' })).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 15, theme: 'dark', textSize: 'larger' });
    vault.reopen();
    const stored = vault.db.prepare('SELECT key, value FROM settings ORDER BY key').all();
    expect(stored).toEqual([
      { key: 'autoLockMinutes', value: '15' },
      { key: 'textSize', value: '"larger"' },
      { key: 'theme', value: '"dark"' },
    ]);
  });

  it('refuses invalid values and unknown keys with INVALID_INPUT, changing nothing', () => {
    expect(() => settings.update({ autoLockMinutes: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('autoLockMinutes') }));
    expect(() => settings.update({ theme: 'neon' as never })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => settings.update({ fontFamily: 'Comic Sans' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => settings.update({ textSize: 'large', autoLockMinutes: 1000 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 }); // as migration 001 stored it
  });

  it('falls back to the default for a missing or unreadable stored value', () => {
    vault.db.prepare("DELETE FROM settings WHERE key = 'theme'").run();
    vault.db.prepare("UPDATE settings SET value = '9999' WHERE key = 'autoLockMinutes'").run();
    vault.db.prepare("INSERT INTO settings (key, value) VALUES ('retired', 'true')").run();
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the report settings: threshold, time zone and CEU cycle start, each validated', () => {
    expect(settings.update({ reportThreshold: 16, timeZone: 'America/Chicago', ceuCycleStart: '2024-07-01' })).toMatchObject({
      reportThreshold: 16,
      timeZone: 'America/Chicago',
      ceuCycleStart: '2024-07-01',
    });
    for (const bad of [{ reportThreshold: 7 }, { reportThreshold: 10.5 }, { timeZone: 'Mars/Olympus' }, { timeZone: '../etc' }, { ceuCycleStart: '2024-02-30' }]) {
      expect(() => settings.update(bad as never), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(settings.update({ ceuCycleStart: null }).ceuCycleStart).toBeNull();
    expect(settings.get()).toMatchObject({ reportThreshold: 16, timeZone: 'America/Chicago' });
  });

  it('reads the defaults for report settings a vault from before them never stored', () => {
    vault.db.prepare("DELETE FROM settings WHERE key IN ('reportThreshold', 'timeZone', 'ceuCycleStart')").run();
    expect(settings.get()).toMatchObject({ reportThreshold: 10, timeZone: systemTimeZone(), ceuCycleStart: null });
  });
});
