import 'dayjs/locale/ky';
import 'dayjs/locale/ru';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { currentLanguage } from '../i18n';

export interface DateRangeInputProps {
  label: string;
  placeholder?: string;
  value: [string | null, string | null];
  onChange(value: [string | null, string | null]): void;
  w?: number;
  /** Accessible name of the clear button (an icon without text). */
  clearLabel?: string;
}

/** A from–to date picker in the UI's language, weeks from Monday; values are YYYY-MM-DD. */
export default function DateRangeInput({ label, placeholder, value, onChange, w, clearLabel }: DateRangeInputProps) {
  return (
    <DatesProvider settings={{ locale: currentLanguage(), firstDayOfWeek: 1 }}>
      <DatePickerInput
        type="range"
        label={label}
        placeholder={placeholder}
        value={value}
        onChange={([from, to]) => onChange([from ? String(from).slice(0, 10) : null, to ? String(to).slice(0, 10) : null])}
        clearable
        clearButtonProps={clearLabel ? { 'aria-label': clearLabel } : undefined}
        w={w}
      />
    </DatesProvider>
  );
}
