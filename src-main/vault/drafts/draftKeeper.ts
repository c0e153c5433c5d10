import type { z } from 'zod';
import type { Draft, DraftContext, DraftPutInput } from '../../../shared/api/draftSchemas';
import { VaultError } from '../errors';
import type { DraftWrite } from '../repos/drafts';
import type { VaultData } from '../vaultData';
import { draftKey } from './draftContext';

/**
 * How long a draft that arrived may wait in memory before it is written. The
 * renderer sends what is typed at most every 250 ms, so what is typed is on
 * disk at most about 1.25 s later, within the 2 s promised, even while the
 * worker types without a pause (a throttle: the wait starts at the first
 * change, not the last).
 */
export const DRAFT_WRITE_DELAY_MS = 1000;

export interface DraftTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: DraftTimers = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending write never keeps a process alive: the lock writes it anyway.
    handle.unref();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** What the keeper needs of a vault session: its data while unlocked, and a word before it closes. */
export interface DraftSession {
  readonly data: VaultData;
  onBeforeClose(listener: (data: VaultData) => void): () => void;
}

/**
 * Keeps the unfinished notes of one vault session. The latest text of each
 * editor waits in memory for at most `delayMs` and is then written in one
 * transaction; when a lock begins (idle, screen lock, suspend, window closed,
 * quit) whatever is waiting is written at once, before the database closes,
 * and the memory copy is dropped.
 */
export class DraftKeeper {
  readonly #session: DraftSession;
  readonly #delayMs: number;
  readonly #timers: DraftTimers;
  readonly #pending = new Map<string, DraftWrite>();
  #timer: unknown = null;
  #keptAtLock = 0;

  constructor(session: DraftSession, options: { delayMs?: number; timers?: DraftTimers } = {}) {
    this.#session = session;
    this.#delayMs = options.delayMs ?? DRAFT_WRITE_DELAY_MS;
    this.#timers = options.timers ?? realTimers;
    session.onBeforeClose((data) => this.#atClose(data));
  }

  /** Takes the editor's text; it is written within `delayMs`. */
  put(input: z.output<typeof DraftPutInput>): void {
    const data = this.#session.data;
    if (!data.drafts.belongsToSomething(input.context)) {
      throw new VaultError('NOT_FOUND', 'context: the note, service or package this unfinished note belongs to is not there (or was handed back).');
    }
    this.#pending.set(draftKey(input.context), {
      context: input.context,
      body: input.body,
      cursor: Math.min(input.cursor, input.body.length),
      form: input.form ?? null,
      followUp: input.followUp ?? '',
      resume: input.resume ?? true,
    });
    if (this.#timer === null) this.#timer = this.#timers.set(() => this.#onTimer(), this.#delayMs);
  }

  get(context: DraftContext): Draft | null {
    const data = this.#session.data;
    this.#writePending(data);
    return data.drafts.get(context);
  }

  list(): Draft[] {
    const data = this.#session.data;
    this.#writePending(data);
    return data.drafts.list();
  }

  /** The note was saved or the worker let it go: the draft goes, and so does any text still waiting. */
  discard(context: DraftContext): void {
    const data = this.#session.data;
    this.#pending.delete(draftKey(context));
    data.drafts.delete(context);
  }

  /** Writes whatever is waiting now. */
  flush(): void {
    this.#writePending(this.#session.data);
  }

  /** How many unfinished notes the last lock kept for the worker to come back to. */
  keptAtLock(): number {
    return this.#keptAtLock;
  }

  /** Drafts waiting in memory (tests). */
  pendingCount(): number {
    return this.#pending.size;
  }

  #onTimer(): void {
    this.#timer = null;
    if (this.#pending.size === 0) return;
    try {
      this.#writePending(this.#session.data);
    } catch {
      // A full disk, say: try again after the same wait (the lock tries once more).
      if (this.#pending.size > 0 && this.#timer === null) this.#timer = this.#timers.set(() => this.#onTimer(), this.#delayMs);
    }
  }

  #writePending(data: VaultData): void {
    if (this.#pending.size === 0) return;
    const drafts = [...this.#pending.values()];
    data.drafts.write(drafts);
    // Only what was written leaves memory; a put that came in meanwhile is a newer object.
    for (const draft of drafts) {
      const key = draftKey(draft.context);
      if (this.#pending.get(key) === draft) this.#pending.delete(key);
    }
  }

  #atClose(data: VaultData): void {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
    try {
      this.#writePending(data);
    } finally {
      // Nothing typed stays in memory once the vault is locked.
      this.#pending.clear();
      try {
        this.#keptAtLock = data.drafts.resumable();
      } catch {
        this.#keptAtLock = 0;
      }
    }
  }
}

const keepers = new WeakMap<DraftSession, DraftKeeper>();

/** The one keeper of a session, made on first use. */
export function draftKeeperFor(session: DraftSession): DraftKeeper {
  let keeper = keepers.get(session);
  if (!keeper) {
    keeper = new DraftKeeper(session);
    keepers.set(session, keeper);
  }
  return keeper;
}
