import { useRef } from 'react';
import { Dialog } from '../components/Dialog';
import { SHORTCUTS } from '../lib/keys';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} initialFocus={close} className="dialog-wide dialog-shortcuts">
      <div className="shortcut-groups">
        {SHORTCUTS.map((group) => (
          <section key={group.group} className="shortcut-group">
            <h3>{group.group}</h3>
            <dl>
              {group.items.map((item) => (
                <div key={item.action} className="shortcut">
                  <dt>
                    {item.keys.map((combo, alternative) => (
                      <span key={combo.join('+')} className="combo">
                        {alternative > 0 && <span className="or"> or </span>}
                        {combo.map((key, index) => (
                          <span key={key}>
                            {index > 0 && <span className="plus">+</span>}
                            <kbd>{key}</kbd>
                          </span>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{item.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
