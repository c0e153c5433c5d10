import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import { fingerprint } from '../../src-main/common/signing';
import type { VaultSession } from '../../src-main/vault/vaultSession';
import { createdVault, removeDir } from '../helpers/tempVault';
import { buildKnownMonth, KNOWN_MONTH, manualClock } from './knownMonth';

describe('report commands through the router', () => {
  let session: VaultSession;
  let root: string;
  let router: Router;

  beforeAll(async () => {
    ({ session, root } = await createdVault());
    buildKnownMonth(session.data, manualClock());
    router = createRouter(session, { reportInternalError: (name, error) => console.error(name, error) });
  });
  afterAll(() => {
    session.lock();
    removeDir(root);
  });

  it('keys.signingFingerprint gives the grouped SHA-256 of the signing key', async () => {
    const result = await router.invoke('keys.signingFingerprint', {});
    expect(result).toEqual({
      ok: true,
      value: { algorithm: 'Ed25519', fingerprint: fingerprint(session.data.keys.signingPublicKey().spki), createdAt: expect.any(String) },
    });
  });

  it('reports.preview gives the document, what is suppressed and why, and chart series', async () => {
    const result = await router.invoke('reports.preview', { month: KNOWN_MONTH });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const preview = result.value as { document: { threshold: number; metrics: { studentsSeen: unknown } }; suppressed: { path: string; reason: string }[]; charts: Record<string, unknown[]> };
    expect(preview.document).toMatchObject({ threshold: 10, metrics: { studentsSeen: 10 } });
    expect(preview.suppressed).toContainEqual(expect.objectContaining({ path: 'cases.closed', reason: 'small', label: 'Cases closed' }));
    expect(result.value).toMatchObject({ sent: null });
    expect(Object.keys(preview.charts)).toEqual(['minutesByServiceKind', 'sessionsPerWeek', 'studentsPerIssueCategory']);
    const k16 = await router.invoke('reports.preview', { month: KNOWN_MONTH, threshold: 16 });
    expect(k16).toMatchObject({ ok: true, value: { document: { threshold: 16, metrics: { studentsSeen: { suppressed: true } } } } });
    expect(await router.invoke('reports.preview', { month: '2026-3' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('reports.preview', { month: KNOWN_MONTH, threshold: 3 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('reports.preview', { month: '2199-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('has not begun') } });
  });

  it('reports.export writes the files and reports.history lists the export', async () => {
    const folder = path.join(root, 'exports');
    // Another k than the school year's is refused, and nothing is written.
    expect(await router.invoke('reports.export', { month: KNOWN_MONTH, folder, threshold: 11 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('two different k') } });
    expect(fs.existsSync(folder)).toBe(false);
    expect(await router.invoke('reports.changeThreshold', { threshold: 11, reason: 'district rule: fewer than 11' })).toMatchObject({ ok: true, value: { threshold: 11, sentMonths: [] } });
    const result = await router.invoke('reports.export', { month: KNOWN_MONTH, folder, threshold: 11 });
    expect(result).toMatchObject({ ok: true, value: { folder, period: KNOWN_MONTH } });
    if (!result.ok) return;
    const files = (result.value as { files: { name: string; path: string; sha256: string }[] }).files;
    expect(files.map((file) => file.name)).toEqual([
      'service-report-2026-03.json',
      'service-report-2026-03.json.sig',
      'worker-signing-key.pem',
      'service-report-2026-03.csv',
      'service-report-2026-03.html',
    ]);
    for (const file of files) expect(fs.existsSync(file.path)).toBe(true);
    const history = await router.invoke('reports.history', {});
    expect(history).toMatchObject({ ok: true, value: [{ period: KNOWN_MONTH, threshold: 11, folder, files: files.map(({ name, sha256 }) => expect.objectContaining({ name, sha256 })) }] });
    expect(await router.invoke('reports.export', { month: KNOWN_MONTH, folder: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // March keeps the k it was sent with, whatever k later school years get.
    expect(await router.invoke('reports.preview', { month: KNOWN_MONTH })).toMatchObject({ ok: true, value: { document: { threshold: 11 }, sent: { correction: 0, correctionAvailable: false } } });
  });

  it('settings hold the report threshold, time zone and CEU cycle start; ceu.summary follows them', async () => {
    // k changes only with a reason (reports.changeThreshold), never through the settings.
    expect(await router.invoke('settings.update', { reportThreshold: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('reports.changeThreshold') } });
    expect(await router.invoke('reports.changeThreshold', { threshold: 5, reason: 'district asks for 5' })).toMatchObject({ ok: true });
    expect(await router.invoke('settings.update', { reportThreshold: 5, ceuCycleStart: '2026-03-01', timeZone: 'America/New_York' })).toMatchObject({
      ok: true,
      value: { reportThreshold: 5, ceuCycleStart: '2026-03-01', timeZone: 'America/New_York' },
    });
    expect(await router.invoke('settings.update', { reportThreshold: 9 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.invoke('reports.thresholdInfo', {})).toMatchObject({ ok: true, value: { threshold: 5 } });
    expect(await router.invoke('reports.preview', { month: KNOWN_MONTH })).toMatchObject({ ok: true, value: { document: { threshold: 11 } } }); // sent at 11
    const ceu = await router.invoke('ceu.summary', {});
    // The hand-built month holds 225 minutes of professional development attended.
    expect(ceu).toMatchObject({ ok: true, value: { status: 'current', cycleStart: '2026-03-01', contactHours: 3.75, requiredHours: 90 } });
  });
});
