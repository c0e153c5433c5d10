import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { AuditEntry } from '../../shared/api/schemas';
import { auditHash } from '../../src-main/vault/repos/audit';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

let vault: TestDatabase & { data: VaultData };
let audit: VaultData['audit'];

beforeEach(() => {
  vault = openTestVault();
  audit = vault.data.audit;
});
afterEach(() => {
  vault.dispose();
});

function appendThree(): void {
  audit.append('vault.unlock');
  audit.append('report.export', { month: '2026-03', files: 3 });
  audit.append('vault.lock', { reason: 'idle' });
}

describe('audit.append', () => {
  it('numbers entries from 1 and chains each hash to the one before', () => {
    const first = audit.append('vault.unlock');
    const second = audit.append('report.export', { month: '2026-03' });
    expect(AuditEntry.safeParse(first).success).toBe(true);
    expect(first).toMatchObject({ seq: 1, action: 'vault.unlock', details: {}, prevHash: '' });
    expect(second).toMatchObject({ seq: 2, details: { month: '2026-03' }, prevHash: first.hash });
    expect(second.hash).toBe(auditHash(first.hash, second));
  });

  it('uses the documented hash, so anyone can recompute it', async () => {
    const { createHash } = await import('node:crypto');
    const entry = audit.append('disclosure', { notes: 2 });
    const expected = createHash('sha256').update(`\n${JSON.stringify([1, entry.at, 'disclosure', { notes: 2 }])}`).digest('hex');
    expect(entry.hash).toBe(expected);
  });

  it('stores what it returns', () => {
    const entry = audit.append('handover.create', { substitute: 'sub-1', until: '2026-06-30', skipped: undefined });
    expect(audit.list(1)).toEqual([entry]);
    expect(entry.details).toEqual({ substitute: 'sub-1', until: '2026-06-30' });
  });

  it('refuses an empty action or non-object details', () => {
    expect(() => audit.append('  ')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => audit.append('x', [] as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(audit.list()).toEqual([]);
  });
});

describe('audit.list', () => {
  it('lists newest first, up to the limit', () => {
    appendThree();
    expect(audit.list().map((entry) => entry.seq)).toEqual([3, 2, 1]);
    expect(audit.list(2).map((entry) => entry.action)).toEqual(['vault.lock', 'report.export']);
  });
});

describe('audit.verify', () => {
  it('reports an intact chain and its length', () => {
    expect(audit.verify()).toEqual({ intact: true, entries: 0, firstBrokenSeq: null });
    appendThree();
    expect(audit.verify()).toEqual({ intact: true, entries: 3, firstBrokenSeq: null });
  });

  it('is protected by triggers against UPDATE and DELETE', () => {
    appendThree();
    expect(() => vault.db.prepare("UPDATE audit SET action = 'nothing' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => vault.db.prepare('DELETE FROM audit WHERE seq = 2').run()).toThrow(/append-only/);
    expect(audit.list().map((entry) => entry.action)).toEqual(['vault.lock', 'report.export', 'vault.unlock']);
  });

  it('finds the first altered entry once the triggers are bypassed', () => {
    appendThree();
    vault.db.exec('DROP TRIGGER audit_no_update');
    vault.db.prepare(`UPDATE audit SET details = '{"month":"2026-04","files":3}' WHERE seq = 2`).run();
    expect(audit.verify()).toEqual({ intact: false, entries: 3, firstBrokenSeq: 2 });
  });

  it('finds a removed entry where the chain no longer fits', () => {
    appendThree();
    vault.db.exec('DROP TRIGGER audit_no_delete');
    vault.db.prepare('DELETE FROM audit WHERE seq = 2').run();
    expect(audit.verify()).toEqual({ intact: false, entries: 2, firstBrokenSeq: 3 });
  });

  it('finds a rewritten entry even when its own hash was recomputed', () => {
    appendThree();
    vault.db.exec('DROP TRIGGER audit_no_update');
    const forged = { seq: 1, at: '2026-03-02T09:00:00.000Z', action: 'nothing', details: {} };
    vault.db.prepare('UPDATE audit SET at = ?, action = ?, hash = ? WHERE seq = 1').run(forged.at, forged.action, auditHash('', forged));
    expect(audit.verify()).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });
});
