import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';

interface Props {
  children: ReactNode;
  onClick?: () => void;
  kind?: 'primary' | 'default' | 'danger';
  disabled?: boolean;
  /** Read out by screen readers when the visible text is not enough. */
  ariaLabel?: string;
}

/** A full-width button at least 44 px tall (see app.scss .btn). */
export function BigButton({ children, onClick, kind = 'default', disabled, ariaLabel }: Props) {
  return (
    <Button
      className={`btn btn-${kind}`}
      onClick={onClick}
      disabled={disabled || undefined}
      ariaLabel={ariaLabel}
    >
      {children}
    </Button>
  );
}
