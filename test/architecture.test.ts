/**
 * ARCHITECTURE.md names real files and functions: every `path.ts(x)` it quotes
 * exists, and every quoted identifier that looks like code is defined in src/.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
const quoted = [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('ARCHITECTURE.md', () => {
  it('names files that exist', () => {
    const files = quoted.filter((token) => /^[\w./-]+\.(tsx?|js|md)$/.test(token));
    expect(files.length).toBeGreaterThan(30);
    const missing = files.filter((file) => ![join(root, file), join(root, 'src', file)].some((path) => existsSync(path)));
    expect(missing).toEqual([]);
  });

  it('names functions, classes and constants that exist in src/', () => {
    const source = sourceFiles(join(root, 'src')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const identifiers = quoted
      .map((token) => token.replace(/\(.*\)$/, '').split('.').pop() ?? '')
      .filter((name) => /^[a-z][A-Za-z]+[A-Z][A-Za-z]*$|^[A-Z][a-z]+[A-Z][A-Za-z]*$|^[A-Z_]{4,}$/.test(name));
    expect(identifiers.length).toBeGreaterThan(15);
    const missing = identifiers.filter((name) => !new RegExp(`(function|class|const|interface|type)\\s+${name}\\b|\\b${name}\\s*[(:=<]`).test(source));
    expect(missing).toEqual([]);
  });
});
