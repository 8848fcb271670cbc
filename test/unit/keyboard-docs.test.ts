/**
 * The keyboard commands are written where a reader looks (README), with the
 * keys wxt.config.ts suggests and where to change them: a shortcut that is
 * written nowhere is one nobody finds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../seeds';

const config = readFileSync(join(REPO_ROOT, 'wxt.config.ts'), 'utf8');
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** "Alt+Shift+J" as the README writes it: <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>J</kbd>. */
function kbd(keys: string): string {
  return keys
    .split('+')
    .map((k) => `<kbd>${k}</kbd>`)
    .join('+');
}

describe('keyboard commands in the README', () => {
  const commands = [...config.matchAll(/'([\w-]+-mention)':\s*\{\s*suggested_key:\s*\{\s*default:\s*'([^']+)'/g)].map(
    (m) => [m[1]!, m[2]!] as const,
  );

  it('finds the commands in wxt.config.ts', () => {
    expect(commands.map(([name]) => name).sort()).toEqual(['next-mention', 'previous-mention']);
  });

  it('names each suggested key and where each browser changes them', () => {
    for (const [, keys] of commands) expect(readme).toContain(kbd(keys));
    expect(readme).toContain('chrome://extensions/shortcuts');
    expect(readme).toContain('Manage Extension Shortcuts');
  });
});
