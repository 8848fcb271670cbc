/**
 * The content script's import graph, followed through every module it reaches
 * (the lint rule in eslint.config.js sees only direct imports): the database,
 * the matcher and zod stay in the background (docs/adr/0006). Type-only imports
 * are left out, as the bundler leaves them out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../seeds';

/** What runs in the page's content-script world: the script, and the reader UI it imports on first hover. */
const ENTRIES = ['entrypoints/content/index.ts', 'entrypoints/reader-ui.ts'];
const FORBIDDEN_FILES = ['lib/detect/matcher.ts', 'lib/detect/trie.ts', 'lib/corpus/schema.ts'];
const FORBIDDEN_FOLDERS = ['lib/db/', 'lib/background/'];
const FORBIDDEN_PACKAGES = ['zod', 'dexie'];

/** The specifiers a module imports for their values (not `import type`, not `import { type X }` alone). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  // CSS and other assets the bundler inlines: not code.
  return null;
}

/** Every repository module and package a set of entry points reaches by value. */
function reach(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((e) => join(REPO_ROOT, e));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const path = relative(REPO_ROOT, file);
    if (files.has(path)) continue;
    files.add(path);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('.')) {
        const next = resolveRelative(file, specifier);
        if (next) queue.push(next);
      } else {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
  }
  return { files, packages };
}

describe('the content-script world', () => {
  it('names modules that exist (a move must update this test, not silence it)', () => {
    for (const file of [...ENTRIES, ...FORBIDDEN_FILES, ...FORBIDDEN_FOLDERS]) expect(existsSync(join(REPO_ROOT, file)), file).toBe(true);
  });

  it('reaches neither the database, the matcher, the schema, zod nor Dexie, through any import', () => {
    const { files, packages } = reach(ENTRIES);
    expect(files.size).toBeGreaterThan(ENTRIES.length);
    const reached = [...files].filter((f) => FORBIDDEN_FILES.includes(f) || FORBIDDEN_FOLDERS.some((d) => f.startsWith(d)));
    expect(reached).toEqual([]);
    expect([...packages].filter((p) => FORBIDDEN_PACKAGES.includes(p))).toEqual([]);
  });

  it('sees an import made through another module', () => {
    // The walk itself: the background reaches the matcher only through lib/detect/detect.ts.
    const { files, packages } = reach(['entrypoints/background.ts']);
    expect(files.has('lib/detect/matcher.ts')).toBe(true);
    expect(packages.has('dexie')).toBe(true);
  });
});
