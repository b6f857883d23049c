import { TimePicker } from '@mantine/dates';
import type { TimeFieldProps } from './TimeField';

/** A time of day in 24 hours, hours and minutes typed or stepped (loaded with the calendar code). */
export default function TimePickerField({ label, value, onChange, error, required, hoursLabel, minutesLabel, onBlur }: TimeFieldProps) {
  return (
    <TimePicker
      label={label}
      format="24h"
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      required={required}
      hoursInputLabel={hoursLabel}
      minutesInputLabel={minutesLabel}
      hoursPlaceholder="--"
      minutesPlaceholder="--"
    />
  );
}
