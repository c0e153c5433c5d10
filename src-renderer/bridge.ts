import type { SoleNotesBridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** Provided by the preload (or, in browser tests, by Playwright). Absent in a plain browser. */
    readonly soleNotes?: SoleNotesBridge;
  }
}

export class BridgeMissingError extends Error {
  constructor() {
    super('This page needs the Sole Notes app around it; it cannot run in an ordinary browser.');
    this.name = 'BridgeMissingError';
  }
}

/** The renderer's only way to the main side. */
export function bridge(): SoleNotesBridge {
  const soleNotes = window.soleNotes;
  if (soleNotes == null) throw new BridgeMissingError();
  return soleNotes;
}
