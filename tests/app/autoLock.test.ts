import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { powerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockReason } from '../../shared/api/bridge';

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { powerMonitor: new Emitter() };
});

import { autoLockMinutes, DEFAULT_AUTO_LOCK_MINUTES, IDLE_CHECK_INTERVAL_MS, startAutoLock } from '../../src-main/app/autoLock';

const MINUTE = 60_000;
const monitor = powerMonitor as unknown as EventEmitter;

function fakeSession(options: { minutes?: number; settingsThrow?: boolean } = {}) {
  let state: 'absent' | 'locked' | 'unlocked' = 'unlocked';
  const lock = vi.fn((_reason?: LockReason) => {
    state = 'locked';
  });
  return {
    lock,
    state: () => state,
    unlock: () => {
      state = 'unlocked';
    },
    get data() {
      if (state !== 'unlocked') throw new Error('locked');
      return {
        settings: {
          get: () => {
            if (options.settingsThrow) throw new Error('cannot read settings');
            return { autoLockMinutes: options.minutes ?? 5 };
          },
        },
      };
    },
  };
}

function fakeWindow() {
  const webContents = Object.assign(new EventEmitter(), { isDestroyed: () => false });
  const window = Object.assign(new EventEmitter(), { webContents });
  return { window, webContents, asWindow: () => window as unknown as BrowserWindow };
}

type Session = ReturnType<typeof fakeSession>;

function start(session: Session, win = fakeWindow()) {
  const stop = startAutoLock({ session: session as never, window: win.asWindow() });
  return { stop, win };
}

describe('auto-lock', () => {
  let stops: (() => void)[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    stops = [];
  });

  afterEach(() => {
    for (const stop of stops) stop();
    vi.useRealTimers();
  });

  function run(session: Session) {
    const started = start(session);
    stops.push(started.stop);
    return started;
  }

  it("locks at once on powerMonitor 'lock-screen'", () => {
    const session = fakeSession();
    run(session);
    monitor.emit('lock-screen');
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('screen-lock');
  });

  it("locks at once on powerMonitor 'suspend'", () => {
    const session = fakeSession();
    run(session);
    monitor.emit('suspend');
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('suspend');
  });

  it('locks when the window closes', () => {
    const session = fakeSession();
    const { win } = run(session);
    win.window.emit('close', { preventDefault: vi.fn() });
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('window-closed');
  });

  it('locks after autoLockMinutes without input', () => {
    const session = fakeSession({ minutes: 5 });
    run(session);
    vi.advanceTimersByTime(5 * MINUTE - IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('restarts the idle clock on input to the window', () => {
    const session = fakeSession({ minutes: 5 });
    const { win } = run(session);
    vi.advanceTimersByTime(4 * MINUTE);
    win.webContents.emit('input-event', {}, { type: 'keyDown' });
    vi.advanceTimersByTime(4 * MINUTE);
    win.webContents.emit('input-event', {}, { type: 'mouseWheel' });
    vi.advanceTimersByTime(4 * MINUTE);
    expect(session.lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1 * MINUTE + IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('does not count the pointer merely entering or leaving the window', () => {
    const session = fakeSession({ minutes: 5 });
    const { win } = run(session);
    vi.advanceTimersByTime(4 * MINUTE);
    win.webContents.emit('input-event', {}, { type: 'mouseEnter' });
    win.webContents.emit('input-event', {}, { type: 'mouseLeave' });
    vi.advanceTimersByTime(1 * MINUTE + IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('follows the autoLockMinutes setting', () => {
    const session = fakeSession({ minutes: 2 });
    run(session);
    vi.advanceTimersByTime(2 * MINUTE + IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('does not idle-lock a vault that is already locked, and counts from the unlock', () => {
    const session = fakeSession({ minutes: 5 });
    session.lock('user');
    session.lock.mockClear();
    run(session);
    vi.advanceTimersByTime(30 * MINUTE);
    expect(session.lock).not.toHaveBeenCalled();

    session.unlock();
    vi.advanceTimersByTime(4 * MINUTE);
    expect(session.lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1 * MINUTE + IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it('falls back to the default timeout when the settings cannot be read', () => {
    expect(autoLockMinutes(fakeSession({ settingsThrow: true }) as never)).toBe(DEFAULT_AUTO_LOCK_MINUTES);
    const session = fakeSession({ settingsThrow: true });
    run(session);
    vi.advanceTimersByTime(DEFAULT_AUTO_LOCK_MINUTES * MINUTE + IDLE_CHECK_INTERVAL_MS);
    expect(session.lock).toHaveBeenCalledExactlyOnceWith('idle');
  });

  it("stops listening and clears its timer once the window is 'closed'", () => {
    const session = fakeSession();
    const { win } = start(session);
    expect(monitor.listenerCount('lock-screen')).toBe(1);
    win.window.emit('closed');
    expect(monitor.listenerCount('lock-screen')).toBe(0);
    expect(monitor.listenerCount('suspend')).toBe(0);
    expect(win.webContents.listenerCount('input-event')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    monitor.emit('suspend');
    vi.advanceTimersByTime(60 * MINUTE);
    expect(session.lock).not.toHaveBeenCalled();
  });
});
