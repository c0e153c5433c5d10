/** The "type it again" field under a new passphrase, with its mismatch message tied to the input. */
export function ConfirmPassphraseField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  mismatch: boolean;
  mismatchText?: string;
  /** `field-error` where the mismatch blocks the form, `hint` where it only advises. */
  messageClassName?: 'field-error' | 'hint';
}) {
  const { id, label, value, onChange, mismatch } = props;
  const messageId = `${id}-mismatch`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={mismatch}
        aria-describedby={mismatch ? messageId : undefined}
      />
      {mismatch && (
        <p className={props.messageClassName ?? 'field-error'} id={messageId}>
          {props.mismatchText ?? 'The two passphrases are not the same yet.'}
        </p>
      )}
    </div>
  );
}
