// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../src-renderer/components/ConfirmDialog';
import './setup';

/* The one question before an action: named and described for a screen reader, safe by default, calm while it works. */

function Asking({ tone, busy = false, error = null, onConfirm = () => {} }: { tone: 'danger' | 'normal'; busy?: boolean; error?: string | null; onConfirm?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete…
      </button>
      {open && (
        <ConfirmDialog
          title="Delete this service?"
          confirmLabel="Delete service"
          busyLabel="Deleting…"
          cancelLabel="Keep it"
          tone={tone}
          busy={busy}
          error={error}
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        >
          <p>It will be removed from the log.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

async function open(ui: ReactElement) {
  const user = userEvent.setup();
  const view = render(ui);
  await user.click(screen.getByRole('button', { name: 'Delete…' }));
  return { user, view, dialog: screen.getByRole('alertdialog', { name: 'Delete this service?' }) };
}

describe('the confirm dialog', () => {
  it('is named by its question and described by what happens', async () => {
    const { dialog } = await open(<Asking tone="danger" />);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('It will be removed from the log.');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Delete this service?');
  });

  it('starts on the safe button for a danger question, with the action first and outlined in red', async () => {
    const { dialog } = await open(<Asking tone="danger" />);
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Delete service', 'Keep it']);
    expect(buttons[0]?.className).toBe('danger');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' }));
  });

  it('starts on the safe button for a normal question too, with the action last as the main button', async () => {
    const { dialog } = await open(<Asking tone="normal" />);
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Keep it', 'Delete service']);
    expect(buttons[1]?.className).toBe('primary');
    expect(document.activeElement).toBe(buttons[0]);
  });

  it('closes on Escape without acting, and gives the focus back to the button that opened it', async () => {
    const onConfirm = vi.fn();
    const { user } = await open(<Asking tone="danger" onConfirm={onConfirm} />);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete…' }));
  });

  it('acts on Enter when the action button has the focus, and only then', async () => {
    const onConfirm = vi.fn();
    const { user, dialog } = await open(<Asking tone="danger" onConfirm={onConfirm} />);
    within(dialog).getByRole('button', { name: 'Delete service' }).focus();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('while busy, disables both buttons, says what it is doing and ignores Escape', async () => {
    const onConfirm = vi.fn();
    const { user, view } = await open(<Asking tone="danger" onConfirm={onConfirm} />);
    view.rerender(<Asking tone="danger" busy onConfirm={onConfirm} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this service?' });
    const buttons = within(dialog).getAllByRole('button');
    expect(buttons.map((button) => [button.textContent, (button as HTMLButtonElement).disabled])).toEqual([
      ['Deleting…', true],
      ['Keep it', true],
    ]);
    dialog.focus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('shows what went wrong and reads it out at once', async () => {
    const { view } = await open(<Asking tone="normal" />);
    expect(screen.queryByRole('alert')).toBeNull();
    view.rerender(<Asking tone="normal" error="The service could not be deleted. Try again." />);
    const alert = within(screen.getByRole('alertdialog')).getByRole('alert');
    expect(alert.textContent).toBe('The service could not be deleted. Try again.');
  });

  it('offers a third way between the action and the safe button when there is one, starting on the safe button still', async () => {
    const onOther = vi.fn();
    const user = userEvent.setup();
    render(
      <ConfirmDialog title="Leave without saving?" tone="danger" confirmLabel="Leave without saving" cancelLabel="Keep editing" otherLabel="Keep as unfinished note" onOther={onOther} onConfirm={() => {}} onCancel={() => {}}>
        <p>Your changes have not been saved.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' });
    expect(within(dialog).getAllByRole('button').map((button) => button.textContent)).toEqual(['Leave without saving', 'Keep as unfinished note', 'Keep editing']);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep as unfinished note' }));
    expect(onOther).toHaveBeenCalledTimes(1);
  });
});
