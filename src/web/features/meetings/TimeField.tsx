import { Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';

export interface TimeFieldProps {
  label: string;
  /** HH:mm */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: ReactNode;
  required?: boolean;
  hoursLabel: string;
  minutesLabel: string;
}

// Mantine's time picker lives with the calendar code: loaded only where a time is entered.
const LazyTimePicker = lazy(() => import('./TimePickerField'));

/** A time of day in 24 hours (the same on every browser, whatever its locale). */
export function TimeField(props: TimeFieldProps) {
  return (
    <Suspense fallback={<Loader size="xs" />}>
      <LazyTimePicker {...props} />
    </Suspense>
  );
}
