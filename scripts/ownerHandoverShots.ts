import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createRouter, type Router } from '../src-main/api/router';
import { VaultSession } from '../src-main/vault/vaultSession';
import { callRouter } from '../tests/e2e/demoData';
import { makeTempDir, removeDir, TEST_KDF, TEST_PASSPHRASE } from '../tests/helpers/tempVault';
import { savedFilesFolder, type ScreenshotStep } from './screenshots';

/**
 * The screenshot walk's steps for the owner's side of a handover, releasing
 * a note and a court-order disclosure (scripts/screenshots.ts runs them). A
 * second vault in this process plays the substitute: it exports the key the
 * owner's form reads, opens the package and hands it back, so every screen
 * shows real results.
 */

const SUBSTITUTE = 'Dana Whitfield';
const CODE_SUBSTITUTE = 'Sam Ortiz';

interface SubstituteVault {
  root: string;
  session: VaultSession;
  router: Router;
  keyFile: string;
  handbackFile: string;
}

let substitute: SubstituteVault | null = null;

function cleanUp(): void {
  if (substitute == null) return;
  substitute.session.lock();
  removeDir(substitute.root);
  substitute = null;
}

function requireSubstitute(): SubstituteVault {
  if (substitute == null) throw new Error('the substitute’s vault was not made (step handover-substitute)');
  return substitute;
}

function mainNav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** M/D/YYYY of the day `days` from today, as the date fields take it. */
function typedDay(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

function createDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Make a handover file' });
}

export const OWNER_HANDOVER_STEPS: ScreenshotStep[] = [
  {
    name: 'handover-substitute',
    screenshot: false,
    go: async (_page, context) => {
      const root = makeTempDir('sole-notes-shots-substitute-');
      process.once('exit', cleanUp);
      const session = new VaultSession(path.join(root, 'vault'), { kdf: TEST_KDF });
      await session.create(TEST_PASSPHRASE);
      session.data.settings.update({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      const router = createRouter(session);
      substitute = { root, session, router, keyFile: path.join(root, 'dana-whitfield.solekey'), handbackFile: path.join(root, 'from-dana-whitfield.solehandback') };
      await callRouter(router, 'handover.exportKey', { file: substitute.keyFile, label: SUBSTITUTE });
      context.openFiles['open-handover-key'] = substitute.keyFile;
    },
  },
  {
    name: 'handover-create-who',
    go: async (page) => {
      await mainNav(page, 'Handover').click();
      await page.getByRole('heading', { level: 1, name: 'Handover' }).waitFor();
      await page.getByRole('button', { name: 'Make a handover file…' }).click();
      const dialog = createDialog(page);
      await dialog.getByRole('textbox', { name: 'Substitute’s name' }).fill(SUBSTITUTE);
      await dialog.getByRole('textbox', { name: 'Your name (optional)' }).fill('Jordan Reyes');
      await dialog.getByRole('textbox', { name: 'Last day' }).fill(typedDay(18));
    },
  },
  {
    name: 'handover-create-students',
    go: async (page, { demo, app }) => {
      const dialog = createDialog(page);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('radio', { name: 'Only the students I choose' }).check();
      const open = (await callRouter(app.router, 'students.list', {})).map((student) => student.code);
      const codes = [demo?.flaggedStudentCode ?? '', ...open.filter((code) => code !== demo?.flaggedStudentCode)].slice(0, 2);
      const picker = dialog.getByRole('combobox', { name: 'Students to hand over' });
      for (const code of codes) {
        await picker.fill(code);
        await dialog.getByRole('option', { name: new RegExp(`^${code}`) }).waitFor();
        await picker.press('Enter');
      }
    },
  },
  {
    name: 'handover-create-key',
    go: async (page) => {
      const dialog = createDialog(page);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Open the file they sent…' }).click();
      await dialog.getByTestId('word-check').waitFor();
    },
  },
  {
    name: 'handover-created-key',
    go: async (page) => {
      const dialog = createDialog(page);
      await dialog.getByRole('checkbox', { name: /every word matches$/ }).check();
      await dialog.getByRole('button', { name: 'Save the handover file…' }).click();
      await page.getByRole('dialog', { name: `Handover file saved for ${SUBSTITUTE}` }).waitFor();
    },
  },
  {
    name: 'handover-create-errors',
    go: async (page) => {
      await page.getByRole('dialog', { name: `Handover file saved for ${SUBSTITUTE}` }).getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Make a handover file…' }).click();
      const dialog = createDialog(page);
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByText("Enter the substitute's name.").waitFor();
    },
  },
  {
    name: 'handover-code-once',
    go: async (page) => {
      const dialog = createDialog(page);
      await dialog.getByRole('textbox', { name: 'Substitute’s name' }).fill(CODE_SUBSTITUTE);
      await dialog.getByRole('textbox', { name: 'Last day' }).fill(typedDay(4));
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('radio', { name: /With a one-time code/ }).check();
      await dialog.getByRole('button', { name: 'Save the handover file…' }).click();
      await page.getByRole('dialog', { name: `Handover file saved for ${CODE_SUBSTITUTE}` }).getByTestId('handover-code').waitFor();
    },
  },
  {
    name: 'handover-sent-list',
    go: async (page) => {
      const done = page.getByRole('dialog', { name: `Handover file saved for ${CODE_SUBSTITUTE}` });
      await done.getByRole('checkbox', { name: /^I have given the code/ }).check();
      await done.getByRole('button', { name: 'Done' }).click();
      await done.waitFor({ state: 'detached' });
      await page.getByRole('list', { name: 'Handovers you made' }).getByRole('listitem').nth(1).waitFor();
    },
  },
  {
    name: 'handover-revoke',
    go: async (page) => {
      await page.getByRole('button', { name: `Revoke the handover to ${CODE_SUBSTITUTE}…` }).click();
      await page.getByRole('alertdialog').getByRole('textbox', { name: 'Reason (optional)' }).fill('Back from leave two days early');
    },
  },
  {
    name: 'handover-revoked',
    go: async (page) => {
      await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke handover' }).click();
      await page.getByRole('dialog', { name: `Handover to ${CODE_SUBSTITUTE} revoked` }).waitFor();
    },
  },
  {
    name: 'handover-hand-back',
    screenshot: false,
    go: async (page, context) => {
      await page.getByRole('dialog', { name: `Handover to ${CODE_SUBSTITUTE} revoked` }).getByRole('button', { name: 'Close' }).click();
      // The substitute's side, in their own vault: open, a note edited and one written, then the hand-back.
      const { router, handbackFile } = requireSubstitute();
      const packageFile = fs
        .readdirSync(savedFilesFolder(context.app))
        .filter((name) => name.startsWith('handover-dana-whitfield-'))
        .map((name) => path.join(savedFilesFolder(context.app), name))[0];
      if (packageFile == null) throw new Error('the package for the key was not saved');
      const { packageId } = await callRouter(router, 'handover.open', { file: packageFile });
      const [first] = await callRouter(router, 'handover.notes.list', { packageId });
      const students = await callRouter(router, 'handover.students.list', { packageId });
      if (first != null) {
        const note = await callRouter(router, 'handover.notes.get', { packageId, id: first.id });
        await callRouter(router, 'handover.notes.update', { packageId, id: first.id, body: `${note.body}\n\nChecked in on Tuesday; all calm.` });
      }
      await callRouter(router, 'handover.notes.create', { packageId, studentId: students[0]?.id ?? null, body: 'Covered the lunch check-in; follow up on the bus pass.' });
      await callRouter(router, 'handover.handBack', { packageId, file: handbackFile });
      context.openFiles['open-handback'] = handbackFile;
    },
  },
  {
    name: 'handover-import-summary',
    go: async (page) => {
      await page.getByRole('button', { name: 'Import a hand-back…' }).click();
      await page.getByRole('dialog', { name: `Hand-back from ${SUBSTITUTE} imported` }).waitFor();
    },
  },
  {
    name: 'handover-after-import',
    go: async (page) => {
      await page.getByRole('dialog', { name: `Hand-back from ${SUBSTITUTE} imported` }).getByRole('button', { name: 'Done' }).click();
      await page.getByRole('list', { name: 'Handovers you made' }).getByText('Taken back', { exact: true }).waitFor();
    },
  },
  {
    // The substitute's vault is still here: its key file is the one the cover colleague sent.
    name: 'cover-colleague-words',
    go: async (page, context) => {
      context.openFiles['open-handover-key'] = requireSubstitute().keyFile;
      await page.getByRole('button', { name: 'Name a cover colleague…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Name your cover colleague' });
      await dialog.getByRole('button', { name: 'Open the file they sent…' }).click();
      await dialog.getByTestId('word-check').waitFor();
    },
  },
  {
    name: 'cover-colleague-hand-over',
    go: async (page) => {
      const naming = page.getByRole('dialog', { name: 'Name your cover colleague' });
      await naming.getByRole('checkbox', { name: /every word matches$/ }).check();
      await naming.getByRole('button', { name: 'Save as my cover colleague' }).click();
      await page.getByRole('button', { name: `Hand over to ${SUBSTITUTE}…` }).click();
      await page.getByRole('dialog', { name: `Hand over to ${SUBSTITUTE}` }).waitFor();
    },
  },
  {
    name: 'cover-colleague-ready',
    go: async (page) => {
      await page.getByRole('dialog', { name: `Hand over to ${SUBSTITUTE}` }).getByRole('button', { name: 'Save the handover file…' }).click();
      await page.getByRole('dialog', { name: `Ready for ${SUBSTITUTE}` }).waitFor();
    },
  },
  {
    name: 'cover-colleague-named',
    go: async (page) => {
      await page.getByRole('dialog', { name: `Ready for ${SUBSTITUTE}` }).getByRole('button', { name: 'Done' }).click();
      await page.getByRole('region', { name: 'Your cover colleague' }).getByText(SUBSTITUTE, { exact: true }).waitFor();
      cleanUp();
    },
  },
  {
    name: 'note-release-dialog',
    go: async (page, { demo }) => {
      const code = demo?.flaggedStudentCode ?? '';
      await mainNav(page, 'Caseload').click();
      await page.getByRole('list', { name: 'Students' }).getByRole('button', { name: new RegExp(`^${code}`) }).click();
      await page.getByRole('heading', { level: 1, name: code }).waitFor();
      await page.getByRole('button', { name: /left out at recess/ }).click();
      await page.getByRole('textbox', { name: 'Note', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Records requests' }).click();
      await page.getByRole('menuitem', { name: 'Release to an agency…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Release this note to an agency' });
      await dialog.getByRole('textbox', { name: 'Released to' }).fill('Riverside Family Clinic');
      await dialog.getByRole('textbox', { name: 'Why' }).fill('Records request signed by the parent, for the clinic’s intake.');
    },
  },
  {
    name: 'note-released',
    go: async (page) => {
      await page.getByRole('dialog', { name: 'Release this note to an agency' }).getByRole('button', { name: 'Mark as released' }).click();
      await page.getByRole('region', { name: 'Released note' }).getByRole('list', { name: 'Releases of this note' }).waitFor();
    },
  },
  {
    name: 'timeline-released',
    go: async (page) => {
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await page.locator('.timeline-item.is-released').first().waitFor();
    },
  },
  {
    name: 'disclosure-dialog',
    go: async (page) => {
      await page.getByRole('button', { name: 'Records requests' }).click();
      await page.getByRole('menuitem', { name: 'Disclose under a court order…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Disclose notes under a court order' });
      await dialog.getByRole('textbox', { name: 'Court order reference' }).fill('2026-JV-0147');
      const boxes = dialog.getByRole('checkbox');
      await boxes.first().check();
      await boxes.nth(1).check();
    },
  },
  {
    name: 'disclosure-written',
    go: async (page) => {
      await page.getByRole('dialog', { name: 'Disclose notes under a court order' }).getByRole('button', { name: 'Save the disclosure…' }).click();
      const done = page.getByRole('dialog', { name: 'Disclosure written' });
      await done.waitFor();
    },
  },
  {
    name: 'disclosure-closed',
    screenshot: false,
    go: async (page) => {
      await page.getByRole('dialog', { name: 'Disclosure written' }).getByRole('button', { name: 'Done' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  },
];
