import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { DateFieldProps } from './DateField';
import type { DateRangeInputProps } from './DateRangeInput';

// The calendar (Mantine dates and dayjs) loads only when a page shows a date field.
const LazyDateRangeInput = lazy(() => import('./DateRangeInput'));
const LazyDateField = lazy(() => import('./DateField'));

export function DateRangeInput(props: DateRangeInputProps) {
  return (
    <Suspense fallback={<Loader size="xs" />}>
      <LazyDateRangeInput {...props} />
    </Suspense>
  );
}

export function DateField(props: DateFieldProps) {
  return (
    <Suspense fallback={<Loader size="xs" />}>
      <LazyDateField {...props} />
    </Suspense>
  );
}
