import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { createFakeBridge } from './fakeBridge';
import { dropDecryptedData } from '../../src-renderer/state/dropDecryptedData';
import { useVaultStore } from '../../src-renderer/state/vaultStore';

/**
 * Shared set-up for the renderer's component tests: a fake `window.soleNotes`
 * (in-memory, same commands and schemas) and every store emptied between tests.
 */
export function installFake(options: Parameters<typeof createFakeBridge>[0] = {}) {
  const fake = createFakeBridge(options);
  Object.defineProperty(window, 'soleNotes', { value: fake.bridge, configurable: true, writable: true });
  return fake;
}

afterEach(() => {
  cleanup();
  dropDecryptedData();
  useVaultStore.setState({ view: 'checking', lockReason: null, lockCount: 0, problem: null, lockWarning: null, lockNotice: null });
  document.getElementById('root')?.removeAttribute('inert');
});

/** The virtual list measures its scroller; jsdom lays nothing out, so give elements a size. */
export function giveElementsASize(height = 600, width = 1000): () => void {
  const proto = HTMLElement.prototype;
  const original = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
    offsetHeight: Object.getOwnPropertyDescriptor(proto, 'offsetHeight'),
    offsetWidth: Object.getOwnPropertyDescriptor(proto, 'offsetWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'offsetHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'offsetWidth', { configurable: true, get: () => width });
  return () => {
    for (const [key, descriptor] of Object.entries(original)) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
    }
  };
}
