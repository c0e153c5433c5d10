import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn((name: string) => (name === 'documents' ? '/home/worker/Documents' : '/tmp')) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
}));
vi.mock('electron', () => ({ app: electron.app, dialog: electron.dialog }));

import { FILE_PURPOSES, FOLDER_PURPOSES, type FilePurpose } from '../../shared/api/systemSchemas';
import { createElectronPlatform, folderDialogOptions, openFileDialogOptions, saveFileDialogOptions } from '../../src-main/app/platform';

type DialogResult = { canceled: boolean; filePaths: string[] };

function fakeWindow(destroyed = false) {
  return { isDestroyed: () => destroyed } as unknown as BrowserWindow;
}

/** The options of the n-th dialog, and whether it was parented to a window. */
function dialogCall(index: number): { window: BrowserWindow | null; options: OpenDialogOptions } {
  const args = electron.dialog.showOpenDialog.mock.calls[index] as unknown[];
  return args.length === 2 ? { window: args[0] as BrowserWindow, options: args[1] as OpenDialogOptions } : { window: null, options: args[0] as OpenDialogOptions };
}

describe('Electron platform: the folder dialog', () => {
  beforeEach(() => {
    electron.dialog.showOpenDialog.mockReset();
  });

  it('opens a folder dialog modal to the main window, with a New Folder button, and gives the folder', async () => {
    const window = fakeWindow();
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/worker/Reports/2026'] } satisfies DialogResult);
    const platform = createElectronPlatform({ getWindow: () => window });
    await expect(platform.chooseFolder('report-export')).resolves.toBe('/home/worker/Reports/2026');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    const { window: parent, options } = dialogCall(0);
    expect(parent).toBe(window);
    expect(options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
    expect(options.properties).not.toContain('openFile');
    expect(options.properties).not.toContain('multiSelections');
    expect(options).toMatchObject({ title: 'Choose a folder for the report', buttonLabel: 'Export here', defaultPath: '/home/worker/Documents' });
  });

  it('answers null when the worker cancels (or the dialog gives no folder)', async () => {
    const platform = createElectronPlatform({ getWindow: () => fakeWindow() });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] } satisfies DialogResult);
    await expect(platform.chooseFolder('report-export')).resolves.toBeNull();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] } satisfies DialogResult);
    await expect(platform.chooseFolder('report-export')).resolves.toBeNull();
  });

  it('opens a free-standing dialog when the window is gone', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/media/usb'] } satisfies DialogResult);
    await expect(createElectronPlatform({ getWindow: () => null }).chooseFolder('report-export')).resolves.toBe('/media/usb');
    await expect(createElectronPlatform({ getWindow: () => fakeWindow(true) }).chooseFolder('report-export')).resolves.toBe('/media/usb');
    expect(dialogCall(0).window).toBeNull();
    expect(dialogCall(1).window).toBeNull();
  });

  it('opens next time where the worker chose last time', async () => {
    const platform = createElectronPlatform({ getWindow: () => fakeWindow(), defaultFolder: () => '/start' });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/reports'] } satisfies DialogResult);
    await platform.chooseFolder('report-export');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] } satisfies DialogResult);
    await platform.chooseFolder('report-export');
    expect(dialogCall(0).options.defaultPath).toBe('/start');
    expect(dialogCall(1).options.defaultPath).toBe('/media/usb/reports');
  });

  it('opens one dialog for a double request, and passes a dialog failure on', async () => {
    let answer: (value: DialogResult) => void = () => undefined;
    electron.dialog.showOpenDialog.mockImplementationOnce(() => new Promise<DialogResult>((resolve) => (answer = resolve)));
    const platform = createElectronPlatform({ getWindow: () => fakeWindow() });
    const first = platform.chooseFolder('report-export');
    const second = platform.chooseFolder('report-export');
    await Promise.resolve();
    await Promise.resolve();
    answer({ canceled: false, filePaths: ['/chosen'] });
    await expect(Promise.all([first, second])).resolves.toEqual(['/chosen', '/chosen']);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);

    electron.dialog.showOpenDialog.mockRejectedValueOnce(new Error('no display'));
    await expect(platform.chooseFolder('report-export')).rejects.toThrow('no display');
    // …and the next request opens a dialog again.
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/again'] } satisfies DialogResult);
    await expect(platform.chooseFolder('report-export')).resolves.toBe('/again');
  });

  it('words every purpose', () => {
    expect(folderDialogOptions('report-export', undefined)).not.toHaveProperty('defaultPath');
    expect(folderDialogOptions('report-export', '/x').message).toMatch(/signed report/);
    for (const purpose of FOLDER_PURPOSES) {
      const options = folderDialogOptions(purpose, '/x');
      expect(options.title, purpose).toMatch(/\S/);
      expect(options.buttonLabel, purpose).toMatch(/\S/);
    }
    for (const purpose of Object.keys(FILE_PURPOSES) as FilePurpose[]) {
      const options = FILE_PURPOSES[purpose].mode === 'open' ? openFileDialogOptions(purpose, '/x') : saveFileDialogOptions(purpose, '/x', undefined);
      expect(options.title, purpose).toMatch(/\S/);
      expect(options.filters, purpose).toEqual([{ name: expect.any(String), extensions: [FILE_PURPOSES[purpose].extension] }]);
    }
  });
});

describe('Electron platform: the file dialogs', () => {
  beforeEach(() => {
    electron.dialog.showOpenDialog.mockReset();
    electron.dialog.showSaveDialog.mockReset();
  });

  it('opens one existing file of the purpose’s type, modal to the window', async () => {
    const window = fakeWindow();
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/worker/Downloads/dana.solekey'] } satisfies DialogResult);
    const platform = createElectronPlatform({ getWindow: () => window });
    await expect(platform.chooseFile('open-handover-key', undefined)).resolves.toBe('/home/worker/Downloads/dana.solekey');
    const { window: parent, options } = dialogCall(0);
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile', 'dontAddToRecent']);
    expect(options.filters).toEqual([{ name: 'Sole Notes handover key', extensions: ['solekey'] }]);
    expect(options.defaultPath).toBe('/home/worker/Documents');
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('names a new file in a save dialog that proposes the suggested name and asks before overwriting', async () => {
    const window = fakeWindow();
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/media/usb/Handover for Dana.solehandover' });
    const platform = createElectronPlatform({ getWindow: () => window, defaultFolder: () => '/start' });
    await expect(platform.chooseFile('save-handover-package', 'Handover for Dana.solehandover')).resolves.toBe('/media/usb/Handover for Dana.solehandover');
    const [parent, options] = electron.dialog.showSaveDialog.mock.calls[0] as [BrowserWindow, { defaultPath: string; properties: string[] }];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe('/start/Handover for Dana.solehandover');
    expect(options.properties).toContain('showOverwriteConfirmation');

    // Next time it opens in the folder chosen last time.
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(platform.chooseFile('save-handover-package', 'Again.solehandover')).resolves.toBeNull();
    expect((electron.dialog.showSaveDialog.mock.calls[1] as [BrowserWindow, { defaultPath: string }])[1].defaultPath).toBe('/media/usb/Again.solehandover');
  });

  it('answers null when the worker cancels an open dialog', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] } satisfies DialogResult);
    await expect(createElectronPlatform({ getWindow: () => null }).chooseFile('open-handback', undefined)).resolves.toBeNull();
  });
});
