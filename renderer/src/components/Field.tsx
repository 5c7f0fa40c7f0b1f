// A labelled control: the label points at the control by id (a label wrapped around a <select>
// would take the selected option into the control's name), with optional help beneath.
import { type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  help?: ReactNode;
  className?: string;
  children(control: ControlProps): ReactNode;
}

export function Field({ label, help, className = 'field', children }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children(help ? { id, 'aria-describedby': helpId } : { id })}
      {help && (
        <p id={helpId} className="muted">
          {help}
        </p>
      )}
    </div>
  );
}
