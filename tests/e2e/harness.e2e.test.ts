import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/app/csp';
import { TEST_PASSPHRASE } from '../helpers/tempVault';
import { APP_ORIGIN, APP_URL, nonJsonReason, pageScript, startApp, type App } from './harness';

// The harness itself: what the page sees as window.soleNotes, what it is
// served, and what it may not reach.

/** Runs in the page: calls the bridge as the renderer would. */
function invokeInPage({ name, input }: { name: string; input: unknown }): Promise<unknown> {
  const bridge = (globalThis as unknown as { soleNotes: { invoke(name: string, input: unknown): Promise<unknown> } }).soleNotes;
  return bridge.invoke(name, input);
}

describe('end-to-end harness', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp({
      prepare: async ({ router }) => {
        const created = await router.invoke('vault.create', { passphrase: TEST_PASSPHRASE });
        if (!created.ok) throw new Error(created.error.message);
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the built renderer with the app CSP header and the right content types', async () => {
    const page = await app.context.newPage();
    try {
      const responses: { url: string; headers: Record<string, string> }[] = [];
      page.on('response', (response) => responses.push({ url: response.url(), headers: response.headers() }));
      const main = await page.goto(APP_URL);
      expect(main?.status()).toBe(200);
      expect(main?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(main?.headers()['content-type']).toBe('text/html; charset=utf-8');
      const script = responses.find((response) => response.url.endsWith('.js'));
      expect(script?.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script?.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(responses.find((response) => response.url.endsWith('.css'))?.headers['content-type']).toBe('text/css; charset=utf-8');

      const missing = await page.goto(`${APP_ORIGIN}/no-such-file.js`);
      expect(missing?.status()).toBe(404);
      expect((await page.goto(`${APP_ORIGIN}/assets/..%2f..%2fpackage.json`))?.status()).toBe(400);
    } finally {
      await page.close();
    }
  });

  it('exposes exactly the bridge shape, frozen', async () => {
    const shape = await app.page.evaluate(
      pageScript(() => {
        const bridge = (globalThis as unknown as { soleNotes: Record<string, unknown> }).soleNotes;
        return { keys: Object.keys(bridge).sort(), frozen: Object.isFrozen(bridge), types: Object.values(bridge).map((value) => typeof value) };
      }, null),
    );
    expect(shape).toEqual({ keys: ['invoke', 'onLocked'], frozen: true, types: ['function', 'function'] });
  });

  it('delivers Result objects intact, successes and errors alike', async () => {
    const cases: { name: string; input: unknown }[] = [
      { name: 'vault.status', input: {} },
      { name: 'students.list', input: {} },
      { name: 'settings.get', input: {} },
      { name: 'no.such.command', input: {} },
      { name: 'students.create', input: { code: '' } },
      { name: 'notes.get', input: { id: '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d11' } },
    ];
    for (const { name, input } of cases) {
      const direct = await app.router.invoke(name, input);
      const viaPage = await app.page.evaluate(pageScript(invokeInPage, { name, input }));
      expect(viaPage, name).toEqual(direct);
      expect(nonJsonReason(viaPage), name).toBeNull();
    }
    const created = await app.page.evaluate(pageScript(invokeInPage, { name: 'students.create', input: { code: 'MX-101', grade: 4, tier: 2, iep: true } }));
    expect(created).toMatchObject({ ok: true, value: { code: 'MX-101', grade: 4, tier: 2, iep: true, plan504: false, closedOn: null } });
    expect(app.bridgeProblems).toEqual([]);
  });

  it('forwards main-side locks to onLocked callbacks until they unsubscribe', async () => {
    await app.page.evaluate(
      pageScript(() => {
        const page = globalThis as unknown as Record<string, unknown> & { soleNotes: { onLocked(cb: (reason: string) => void): () => void } };
        const heard: string[] = [];
        page.heardLocks = heard;
        page.stopHearing = page.soleNotes.onLocked((reason) => heard.push(reason));
      }, null),
    );
    const heard = () => app.page.evaluate(pageScript(() => (globalThis as unknown as { heardLocks: string[] }).heardLocks, null));

    await app.lockFromMain('screen-lock');
    expect(await heard()).toEqual(['screen-lock']);

    await app.page.evaluate(pageScript(() => (globalThis as unknown as { stopHearing(): void }).stopHearing(), null));
    expect((await app.router.invoke('vault.unlock', { passphrase: TEST_PASSPHRASE })).ok).toBe(true);
    await app.lockFromMain('suspend');
    expect(await heard()).toEqual(['screen-lock']);
    expect(app.session.state()).toBe('locked');
  });

  it('aborts and records every request to anywhere but the app', async () => {
    // One page per address: Chromium 156 can hang closing a tab whose error page went from one site to another.
    for (const url of ['https://example.com/tracker.js', 'http://127.0.0.1:9/', 'wss://example.org/socket']) {
      const page = await app.context.newPage();
      try {
        if (url.startsWith('wss:')) {
          // From a blank page, where no CSP stands in the way, to reach the WebSocket route.
          await page.evaluate(pageScript((address: string) => new Promise<void>((resolve) => {
            const Socket = (globalThis as unknown as { WebSocket: new (url: string) => { onclose: () => void } }).WebSocket;
            new Socket(address).onclose = () => resolve();
          }), url));
        } else {
          await expect(page.goto(url)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
        }
      } finally {
        await page.close();
      }
    }
    expect(app.abortedRequests).toEqual(['https://example.com/tracker.js', 'http://127.0.0.1:9/', 'wss://example.org/socket']);
  });
});
