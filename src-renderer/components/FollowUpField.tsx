import type { FollowUpState } from '../lib/useFollowUp';
import { DateField } from './DateField';

/**
 * "Follow up on": a day to come back to a note or service; it stays on Today
 * until marked done. Compact and optional. With `onSave` (a note already
 * saved), the day is kept at once with its own button or Enter, without a
 * new revision of the note.
 */
export function FollowUpField({ id, followUp, onSave }: { id: string; followUp: FollowUpState; onSave?: () => void }) {
  return (
    <div
      className="follow-up-field"
      onKeyDown={(event) => {
        if (onSave != null && event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          onSave();
        }
      }}
    >
      <DateField
        id={id}
        label="Follow up on (optional)"
        value={followUp.text}
        onChange={followUp.setText}
        dayButtons={false}
        hint="A day to come back to this. It stays on Today until you mark it done."
      />
      {onSave != null && (
        <button type="button" className="small" onClick={onSave}>
          {followUp.text.trim() === '' ? 'Clear follow-up' : 'Keep follow-up day'}
        </button>
      )}
    </div>
  );
}
