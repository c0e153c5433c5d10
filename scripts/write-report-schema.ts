import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceReportJsonSchemaText } from '../src-main/report/jsonSchema';

/** Regenerates docs/service-report.schema.json from the zod schema: `npx tsx scripts/write-report-schema.ts`. */
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/service-report.schema.json');
fs.writeFileSync(file, serviceReportJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
