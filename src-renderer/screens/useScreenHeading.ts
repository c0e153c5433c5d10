import { useEffect, useRef } from 'react';

/**
 * Moves focus to a screen's heading when the screen opens, so a screen
 * reader announces where the worker is and Tab continues from the top of the
 * screen. Leaves focus alone if the screen already put it in a field.
 */
export function useScreenHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const active = document.activeElement;
    const main = document.getElementById('main');
    const placedByScreen = active instanceof HTMLElement && active !== document.body && (main == null || (active !== main && main.contains(active)));
    if (placedByScreen) return;
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
