// A local ESLint rule: resolves each relative import against the importing file and reports when it lands in
// a folder the file may not reach (another web feature; the simulator from the server). no-restricted-imports
// only sees the import string, and "../../results/x" names no feature.
import path from 'node:path';

/** @param {{ from: string, forbidden: (target: string, from: string) => string | null }[]} zones */
export function boundariesPlugin(root) {
  const rel = (p) => path.relative(root, p).split(path.sep).join('/');
  const check = (file, target) => {
    const from = rel(file);
    const to = rel(target);
    const feature = /^apps\/web\/src\/features\/([^/]+)\//.exec(from)?.[1];
    const other = /^apps\/web\/src\/features\/([^/]+)(\/|$)/.exec(to)?.[1];
    if (feature && other && other !== feature) return `web feature "${feature}" may not import feature "${other}"; move shared code to components/ or lib/`;
    if (from.startsWith('apps/server/') && to.startsWith('packages/openemr-sim/')) return 'the server never imports the simulator; it reaches it over HTTP';
    return null;
  };
  return {
    rules: {
      'import-boundaries': {
        meta: { type: 'problem', schema: [] },
        create(context) {
          const visit = (node) => {
            const spec = node.source?.value;
            if (typeof spec !== 'string' || !spec.startsWith('.')) return;
            const message = check(context.filename, path.resolve(path.dirname(context.filename), spec));
            if (message) context.report({ node: node.source, message });
          };
          return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
        },
      },
    },
  };
}
