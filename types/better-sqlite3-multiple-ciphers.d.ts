// The package ships its typings at index.d.ts but its `exports` map does not
// point to them, so TypeScript cannot find them on its own. The alias below
// exists only for the type-checker (see `paths` in tsconfig.base.json); at
// run time the package resolves normally.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database = require('better-sqlite3-multiple-ciphers/typings');
  export = Database;
}
