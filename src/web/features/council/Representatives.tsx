import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Person {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
}

/**
 * The people who represent a member: name and position for everyone; e-mail and telephone only
 * where the hub gives them (to signed-in users), with nothing left blank where it does not.
 */
export function Representatives({ people }: { people: Person[] }) {
  const { t } = useTranslation('council');
  if (people.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('council:noRepresentatives')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {people.map((person, index) => (
        <div key={index}>
          <Text size="sm">
            {person.name}
            {person.title && (
              <Text span size="sm" c="dimmed">
                {' · '}
                {person.title}
              </Text>
            )}
          </Text>
          {(person.email || person.phone) && (
            <Text size="xs">
              {person.email && <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>}
              {person.email && person.phone && ' · '}
              {person.phone && <Anchor href={`tel:${person.phone.replace(/[^+\d]/g, '')}`}>{person.phone}</Anchor>}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
