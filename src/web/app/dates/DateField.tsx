import 'dayjs/locale/ky';
import 'dayjs/locale/ru';
import { DateInput, DatesProvider } from '@mantine/dates';
import { currentLanguage } from '../i18n';

export interface DateFieldProps {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  minDate?: string;
  w?: number | string;
  /** Accessible name of the clear button (an icon without text). */
  clearLabel?: string;
}

/** One calendar day (YYYY-MM-DD), typed or picked, in the UI's language. */
export default function DateField({ label, value, onChange, error, required, clearable = true, description, minDate, w, clearLabel }: DateFieldProps) {
  return (
    <DatesProvider settings={{ locale: currentLanguage(), firstDayOfWeek: 1 }}>
      <DateInput
        label={label}
        value={value}
        onChange={(day) => onChange(day ? String(day).slice(0, 10) : null)}
        error={error}
        required={required}
        clearable={clearable}
        clearButtonProps={clearLabel ? { 'aria-label': clearLabel } : undefined}
        description={description}
        minDate={minDate}
        valueFormat="YYYY-MM-DD"
        w={w}
      />
    </DatesProvider>
  );
}
