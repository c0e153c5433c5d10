import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceReportDocument } from '../../shared/report/document';
import { serviceReportJsonSchema, serviceReportJsonSchemaText } from '../../src-main/report/jsonSchema';
import { prepareMonthReport } from '../../src-main/report/monthReport';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from '../vault/testVault';
import { buildKnownMonth, KNOWN_MONTH, manualClock } from './knownMonth';

const FILE = path.resolve(__dirname, '../../docs/service-report.schema.json');
const NOW = new Date('2026-04-06T14:00:00.000Z');

describe('docs/service-report.schema.json', () => {
  let vault: TestDatabase & { data: VaultData };
  beforeAll(() => {
    const clock = manualClock();
    vault = openTestVault(clock);
    buildKnownMonth(vault.data, clock);
  });
  afterAll(() => vault.dispose());

  it('is exactly what the zod schema generates (regenerate: npx tsx scripts/write-report-schema.ts)', () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(serviceReportJsonSchemaText());
  });

  it('accepts generated reports and refuses broken ones (JSON Schema draft 2020-12, checked with Ajv)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, unknown>);
    for (const threshold of [5, 10, 11, 16] as const) {
      const document = JSON.parse(prepareMonthReport(vault.data, { month: KNOWN_MONTH, threshold, now: NOW }).bytes.toString('utf8')) as Record<string, unknown>;
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    }
    const good = JSON.parse(prepareMonthReport(vault.data, { month: KNOWN_MONTH, now: NOW }).bytes.toString('utf8')) as { metrics: Record<string, unknown> } & Record<string, unknown>;
    const hidden = structuredClone(good);
    hidden.metrics.studentsSeen = { suppressed: true };
    expect(validate(hidden)).toBe(true);
    expect(ServiceReportDocument.safeParse(hidden).success).toBe(true);
    // Individual sessions, their minutes and the direct minutes may be suppressed; no other count of services may.
    const quietMonth = structuredClone(good);
    const C = { suppressed: true };
    quietMonth.metrics.sessions = { individual: { count: C, minutes: C }, group: { count: 0, minutes: 0 } };
    (quietMonth.metrics.minutes as Record<string, unknown>).direct = C;
    expect(validate(quietMonth), JSON.stringify(validate.errors)).toBe(true);
    expect(ServiceReportDocument.safeParse(quietMonth).success).toBe(true);

    const broken: [string, (document: typeof good) => void][] = [
      ['an extra top-level field', (document) => void (document.studentCodes = ['A-1'])],
      ['an extra metric', (document) => void (document.metrics.names = 0)],
      ['a negative count', (document) => void (document.metrics.studentsSeen = -1)],
      ['a fractional count', (document) => void (document.metrics.studentsSeen = 1.5)],
      ['a hidden cell that gives a reason', (document) => void (document.metrics.studentsSeen = { suppressed: true, reason: 'primary' })],
      ['a suppressed cell with its value', (document) => void (document.metrics.studentsSeen = { suppressed: true, value: 3 })],
      ['the previous schema id (hidden cells gave a reason)', (document) => void (document.schema = 'sole-notes/service-report/1')],
      ['a date finer than the month', (document) => void (document.period = '2026-03-17')],
      ['a threshold outside 5, 10, 11, 16', (document) => void (document.threshold = 3)],
      ['a short fingerprint', (document) => void (document.signingKey = { algorithm: 'Ed25519', fingerprint: 'ABCD' })],
      ['a suppressed count of group sessions', (document) => void ((document.metrics.sessions as { group: { count: unknown } }).group.count = { suppressed: true })],
      ['suppressed home visits', (document) => void (document.metrics.homeVisits = { count: { suppressed: true }, minutes: 90 })],
      ['suppressed indirect minutes', (document) => void ((document.metrics.minutes as Record<string, unknown>).indirect = { suppressed: true })],
    ];
    for (const [what, change] of broken) {
      const document = structuredClone(good);
      change(document);
      expect(validate(document), what).toBe(false);
      expect(ServiceReportDocument.safeParse(document).success, what).toBe(false);
    }
  });

  it('names its draft and its definitions', () => {
    const schema = serviceReportJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.$defs as object).sort()).toEqual(['Activity', 'AdministrativeResponsibility', 'SchoolYearDuty', 'ServiceCount', 'Statistic', 'StudentCount', 'SuppressedCell', 'SuppressibleActivity']);
  });
});
