import { DEFAULT_REPORT_THRESHOLD, Settings, TimeZone } from '../../../shared/api/schemas';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../../shared/domain/autoLock';
import { DEFAULT_SCHOOL_YEAR_START_MONTH } from '../../../shared/domain/schoolYear';
import type { VaultDatabase } from '../connection';
import { parseInput } from './validation';
import { writeTransaction } from '../writeTransaction';

/** The computer's IANA time zone, or UTC when the runtime cannot say. */
export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && TimeZone.safeParse(zone).success ? zone : 'UTC';
}

/**
 * The value each key reads as until the worker sets it. Keys added after a
 * vault was made (the report settings) are not stored by any migration: an
 * older vault simply reads these defaults. The time zone follows the computer
 * until the worker picks one.
 */
export function defaultSettings(): Settings {
  return {
    autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    theme: 'system',
    textSize: 'normal',
    reportThreshold: DEFAULT_REPORT_THRESHOLD,
    timeZone: systemTimeZone(),
    ceuCycleStart: null,
    ceuRequirementApplies: true,
    schoolYearStartMonth: DEFAULT_SCHOOL_YEAR_START_MONTH,
    lastServiceKind: null,
    lastServiceMinutes: null,
  };
}

export const DEFAULT_SETTINGS: Settings = defaultSettings();

const SettingsPatch = Settings.partial().strict();
type SettingKey = keyof Settings;

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(Settings.shape, key);
}

/** The worker's preferences, one JSON value per key. */
export class SettingsRepository {
  private readonly selectAll;
  private readonly upsert;
  private readonly writeAll;

  constructor(db: VaultDatabase) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.writeAll = writeTransaction(db, (entries: [string, unknown][]) => {
      for (const [key, value] of entries) this.upsert.run(key, JSON.stringify(value));
    });
  }

  /** Stored values over the defaults; a missing or unreadable value falls back to its default. */
  get(): Settings {
    const settings: Record<SettingKey, unknown> = defaultSettings();
    for (const { key, value } of this.selectAll.all()) {
      if (!isSettingKey(key)) continue;
      const parsed = Settings.shape[key].safeParse(JSON.parse(value));
      if (parsed.success) settings[key] = parsed.data;
    }
    return Settings.parse(settings);
  }

  update(patch: Partial<Settings>): Settings {
    const changes = parseInput(SettingsPatch, patch);
    this.writeAll(Object.entries(changes).filter(([, value]) => value !== undefined));
    return this.get();
  }
}
