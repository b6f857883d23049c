/**
 * Files generated from the schema and committed (test/generated/graphql.ts) must be what
 * codegen makes of today's schema and operations, and every custom scalar must be typed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { isScalarType, isSpecifiedScalarType } from 'graphql';
import { projectRoot } from '../src/config/paths';
import { appSchema } from '../src/server/schema';

/** Outputs kept in git; the web UI's src/web/gql/ is generated at build time and ignored. */
const COMMITTED = ['test/generated/graphql.ts'];

/**
 * Runs codegen in a plain Node process (its CLI package loads an ES module that jest's CommonJS
 * runtime cannot): the configuration, and the content of the committed outputs without writing them.
 */
function runCodegen(): { config: Types.Config; outputs: Types.FileOutput[] } {
  const script = `
    const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
    (async () => {
      const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
      const committed = ${JSON.stringify(COMMITTED)};
      const generates = Object.fromEntries(Object.entries(config.generates).filter(([path]) => committed.includes(path)));
      const outputs = await generate({ ...config, generates, cwd: process.cwd(), silent: true }, false);
      process.stdout.write(JSON.stringify({ config, outputs }));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

describe('generated files', () => {
  let codegen: ReturnType<typeof runCodegen>;
  beforeAll(() => {
    codegen = runCodegen();
  });

  it('are up to date with the schema and the operations (run `npm run codegen` after changing either)', async () => {
    const { outputs } = codegen;
    expect(outputs.map((output) => output.filename)).toEqual(COMMITTED);
    for (const output of outputs) {
      expect(readFileSync(join(projectRoot, output.filename), 'utf8')).toBe(output.content);
    }
  });

  it('type every custom scalar of the schema in every output (none is left `unknown` by accident)', async () => {
    const { config } = codegen;
    const schema = await appSchema();
    const customScalars = Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type))
      .map((type) => type.name)
      .sort();
    expect(customScalars.length).toBeGreaterThan(0);
    for (const [path, output] of Object.entries(config.generates)) {
      const scalars = ((output as Types.ConfiguredOutput).config as { scalars?: Record<string, string> } | undefined)?.scalars ?? {};
      const unmapped = customScalars.filter((name) => !scalars[name]);
      expect({ path, unmapped }).toEqual({ path, unmapped: [] });
    }
  });
});
