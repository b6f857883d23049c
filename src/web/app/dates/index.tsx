import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { DateRangeInputProps } from './DateRangeInput';

// The calendar (Mantine dates and dayjs) loads only when a page shows a date field.
const LazyDateRangeInput = lazy(() => import('./DateRangeInput'));

export function DateRangeInput(props: DateRangeInputProps) {
  return (
    <Suspense fallback={<Loader size="xs" />}>
      <LazyDateRangeInput {...props} />
    </Suspense>
  );
}
