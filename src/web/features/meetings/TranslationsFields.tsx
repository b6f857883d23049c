import { Fieldset, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TextsForm {
  errors: Record<string, ReactNode>;
  getInputProps(path: string): GetInputPropsReturnType;
}

/** One text in Kyrgyz, Russian and English (at least one), under a legend that names it. */
export function TranslationsFields({ form, path, legend, multiline = false }: { form: TextsForm; path: string; legend: string; multiline?: boolean }) {
  const { t } = useTranslation('meetings');
  const Input = multiline ? Textarea : TextInput;
  return (
    <Fieldset legend={legend} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: multiline ? 1 : 3 }} spacing="xs">
        {(['ky', 'ru', 'en'] as const).map((language) => (
          <Input
            key={language}
            label={t(`meetings:language.${language}`)}
            lang={language}
            {...(multiline ? { autosize: true, minRows: 2 } : {})}
            {...form.getInputProps(`${path}.${language}`)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
