import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openPath: vi.fn<(target: string) => Promise<string>>(), showItemInFolder: vi.fn<(target: string) => void>() } }));
vi.mock('electron', () => ({ shell: electron.shell }));

import { createElectronOpener } from '../../src-main/app/fileOpener';

describe('Electron: Show in folder and Open to print', () => {
  beforeEach(() => {
    electron.shell.openPath.mockReset().mockResolvedValue('');
    electron.shell.showItemInFolder.mockReset();
  });

  it('shows a file selected in its folder, opens a folder as itself, and opens a file with the system’s app', async () => {
    const opener = createElectronOpener();
    await opener.showInFolder('/home/worker/Reports/service-report-2026-03.html', 'file');
    expect(electron.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/home/worker/Reports/service-report-2026-03.html');
    await opener.showInFolder('/home/worker/Reports', 'folder');
    expect(electron.shell.openPath).toHaveBeenCalledExactlyOnceWith('/home/worker/Reports');
    await opener.openFile('/home/worker/Reports/service-report-2026-03.html');
    expect(electron.shell.openPath).toHaveBeenLastCalledWith('/home/worker/Reports/service-report-2026-03.html');
  });

  it('says so when the system cannot open the file', async () => {
    electron.shell.openPath.mockResolvedValue('No application knows how to open this file');
    await expect(createElectronOpener().openFile('/home/worker/x.html')).rejects.toMatchObject({ code: 'NOT_AVAILABLE', message: expect.stringContaining('No application') });
  });
});
