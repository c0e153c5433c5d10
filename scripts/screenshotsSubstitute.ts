import path from 'node:path';
import type { Page } from 'playwright-core';
import { callRouter } from '../tests/e2e/demoData';
import { dayFromToday, makeColleagueVault, makePackage, seedColleagueCaseload } from '../tests/e2e/handoverData';
import { makeTempDir, removeDir } from '../tests/helpers/tempVault';
import type { ScreenshotStep } from './screenshots';

/**
 * The substitute's side of a handover, for the screenshot walk: two
 * colleagues' real vaults (in a temp folder) make packages for the app's
 * vault; the walk shows the worker's handover key, a code package before
 * opening, a package meant for someone else, a package open under its
 * banner, its services, a note in it, its access log, the hand-back and its result, the
 * list of packages, and a package whose dates have ended.
 */

const SUBSTITUTE = 'Dana Whitfield';
/** Added to the colleague's note in the walk: exact words, which the check flags inside a package too. */
const QUOTE_SENTENCE = ' He said "the bus driver yells at me every single day."';

interface HandoverFiles {
  /** Jordan Reyes's package for the app's key, opened in the walk and handed back. */
  keyPackage: string;
  /** Sam Ortiz's package for a one-time code, inspected in the walk. */
  codePackage: string;
  code: string;
  /** Jordan Reyes's package for another worker's key. */
  elsewhere: string;
}

let files: HandoverFiles | null = null;

function prepared(): HandoverFiles {
  if (files == null) throw new Error('the handover packages were not made');
  return files;
}

function mainNav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

function banner(page: Page) {
  return page.getByRole('region', { name: 'Whose notes these are' });
}

export const SUBSTITUTE_STEPS: ScreenshotStep[] = [
  {
    name: 'substitute-packages',
    screenshot: false,
    go: async (_page, context) => {
      const root = makeTempDir('sole-notes-shots-handover-');
      const [jordan, sam, other] = await Promise.all([
        makeColleagueVault(root, 'Jordan Reyes'),
        makeColleagueVault(root, 'Sam Ortiz'),
        makeColleagueVault(root, 'Another worker'),
      ]);
      process.once('exit', () => {
        for (const vault of [jordan, sam, other]) vault.session.lock();
        removeDir(root);
      });
      const jordanCaseload = await seedColleagueCaseload(jordan);
      const samCaseload = await seedColleagueCaseload(sam);
      const appKey = path.join(root, 'dana.solekey');
      await callRouter(context.app.router, 'handover.exportKey', { file: appKey, label: SUBSTITUTE });
      const otherKey = path.join(root, 'other.solekey');
      await callRouter(other.router, 'handover.exportKey', { file: otherKey });

      const common = { substitute: SUBSTITUTE, validFrom: dayFromToday(-2), validUntil: dayFromToday(12) };
      const keyPackage = path.join(root, 'jordan.solehandover');
      await makePackage(jordan, { ...common, file: keyPackage, students: jordanCaseload.handed, ownerName: 'Jordan Reyes', keyFile: appKey });
      const elsewhere = path.join(root, 'jordan-other.solehandover');
      await makePackage(jordan, { ...common, file: elsewhere, students: jordanCaseload.handed.slice(0, 1), ownerName: 'Jordan Reyes', keyFile: otherKey });
      const codePackage = path.join(root, 'sam-code.solehandover');
      const withCode = await makePackage(sam, { ...common, file: codePackage, students: samCaseload.handed.slice(0, 2), ownerName: 'Sam Ortiz' });
      // Sam Ortiz's earlier package, opened before the walk: its dates end a day after today.
      const ending = path.join(root, 'sam-earlier.solehandover');
      await makePackage(sam, {
        ...common,
        file: ending,
        students: samCaseload.handed.slice(2),
        ownerName: 'Sam Ortiz',
        keyFile: appKey,
        validFrom: dayFromToday(-10),
        validUntil: dayFromToday(1),
      });
      await callRouter(context.app.router, 'handover.open', { file: ending });
      files = { keyPackage, codePackage, code: withCode.code ?? '', elsewhere };
    },
  },
  {
    name: 'substitute-your-key',
    go: async (page) => {
      await mainNav(page, 'Handover').click();
      await page.getByRole('heading', { level: 1, name: 'Handover' }).waitFor();
      await page.getByLabel(/^Your words: /).waitFor();
      await page.getByRole('list', { name: 'Handovers you have opened' }).getByRole('listitem').first().waitFor();
      await page.getByRole('textbox', { name: /^Your name on the file/ }).fill(SUBSTITUTE);
      // The section at the top of the window, below the owner's handovers.
      await page.getByRole('heading', { level: 2, name: 'Notes handed to you' }).evaluate((heading) => (heading as unknown as { scrollIntoView(options: { block: 'start' }): void }).scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'substitute-package-with-code',
    go: async (page, context) => {
      context.openFiles['open-handover-package'] = prepared().codePackage;
      await page.getByRole('button', { name: 'Choose a handover file…' }).click();
      const code = page.getByRole('textbox', { name: 'Handover code' });
      await code.fill(prepared().code.slice(0, 17));
      await page.getByRole('form', { name: 'The handover file you chose' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'substitute-package-for-someone-else',
    go: async (page, context) => {
      context.openFiles['open-handover-package'] = prepared().elsewhere;
      await page.getByRole('button', { name: 'Choose another file…' }).click();
      await page.getByRole('form', { name: 'The handover file you chose' }).getByRole('alert').filter({ hasText: 'someone else’s handover key' }).waitFor();
      await page.getByRole('form', { name: 'The handover file you chose' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'substitute-package-vault',
    go: async (page, context) => {
      context.openFiles['open-handover-package'] = prepared().keyPackage;
      await page.getByRole('button', { name: 'Choose another file…' }).click();
      await page.getByRole('button', { name: 'Open these notes' }).click();
      await banner(page).getByText('Jordan Reyes’s notes, not your own').waitFor();
      await page.getByRole('list', { name: 'Handed-over notes' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'substitute-package-services',
    go: async (page) => {
      await page.getByRole('button', { name: 'Services', exact: true }).click();
      await page.getByRole('list', { name: 'Services' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'substitute-package-note',
    go: async (page) => {
      await page.getByRole('button', { name: 'Notes', exact: true }).click();
      await page.getByRole('button', { name: /Missed two mornings/ }).click();
      const note = page.getByRole('textbox', { name: 'Note', exact: true });
      await note.waitFor();
      await note.focus();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(QUOTE_SENTENCE);
      await page.locator('.note-mirror mark').first().waitFor();
    },
  },
  {
    name: 'substitute-access-log',
    go: async (page) => {
      await page.keyboard.press('ControlOrMeta+S');
      await page.getByRole('button', { name: 'Save anyway' }).click();
      await page.getByText(/^Saved today at/).waitFor();
      await page.getByRole('button', { name: 'Back to the notes' }).click();
      await page.getByRole('button', { name: 'Access log', exact: true }).click();
      await page.getByRole('table').getByText(/A note about RM-2048 was changed/).waitFor();
    },
  },
  {
    name: 'substitute-hand-back',
    go: async (page) => {
      await page.getByRole('button', { name: 'Hand back…' }).click();
      await page.getByRole('dialog', { name: 'Hand these notes back to Jordan Reyes?' }).waitFor();
    },
  },
  {
    name: 'substitute-handed-back',
    go: async (page) => {
      await page.getByRole('button', { name: 'Save the hand-back file…' }).click();
      await page.getByRole('heading', { level: 2, name: 'Handed back' }).waitFor();
    },
  },
  {
    name: 'substitute-received-list',
    go: async (page, context) => {
      delete context.openFiles['open-handover-package'];
      await page.getByRole('button', { name: 'Back to Handover' }).click();
      const list = page.getByRole('list', { name: 'Handovers you have opened' });
      await list.getByText('Handed back', { exact: true }).waitFor();
      await list.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'substitute-package-ended',
    go: async (page, context) => {
      // A week on: the earlier package's last day has passed.
      context.setClock(new Date(Date.now() + 7 * 86_400_000));
      try {
        await mainNav(page, 'Settings').click();
        await mainNav(page, 'Handover').click();
        await page.getByRole('button', { name: /^Open Sam Ortiz’s notes/ }).click();
        await page.getByRole('alert').filter({ hasText: /ended on/ }).waitFor();
        await page.getByRole('table').waitFor();
      } finally {
        context.setClock(null);
      }
    },
  },
];
