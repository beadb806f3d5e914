import { Trans } from '@lingui/react/macro';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../app/forms';

/**
 * A button that first asks: the box says what will happen and who will be told, then the person
 * confirms or steps back. Focus moves into the box so a screen reader reads it out.
 */
export function Confirm({
  label,
  title,
  children,
  yes,
  onYes,
  pending,
  error,
  danger,
  disabled,
  onAsk,
}: {
  label: ReactNode;
  title: ReactNode;
  children: ReactNode;
  yes: ReactNode;
  onYes: (done: () => void) => void;
  pending?: boolean;
  error?: unknown;
  danger?: boolean;
  disabled?: boolean;
  /** Called when the box opens: e.g. to read the counts it states. */
  onAsk?: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) box.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    setTimeout(() => opener.current?.focus(), 0);
  };
  if (!asking) {
    return (
      <div>
        <button
          ref={opener}
          type="button"
          className={danger ? 'button-danger' : 'button'}
          disabled={disabled}
          onClick={() => {
            setAsking(true);
            onAsk?.();
          }}
        >
          {label}
        </button>
      </div>
    );
  }
  return (
    <div
      className="confirm stack"
      role="alertdialog"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      tabIndex={-1}
      ref={box}
    >
      <h3 id={`${id}-t`}>{title}</h3>
      <div id={`${id}-d`} className="stack">
        {children}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button
          type="button"
          className={danger ? 'button-danger' : 'button'}
          disabled={pending}
          onClick={() => onYes(() => setAsking(false))}
        >
          {yes}
        </button>
        <button type="button" className="button-secondary" onClick={close}>
          <Trans>Not now</Trans>
        </button>
      </div>
    </div>
  );
}
