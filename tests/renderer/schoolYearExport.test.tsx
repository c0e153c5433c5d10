// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SoleNotesBridge } from '../../shared/api/bridge';
import type { CommandName } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { todayIso } from '../../src-renderer/lib/dates';
import { recentSchoolYears, SchoolYearExport } from '../../src-renderer/screens/SchoolYearExport';
import { installFake } from './setup';

// The "School year" export of the Reports screen over a fake main side: the
// year chosen, the folder dialog, the files written, and a year already in
// the folder replaced only when the worker says so.

const FINGERPRINT = '3F2A 9C01 77AB 0C4D 1E2F 3A4B 5C6D 7E8F 9012 3456 789A BCDE F012 3456 789A BCDE';

function installYearFake(options: { alreadySaved?: boolean; sentWithOtherNumbers?: boolean } = {}) {
  const fake = installFake();
  const calls: { name: string; input: unknown }[] = [];
  const handlers: Partial<Record<CommandName, (input: never) => unknown>> = {
    'system.chooseFolder': () => ({ folder: '/home/worker/District reports' }),
    'reports.exportSchoolYear': ({ schoolYear, folder, replace }: { schoolYear: string; folder: string; replace?: boolean }) => {
      if (options.sentWithOtherNumbers === true && replace !== true) {
        throw {
          code: 'CONFLICT',
          message: `The ${schoolYear} school year was already exported on 2026-07-02, with other numbers than today's; nothing was written. Export it again only if you mean to replace the copy you sent: a district that gets two different reports of one school year counts neither.`,
          details: { sentBefore: true },
        };
      }
      if (options.alreadySaved === true && replace !== true) {
        throw { code: 'CONFLICT', message: `The ${schoolYear} report is already saved in ${folder}; nothing was written.`, details: { alreadySaved: true } };
      }
      const names = ['json', 'json.sig', 'csv', 'html'].map((ext) => `service-report-${schoolYear}.${ext}`).concat('worker-signing-key.pem');
      return { folder, period: schoolYear, fingerprint: FINGERPRINT, files: names.map((name) => ({ name, path: `${folder}/${name}`, sha256: '0'.repeat(64), bytes: 100 })) };
    },
  };
  const inner = fake.bridge.invoke.bind(fake.bridge);
  const bridge: SoleNotesBridge = {
    invoke: (async (name: CommandName, input: unknown) => {
      calls.push({ name, input: structuredClone(input) });
      const handler = handlers[name];
      if (handler == null) return inner(name, input as never);
      try {
        return { ok: true, value: structuredClone(handler(input as never)) };
      } catch (error) {
        return { ok: false, error: error as ApiError };
      }
    }) as SoleNotesBridge['invoke'],
    onLocked: (callback) => fake.bridge.onLocked(callback),
  };
  Object.defineProperty(window, 'soleNotes', { value: bridge, configurable: true, writable: true });
  return { callsTo: (name: CommandName) => calls.filter((call) => call.name === name).map((call) => call.input) };
}

describe('School year export', () => {
  it('offers this school year and the two before, last year chosen', () => {
    expect(recentSchoolYears('2026-12-07')).toEqual(['2026-27', '2025-26', '2024-25']);
    expect(recentSchoolYears('2027-07-01')).toEqual(['2027-28', '2026-27', '2025-26']);
    installYearFake();
    render(<SchoolYearExport />);
    const select = screen.getByRole('combobox', { name: 'School year' });
    expect((select as HTMLSelectElement).value).toBe(recentSchoolYears(todayIso())[1]);
    expect(screen.getByText(/Each student is counted once over the year\. No student is in it\./)).toBeTruthy();
  });

  it('exports the chosen year into the chosen folder and lists the files', async () => {
    const { callsTo } = installYearFake();
    const user = userEvent.setup();
    render(<SchoolYearExport />);
    const year = recentSchoolYears(todayIso())[2] as string;
    await user.selectOptions(screen.getByRole('combobox', { name: 'School year' }), year);
    await user.click(screen.getByRole('button', { name: 'Export school year…' }));
    await screen.findByText(/^Exported the/);
    expect(callsTo('system.chooseFolder')).toEqual([{ purpose: 'report-export' }]);
    expect(callsTo('reports.exportSchoolYear')).toEqual([{ schoolYear: year, folder: '/home/worker/District reports', replace: false }]);
    expect(screen.getByRole('list', { name: 'Files written' }).textContent).toContain(`service-report-${year}.json.sig`);
    // The folder's name on screen with two buttons; its full path only under Details.
    expect(screen.getByText(/^Exported the/).textContent).toContain('to the folder “District reports”.');
    expect(screen.getByText('/home/worker/District reports').closest('details')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    await user.click(screen.getByRole('button', { name: 'Open to print' }));
    expect(callsTo('system.showInFolder')).toEqual([{ path: '/home/worker/District reports' }]);
    expect(callsTo('system.openFile')).toEqual([{ path: `/home/worker/District reports/service-report-${year}.html` }]);
  });

  it('asks before replacing a year already in the folder', async () => {
    const { callsTo } = installYearFake({ alreadySaved: true });
    const user = userEvent.setup();
    render(<SchoolYearExport />);
    await user.click(screen.getByRole('button', { name: 'Export school year…' }));
    await screen.findByText(/is already saved in this folder\. Replace it\?/);
    await user.click(screen.getByRole('button', { name: 'Replace it' }));
    await screen.findByText(/^Exported the/);
    expect(callsTo('reports.exportSchoolYear').map((input) => (input as { replace: boolean }).replace)).toEqual([false, true]);
  });

  it('asks before sending again a year already sent with other numbers, and writes nothing when the worker keeps it', async () => {
    const { callsTo } = installYearFake({ sentWithOtherNumbers: true });
    const user = userEvent.setup();
    render(<SchoolYearExport />);
    await user.click(screen.getByRole('button', { name: 'Export school year…' }));
    const question = await screen.findByRole('alertdialog', { name: /^You already sent the .* school year, with other numbers\. Send it again\?$/ });
    expect(question.textContent).toContain('it counts neither');
    await user.click(screen.getByRole('button', { name: 'Keep the one I sent' }));
    await screen.findByText('Nothing was written; the report you sent stays as it is.');
    expect(callsTo('reports.exportSchoolYear').map((input) => (input as { replace: boolean }).replace)).toEqual([false]);

    await user.click(screen.getByRole('button', { name: 'Export school year…' }));
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'Replace it' }));
    await screen.findByText(/^Exported the/);
    expect(callsTo('reports.exportSchoolYear').map((input) => (input as { replace: boolean }).replace)).toEqual([false, false, true]);
  });
});
