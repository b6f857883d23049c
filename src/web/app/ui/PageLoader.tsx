import { Center, Loader } from '@mantine/core';

/** Shown while a page's code or its catalogue arrives (no text: the catalogue may not be there yet). */
export function PageLoader() {
  return (
    <Center p="xl" role="status" aria-busy="true">
      <Loader />
    </Center>
  );
}
