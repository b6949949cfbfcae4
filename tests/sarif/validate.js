// Validates SARIF files against the official SARIF 2.1.0 schema (rtm.5).
// Usage: node validate.js FILE.sarif...
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04'); // the SARIF schema is draft-04
const addFormats = require('ajv-formats');
const schemaPath = path.join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
delete schema.$schema;
// The schema's language pattern is not valid under the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const f of process.argv.slice(2)) {
  const doc = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (!validate(doc)) {
    bad++;
    console.error(`${f}: INVALID`);
    for (const e of validate.errors.slice(0, 10)) console.error(`  ${e.instancePath} ${e.message}`);
  } else {
    const n = doc.runs[0].results.length;
    console.log(`${f}: valid SARIF 2.1.0 (${n} results)`);
  }
}
process.exit(bad ? 1 : 0);
