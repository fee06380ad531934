import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './Button.js';
import { ErrorIcon } from './icons.js';

/**
 * A modal question before something that cannot be undone. It is the browser's own <dialog>
 * opened with showModal(): focus is held inside, the page behind is inert, Escape cancels.
 * Focus starts on Cancel, the safe answer, and returns where it was when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  pending = false,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  pending?: boolean;
  /** Why the last attempt failed, shown in the dialog. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    if (open) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target instanceof HTMLElement && target.isConnected) target.focus();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="rk-dialog rk-root"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: the dialog closes through our state, not on its own.
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <div className="rk-dialog-body">
        <h2 id={titleId} className="rk-dialog-title">
          {title}
        </h2>
        <div id={bodyId}>{children}</div>
        {error ? (
          <div className="rk-alert" role="alert">
            <ErrorIcon />
            <span>{error}</span>
          </div>
        ) : null}
      </div>
      <div className="rk-dialog-actions">
        <Button ref={cancelRef} onClick={onCancel} disabled={pending}>
          {cancelLabel}
        </Button>
        <Button
          variant="danger"
          onClick={onConfirm}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
