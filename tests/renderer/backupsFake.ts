import type { SoleNotesBridge } from '../../shared/api/bridge';
import type { BackupInfo, BackupListing, BackupSettings, PendingRestore } from '../../shared/api/backupSchemas';
import { COMMANDS, type CommandName } from '../../shared/api/contract';
import { describeIssues } from '../../shared/api/describeIssues';
import type { ApiError } from '../../shared/api/errors';
import type { FakeState } from './fakeBridge';
import { installFake } from './setup';
import { issuesOf } from '../../src-main/api/errorDetails';

/**
 * The renderer's fake main side with the backup commands played in memory:
 * a backup folder, other folders (a USB drive), a restore waiting to be kept
 * or undone, and the unlock's answers that matter here (the pause after
 * wrong passphrases, a damaged vault). Everything else goes to fakeBridge.
 */

export const DEFAULT_FOLDER = '/home/worker/.config/Sole Notes/backups';

export function makeBackup(createdAt: string, fields: Partial<BackupInfo> = {}): BackupInfo {
  const stamp = createdAt.replace(/[-:.]/g, '');
  return {
    id: `sole-notes-backup-${stamp}-${(fields.bytes ?? 0).toString(16).padStart(4, '0').slice(-4)}`,
    createdAt,
    reason: 'manual',
    vaultId: '7d9f3c1e-2b4a-4c8d-9e0f-1a2b3c4d5e6f',
    sameVault: true,
    schemaVersion: 3,
    bytes: 2_400_000,
    ...fields,
  };
}

export interface BackupsFakeOptions {
  state?: Partial<FakeState>;
  backups?: BackupInfo[];
  settings?: Partial<BackupSettings>;
  pendingRestore?: PendingRestore | null;
  lastFailure?: BackupListing['lastFailure'];
  /** The second place for copies and whether it can be seen. */
  offsite?: BackupListing['offsite'];
  /** False: the backup folder's drive is not plugged in. */
  folderReachable?: boolean;
  /** Backups found in other folders, by path (what `backups.list({ folder })` answers). */
  folders?: Record<string, BackupInfo[]>;
  /** What the folder dialog answers. */
  chooseFolder?: string | null;
  /** `backups.create` fails with this (and lists it as the last failure). */
  createError?: ApiError;
  /** vault.unlock answers this error instead of checking the passphrase (called once per unlock). */
  unlockError?: () => ApiError | null;
  /** The passphrase the backups were made with; by default the vault's own. */
  backupPassphrase?: string;
}

export function installBackupsFake(options: BackupsFakeOptions = {}) {
  const fake = installFake(options.state === undefined ? {} : { state: options.state });
  const listing: BackupListing = {
    settings: { folder: DEFAULT_FOLDER, customFolder: false, keep: 10, automatic: true, offsite: null, offsitePrompt: null, ...options.settings },
    offsite: options.offsite ?? null,
    folderReachable: options.folderReachable ?? true,
    backups: [...(options.backups ?? [])],
    pendingRestore: options.pendingRestore ?? null,
    lastFailure: options.lastFailure ?? null,
  };
  const calls: { name: CommandName; input: unknown }[] = [];
  const fail = (code: ApiError['code'], message: string, details: Partial<ApiError> = {}): never => {
    throw { code, message, ...details } satisfies ApiError;
  };
  const requireUnlocked = () => {
    if (fake.state.vault !== 'unlocked') fail('VAULT_LOCKED', 'The vault is locked.');
  };
  let created = 0;

  const handlers: Partial<Record<CommandName, (input: never) => unknown>> = {
    'system.chooseFolder': () => ({ folder: options.chooseFolder === undefined ? '/media/worker/USB DRIVE/Sole Notes backups' : options.chooseFolder }),
    'backups.list': ({ folder }: { folder?: string }) => {
      if (folder === undefined) return listing;
      return { ...listing, backups: options.folders?.[folder] ?? [] };
    },
    'backups.create': () => {
      requireUnlocked();
      if (options.createError) {
        listing.lastFailure = { at: '2026-11-23T16:02:00.000Z', code: options.createError.code, message: options.createError.message };
        throw options.createError;
      }
      created += 1;
      const backup = makeBackup(`2026-11-23T16:0${created}:00.000Z`, { bytes: 2_500_000 + created });
      listing.backups.unshift(backup);
      listing.lastFailure = null;
      return backup;
    },
    'backups.updateSettings': (patch: {
      folder?: string | null;
      keep?: number;
      automatic?: boolean;
      offsite?: { folder: string; kind: 'usb' | 'network' } | null;
      offsitePrompt?: 'later' | 'never';
    }) => {
      requireUnlocked();
      const next = { ...listing.settings };
      if (patch.folder !== undefined) {
        next.folder = patch.folder ?? DEFAULT_FOLDER;
        next.customFolder = patch.folder != null;
      }
      if (patch.keep !== undefined) next.keep = patch.keep;
      if (patch.automatic !== undefined) next.automatic = patch.automatic;
      if (patch.offsite !== undefined) {
        next.offsite = patch.offsite && { ...patch.offsite, lastCopyAt: null };
        listing.offsite = patch.offsite && { ...patch.offsite, lastCopyAt: null, reachable: true };
      }
      if (patch.offsitePrompt !== undefined) next.offsitePrompt = { answer: patch.offsitePrompt, at: '2026-11-23T16:00:00.000Z' };
      listing.settings = next;
      return next;
    },
    'backups.restore': ({
      id,
      folder,
      passphrase,
      recoveryKey,
      newPassphrase,
    }: {
      id: string;
      folder?: string;
      passphrase?: string;
      recoveryKey?: string;
      newPassphrase?: string;
    }) => {
      if ((recoveryKey === undefined) !== (newPassphrase === undefined)) {
        return fail('INVALID_INPUT', 'newPassphrase: a restore with the recovery key sets a new passphrase; give both, or neither.');
      }
      const backup = (folder === undefined ? listing.backups : (options.folders?.[folder] ?? [])).find((candidate) => candidate.id === id);
      if (backup == null) return fail('NOT_FOUND', 'That backup is not in the backup folder (is the drive plugged in?).');
      if (passphrase === undefined && recoveryKey === undefined) {
        if (fake.state.vault !== 'unlocked' || backup.sameVault !== true) return fail('INVALID_INPUT', 'passphrase: enter the passphrase this backup was made with (or the recovery key) to restore it.');
      } else if (passphrase !== undefined && passphrase !== (options.backupPassphrase ?? fake.state.passphrase)) {
        return fail('WRONG_PASSPHRASE', 'That passphrase does not open this backup.');
      } else if (recoveryKey !== undefined && recoveryKey.replace(/[\s-]/g, '').toUpperCase() !== fake.state.recoveryKey.replace(/-/g, '')) {
        return fail('WRONG_RECOVERY_KEY', 'That recovery key does not open this backup. Check it against the printed copy.');
      }
      fake.state.vault = 'unlocked';
      if (newPassphrase !== undefined) fake.state.passphrase = newPassphrase;
      listing.pendingRestore = { backupId: backup.id, backupCreatedAt: backup.createdAt, restoredAt: '2026-11-23T16:10:00.000Z', keys: 'kept' };
      return { backup: { ...backup, sameVault: true }, pendingRestore: listing.pendingRestore };
    },
    'backups.confirmRestore': () => {
      requireUnlocked();
      if (listing.pendingRestore == null) return fail('NOT_FOUND', 'There is no restore waiting to be kept.');
      listing.pendingRestore = null;
      return { done: true };
    },
    'backups.undoRestore': () => {
      requireUnlocked();
      if (listing.pendingRestore == null) return fail('NOT_FOUND', 'There is no restore to undo.');
      listing.pendingRestore = null;
      // As the main side: the vault locks, and says so, before the answer arrives.
      fake.lockFromMain('user');
      return { keptIn: '/home/worker/.config/Sole Notes/vault/restore-undone-20261123T161500000Z' };
    },
  };

  const inner = fake.bridge.invoke.bind(fake.bridge);
  const bridge: SoleNotesBridge = {
    invoke: (async (name: CommandName, input: unknown) => {
      calls.push({ name, input: structuredClone(input) });
      if (name === 'vault.unlock' && options.unlockError) {
        const error = options.unlockError();
        if (error) return { ok: false, error };
      }
      const handler = handlers[name];
      if (handler == null) return inner(name, input as never);
      const parsed = COMMANDS[name].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: describeIssues(parsed.error), details: { issues: issuesOf(parsed.error) } } };
      try {
        return { ok: true, value: structuredClone(handler(input as never)) };
      } catch (error) {
        return { ok: false, error: error as ApiError };
      }
    }) as SoleNotesBridge['invoke'],
    onLocked: (callback) => fake.bridge.onLocked(callback),
  };
  Object.defineProperty(window, 'soleNotes', { value: bridge, configurable: true, writable: true });
  return {
    fake,
    listing,
    calls,
    callsTo: (name: CommandName) => calls.filter((entry) => entry.name === name).map((entry) => entry.input),
  };
}
