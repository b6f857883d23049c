import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingFormat, RescheduleMeetingInput } from '../../gql/graphql';
import { DateField } from '../../app/dates';
import { UnitSelect } from '../geography/UnitSelect';
import { TimeField } from './TimeField';
import { bishkekToInstant, instantToBishkek } from './bishkek';

export const FORMATS: MeetingFormat[] = ['IN_PERSON', 'ONLINE', 'HYBRID', 'VISITING_SESSION'];

/** When and where, as a person enters it: a Bishkek day, start and end times, format, place, link. */
export interface ScheduleValues {
  day: string | null;
  startTime: string;
  endTime: string;
  format: MeetingFormat;
  placeUnitCode: string | null;
  address: string;
  onlineLink: string;
}

export const EMPTY_SCHEDULE: ScheduleValues = { day: null, startTime: '10:00', endTime: '12:00', format: 'IN_PERSON', placeUnitCode: null, address: '', onlineLink: '' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const needsLink = (format: MeetingFormat) => format === 'ONLINE' || format === 'HYBRID';

/** The values of a meeting as it is now, to move it. */
export function scheduleOf(meeting: {
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  format: MeetingFormat;
  place?: { code: string } | null;
  address?: string | null;
  onlineLink?: string | null;
}): ScheduleValues {
  const start = instantToBishkek(meeting.startsAt);
  const end = instantToBishkek(meeting.endsAt);
  return {
    day: start.day,
    startTime: meeting.allDay ? EMPTY_SCHEDULE.startTime : start.time,
    endTime: meeting.allDay || end.day !== start.day ? EMPTY_SCHEDULE.endTime : end.time,
    format: meeting.format,
    placeUnitCode: meeting.place?.code ?? null,
    address: meeting.address ?? '',
    onlineLink: meeting.onlineLink ?? '',
  };
}

/** The API's schedule from what the person entered (Bishkek times become UTC instants). */
export function scheduleInput(values: ScheduleValues): Omit<RescheduleMeetingInput, 'version'> {
  return {
    startsAt: bishkekToInstant(values.day!, values.startTime),
    endsAt: bishkekToInstant(values.day!, values.endTime),
    format: values.format,
    placeUnitCode: values.format === 'ONLINE' ? null : values.placeUnitCode,
    address: values.format === 'ONLINE' ? null : values.address.trim() || null,
    onlineLink: values.onlineLink.trim() || null,
  };
}

/** Where the API's schedule errors go in the form. */
export const SCHEDULE_FIELDS: Record<string, string> = {
  'input.startsAt': 'startTime',
  'input.endsAt': 'endTime',
  'input.placeUnitCode': 'address',
  'input.address': 'address',
  'input.onlineLink': 'onlineLink',
  'input.format': 'format',
};

/** Checks of the schedule fields, in the UI's language. */
export function scheduleRules(t: (key: string) => string) {
  return {
    day: (value: string | null) => (value ? null : t('meetings:schedule.dayRequired')),
    startTime: (value: string) => (TIME.test(value) ? null : t('meetings:schedule.timeInvalid')),
    endTime: (value: string, values: ScheduleValues) =>
      !TIME.test(value) ? t('meetings:schedule.timeInvalid') : value <= values.startTime ? t('meetings:schedule.endBeforeStart') : null,
    onlineLink: (value: string, values: ScheduleValues) => {
      if (!value.trim()) return needsLink(values.format) ? t('meetings:schedule.linkRequired') : null;
      return /^https?:\/\/\S+$/.test(value.trim()) ? null : t('meetings:schedule.linkInvalid');
    },
    address: (value: string, values: ScheduleValues) => (values.format !== 'ONLINE' && !value.trim() && !values.placeUnitCode ? t('meetings:schedule.placeRequired') : null),
  };
}

/** What ScheduleFields needs of a Mantine form whose values include the schedule (methods: any such form fits). */
interface ScheduleForm {
  values: ScheduleValues;
  errors: Record<string, ReactNode>;
  getInputProps(path: string): GetInputPropsReturnType;
  setFieldValue(path: string, value: unknown): void;
}

/** The schedule part of the planning and rescheduling forms. */
export function ScheduleFields({ form }: { form: ScheduleForm }) {
  const { t } = useTranslation(['meetings', 'common']);
  const values = form.values;
  const field = (name: keyof ScheduleValues) => form.getInputProps(name);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('meetings:schedule.timeZone')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('meetings:schedule.day')}
          required
          value={values.day}
          onChange={(day) => form.setFieldValue('day', day)}
          error={form.errors.day as string | undefined}
          clearable={false}
        />
        <TimeField
          label={t('meetings:schedule.start')}
          required
          value={values.startTime}
          onChange={(value) => form.setFieldValue('startTime', value)}
          error={form.errors.startTime}
          hoursLabel={t('meetings:schedule.hoursOf', { field: t('meetings:schedule.start') })}
          minutesLabel={t('meetings:schedule.minutesOf', { field: t('meetings:schedule.start') })}
        />
        <TimeField
          label={t('meetings:schedule.end')}
          required
          value={values.endTime}
          onChange={(value) => form.setFieldValue('endTime', value)}
          error={form.errors.endTime}
          hoursLabel={t('meetings:schedule.hoursOf', { field: t('meetings:schedule.end') })}
          minutesLabel={t('meetings:schedule.minutesOf', { field: t('meetings:schedule.end') })}
        />
      </SimpleGrid>
      <Select
        label={t('meetings:schedule.format')}
        data={FORMATS.map((format) => ({ value: format, label: t(`meetings:format.${format}`) }))}
        allowDeselect={false}
        required
        {...field('format')}
      />
      {values.format !== 'ONLINE' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitSelect label={t('meetings:schedule.place')} value={values.placeUnitCode} onChange={(code) => form.setFieldValue('placeUnitCode', code)} />
          <TextInput label={t('meetings:schedule.address')} description={t('meetings:schedule.placeHelp')} {...field('address')} />
        </SimpleGrid>
      )}
      <TextInput
        type="url"
        label={t('meetings:schedule.onlineLink')}
        description={needsLink(values.format) ? t('meetings:schedule.linkNeeded') : t('meetings:schedule.linkOptional')}
        required={needsLink(values.format)}
        placeholder="https://"
        {...field('onlineLink')}
      />
    </Stack>
  );
}
