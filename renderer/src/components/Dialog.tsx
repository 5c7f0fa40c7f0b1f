// A modal dialog on the platform's <dialog>: focus moves in and is trapped, Escape closes, focus
// returns to where it was. Mounted only while open.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { errorMessage, useT } from '../i18n';
import { useStore } from '../store';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** A form's dialog: Cancel, then this submit button. */
  submit?: { label: string; className?: string; disabled?: boolean };
  /** Otherwise: the buttons at the bottom, the safe choice first. */
  actions?: ReactNode;
  onSubmit?(): void;
}

/** The last failure, for a dialog to show inside itself (the page's banner is behind its backdrop). */
function DialogError() {
  const t = useT();
  const error = useStore((store) => store.error);
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      {errorMessage(error, t)}
    </p>
  );
}

export function Dialog({ title, onClose, children, submit, actions, onSubmit }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // What failed before the dialog opened is not about it.
    useStore.getState().dismissError();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">
          {children}
          <DialogError />
        </div>
        <div className="dialog-actions">
          {submit ? (
            <>
              {/* Before something that cannot be undone, the safe choice has the focus. */}
              <button type="button" onClick={onClose} autoFocus={submit.className === 'danger'}>
                {t('window.common.cancel')}
              </button>
              <button type="submit" className={submit.className ?? 'primary'} disabled={submit.disabled}>
                {submit.label}
              </button>
            </>
          ) : (
            actions
          )}
        </div>
      </form>
    </dialog>
  );
}
