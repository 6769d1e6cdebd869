import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect, test } from 'vitest';
import configSchema from '../../../public/schemas/spec-config.schema.json' with { type: 'json' };
import { manifestSchema } from '../manifest.ts';
import { removalsSchema } from '../removals.ts';

// The build compiles these schemas without checking them against JSON Schema's meta-schema
// (`validateSchema: false`, to save the meta-schema's compilation on every build); this is that check.
test.each([
  ['spec.config.json', configSchema],
  ['release manifest', manifestSchema],
  ['removals.json', removalsSchema],
])('the %s schema is valid JSON Schema 2020-12', (_name, schema) => {
  const ajv = new Ajv2020({ strict: false });
  ajv.addKeyword('patternErrorMessage');
  expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
});

test('a schema that breaks the meta-schema is caught', () => {
  const ajv = new Ajv2020({ strict: false });
  expect(ajv.validateSchema({ type: 'object', required: 'version' })).toBe(false);
});
