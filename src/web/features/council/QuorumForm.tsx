import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SetBodyQuorumDocument } from '../../gql/graphql';
import { applyServerErrors, type ServerError } from '../../app/errors';
import { useFormat } from '../../app/format';
import { notifyDone, ReasonAlert, useReasonText } from '../meetings/feedback';
import { countQuorum, NOT_COUNTED_ROLES } from '../meetings/quorum';

interface Body {
  id: string;
  quorumPercent: number;
  activeMembers: { nodes: { role: string; organisation?: { id: string } | null }[] };
}

/** The body's quorum: more than this share of its members (observers not counted) present. */
export function QuorumForm({ body }: { body: Body }) {
  const { t } = useTranslation(['council', 'common']);
  const format = useFormat();
  const describe = useReasonText('council');
  const [save, { loading }] = useMutation(SetBodyQuorumDocument);
  const [errors, setErrors] = useState<ServerError[]>([]);
  const form = useForm({
    initialValues: { quorumPercent: body.quorumPercent as number | string },
    validate: {
      quorumPercent: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 99 ? null : t('council:quorum.range')),
    },
  });
  useEffect(() => {
    form.setValues({ quorumPercent: body.quorumPercent });
    form.resetDirty({ quorumPercent: body.quorumPercent });
    // Only when another body is chosen or the saved value changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening (or another record) only: Mantine's form is a new object on every render, and a refetch of the same record must not reset what is typed
  }, [body.id, body.quorumPercent]);

  const counted = body.activeMembers.nodes.filter((member) => !NOT_COUNTED_ROLES.includes(member.role)).map((member) => member.organisation?.id ?? '');
  const percent = typeof form.values.quorumPercent === 'number' ? form.values.quorumPercent : body.quorumPercent;
  const preview = countQuorum(counted, [], percent);

  const submit = form.onSubmit(async (values) => {
    setErrors([]);
    try {
      await save({ variables: { bodyId: body.id, quorumPercent: Number(values.quorumPercent) } });
      notifyDone(t('common:saved'), t('council:closeDialog'));
    } catch (error) {
      setErrors(applyServerErrors(form, error, describe));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="md">
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label={t('council:quorum.label')}
            description={t('council:quorum.help')}
            min={0}
            max={99}
            step={5}
            allowDecimal={false}
            suffix=" %"
            w={{ base: '100%', sm: 360 }}
            {...form.getInputProps('quorumPercent')}
          />
          <Button type="submit" loading={loading} disabled={!form.isDirty()}>
            {t('council:quorum.save')}
          </Button>
        </Group>
        <Text size="sm" role="status">
          {t('council:quorum.preview', { members: format.number(preview.members), required: format.number(preview.required) })}
        </Text>
        <ReasonAlert errors={errors} describe={describe} />
      </Stack>
    </form>
  );
}
