/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
import 'reflect-metadata';
import { emitSchemaFile, SCHEMA_FILE } from './schema';

emitSchemaFile()
  .then(() => console.log(`Wrote ${SCHEMA_FILE}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
