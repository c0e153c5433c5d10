/**
 * A handover file chosen on the welcome screen of a fresh install, before
 * there is anywhere to open it: kept here (in memory only, never on disk)
 * until the new vault is made, then taken once by the Handover screen, which
 * opens it.
 */
let pending: string | null = null;

export function setPendingHandoverFile(file: string | null): void {
  pending = file;
}

export function hasPendingHandoverFile(): boolean {
  return pending !== null;
}

/** The file, once: later calls get null. */
export function takePendingHandoverFile(): string | null {
  const file = pending;
  pending = null;
  return file;
}
