// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layers inside src-main/, bottom to top. A folder may import the folders
 * it lists (and shared/, which sits below all of them); nothing imports
 * upward or sideways. Each folder's README.md says the same in words.
 *
 *   common    general helpers (signing, canonical JSON, calendar, printable page): shared/ only
 *   vault     the encrypted vault, its SQL, keys and backups: common/
 *   files     the guard on files the worker names: vault/, common/
 *   report    monthly service reports: files/, vault/, common/
 *   handover  handover packages and hand-backs: files/, vault/, common/
 *   growth    professional growth (CEUs, goals, self-evaluation): report/, handover/ and below
 *   api       the router and its handlers: everything above but app/ and cli/
 *   cli       the command line: everything above but app/ and api/
 *   app       the Electron shell, the only door to Electron: api/ and everything below
 */
const BELOW_GROWTH = ['report', 'handover', 'files', 'vault', 'common'];
export const LAYERS = {
  common: [],
  vault: ['common'],
  files: ['vault', 'common'],
  report: ['files', 'vault', 'common'],
  handover: ['files', 'vault', 'common'],
  growth: BELOW_GROWTH,
  api: ['growth', ...BELOW_GROWTH],
  cli: ['growth', ...BELOW_GROWTH],
  app: ['api', 'growth', ...BELOW_GROWTH],
};

/**
 * Imports that break a layer today, each with the reason and where it goes.
 * Keys are importing files, values the src-main paths (no extension) they may
 * import anyway. Remove an entry when its import goes.
 */
const LAYER_EXCEPTIONS = {
  // Knows a hand-back's magic bytes so it never overwrites one; the constant moves below files/ later.
  'src-main/files/outputPath.ts': ['src-main/handover/container'],
};

/** Only vault/ talks to SQLite: the driver and the connection module stay inside it. */
const SQLITE_MODULES = ['better-sqlite3-multiple-ciphers', 'better-sqlite3'];
const CONNECTION = 'src-main/vault/connection';


const posix = (file) => file.split(path.sep).join('/');
/** The repository root, whatever folder eslint runs from. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps each src-main/ folder to the layers below it, and SQLite inside vault/." },
    schema: [],
    messages: {
      upward: "src-main/{{from}}/ may not import src-main/{{to}}/: {{from}}/ uses only {{allowed}} (see .eslint-plugin-local/layers.mjs).",
      unknownFolder: 'src-main/{{from}}/ has no place in the layers yet: add it to LAYERS in .eslint-plugin-local/layers.mjs and give it a README.md.',
      sqlite: "Only src-main/vault/ talks to SQLite: '{{name}}' is the vault's to import; add a repository method under vault/repos/ instead.",
    },
  },
  create(context) {
    const root = ROOT;
    const file = posix(path.relative(root, context.filename));
    const match = /^src-main\/([^/]+)\//.exec(file);
    if (!match) return {};
    const from = match[1];
    const allowed = LAYERS[from];
    const insideVault = from === 'vault';

    /** @param {import('estree').Node} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string') return;
      if (!value.startsWith('.')) {
        if (!insideVault && SQLITE_MODULES.includes(value)) context.report({ node, messageId: 'sqlite', data: { name: value } });
        return;
      }
      const target = posix(path.relative(root, path.resolve(path.dirname(context.filename), value))).replace(/\.(ts|js|mjs)$/, '');
      const to = /^src-main\/([^/]+)(?:\/|$)/.exec(target)?.[1];
      if (to === undefined || to === from) return;
      if (target === CONNECTION && !insideVault) {
        context.report({ node, messageId: 'sqlite', data: { name: 'vault/connection' } });
      }
      if (allowed === undefined) return; // reported once, on the file
      if (allowed.includes(to) || LAYER_EXCEPTIONS[file]?.includes(target)) return;
      const list = [...allowed.map((name) => `${name}/`), 'shared/'].join(', ');
      context.report({ node, messageId: 'upward', data: { from, to, allowed: list } });
    }

    return {
      Program: (node) => {
        if (allowed === undefined) context.report({ node, messageId: 'unknownFolder', data: { from } });
      },
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && first?.type === 'Literal') check(first, first.value);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
