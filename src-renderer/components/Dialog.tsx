import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

let openDialogs = 0;

function dialogLayer(): HTMLElement {
  let layer = document.getElementById('dialog-layer');
  if (layer == null) {
    layer = document.createElement('div');
    layer.id = 'dialog-layer';
    document.body.append(layer);
  }
  return layer;
}

/**
 * A modal dialog: the rest of the app is made inert while it is open, focus
 * moves in (to `initialFocus` or the first control) and returns where it was
 * when it closes; Escape closes it (unless `dismissable` is false) and Tab
 * stays inside.
 */
export function Dialog({
  title,
  children,
  onClose,
  initialFocus,
  description,
  role = 'dialog',
  className,
  dismissable = true,
}: {
  title: ReactNode;
  children: ReactNode;
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  description?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  className?: string;
  dismissable?: boolean;
}) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    openDialogs += 1;
    root?.setAttribute('inert', '');
    const target = initialFocus?.current ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE) ?? panel.current;
    target?.focus({ preventScroll: true });
    return () => {
      openDialogs -= 1;
      if (openDialogs === 0) root?.removeAttribute('inert');
      if (previous != null && previous.isConnected) previous.focus();
    };
    // Focus moves in once, when the dialog opens.
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && dismissable) {
      event.stopPropagation();
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || panel.current == null) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (first == null || last == null) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className={className == null ? 'dialog' : `dialog ${className}`}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description == null ? undefined : `${id}-description`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 className="dialog-title" id={`${id}-title`}>
          {title}
        </h2>
        {description != null && (
          <div className="dialog-description" id={`${id}-description`}>
            {description}
          </div>
        )}
        {children}
      </div>
    </div>,
    dialogLayer(),
  );
}
