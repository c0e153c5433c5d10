// The command line without npm: `bin/sole-notes COMMAND [OPTIONS]`.
// Run through `npm run cli`, every argument is written into npm's own log
// files; run from here, nothing is. Note text still belongs in a file or on
// standard input (`note add --file -`), never in an argument, which other
// programs on the computer can read while the command runs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`sole-notes: Node.js 22.12 or newer is needed (this is ${process.version}).\n`);
  process.exit(3);
}

register();
await import(pathToFileURL(path.join(import.meta.dirname, '..', 'src-main', 'cli', 'main.ts')).href);
