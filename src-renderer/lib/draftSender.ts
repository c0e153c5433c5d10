import type { DraftContext, ServiceFormDraft } from '../../shared/api/draftSchemas';
import { call } from '../api';

/**
 * Sends what the worker types to the main side, which keeps it in the vault
 * as an unfinished note (drafts.put). Changes are gathered for at most
 * DRAFT_SEND_INTERVAL_MS and then sent, even while typing goes on (the wait
 * starts at the first change); the main side writes within a second of
 * receiving them. Nothing waits here once the vault locks.
 */
export const DRAFT_SEND_INTERVAL_MS = 250;

export interface OutgoingDraft {
  context: DraftContext;
  body: string;
  cursor: number;
  form?: ServiceFormDraft;
  /** The "Follow up on" field as typed. */
  followUp?: string;
  /** False: the worker left it for later, so the next unlock does not bring them back to it. */
  resume: boolean;
}

const waiting = new Map<string, OutgoingDraft>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** One key per editor context, the same however its fields were ordered. */
export function draftContextKey(context: DraftContext): string {
  switch (context.kind) {
    case 'note':
      return JSON.stringify(['note', context.noteId, context.noteId == null ? context.studentId : null, context.noteId == null ? context.serviceId : null]);
    case 'service':
      return JSON.stringify(['service', context.serviceId, context.packageId]);
    case 'package-note':
      return JSON.stringify(['package-note', context.packageId, context.noteId, context.noteId == null ? context.studentId : null]);
  }
}

export function sendDraft(draft: OutgoingDraft): void {
  waiting.set(draftContextKey(draft.context), draft);
  timer ??= setTimeout(sendWaitingDrafts, DRAFT_SEND_INTERVAL_MS);
}

/** Sends everything waiting now (before the Lock button locks, say). The requests leave before this returns. */
export function sendWaitingDrafts(): void {
  if (timer != null) clearTimeout(timer);
  timer = null;
  const drafts = [...waiting.values()];
  waiting.clear();
  for (const draft of drafts) {
    // A failure here is not the worker's to handle: the next change sends again, and a lock is announced on its own.
    void call('drafts.put', putInput(draft)).catch(() => undefined);
  }
}

function putInput(draft: OutgoingDraft) {
  return { context: draft.context, body: draft.body, cursor: draft.cursor, resume: draft.resume, ...(draft.form ? { form: draft.form } : {}), ...(draft.followUp ? { followUp: draft.followUp } : {}) };
}

/**
 * Sends everything waiting now and resolves once the main side has taken it
 * (before the window closes: the main side locks only after this).
 */
export async function sendWaitingDraftsNow(): Promise<void> {
  if (timer != null) clearTimeout(timer);
  timer = null;
  const drafts = [...waiting.values()];
  waiting.clear();
  await Promise.all(drafts.map((draft) => call('drafts.put', putInput(draft)).catch(() => undefined)));
}

/** The note was saved, or the worker let the text go: the draft goes, and nothing still waiting is sent. */
export async function discardDraft(context: DraftContext): Promise<void> {
  waiting.delete(draftContextKey(context));
  try {
    await call('drafts.discard', { context });
  } catch {
    // Already gone, or the vault locked: nothing to do.
  }
}

/** On lock: typed text waiting here is dropped with everything else read or typed. */
export function dropWaitingDrafts(): void {
  if (timer != null) clearTimeout(timer);
  timer = null;
  waiting.clear();
}

/** The editor on screen, for the "Leave without saving?" question: keep its text for later, or let it go. */
export interface ActiveDraft {
  keepForLater(): void;
  discard(): void;
}

let active: ActiveDraft | null = null;

export function setActiveDraft(draft: ActiveDraft | null): void {
  active = draft;
}

export function activeDraft(): ActiveDraft | null {
  return active;
}
