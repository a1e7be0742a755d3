/**
 * The pane's canvas registers only the three.js classes in CATALOGUE (so that the
 * rest of three.js is left out of the bundle). A JSX element naming any other class
 * would fail when the scene renders; this reads the scene's sources, and the drei
 * components it uses, for every element that names a three.js class.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/scene/pane/PaneCanvas.tsx';

const SCENE = resolve('src/scene');
const DREI = resolve('node_modules/@react-three/drei/core');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const pascal = (tag: string) => tag[0].toUpperCase() + tag.slice(1);
/** Lowercase JSX element names that are three.js classes (`<mesh>` is Mesh; `<div>` is not a class). */
const threeElements = (names: Iterable<string>) => [...new Set(names)].filter((tag) => pascal(tag) in THREE).map(pascal);

describe('the pane canvas catalogue', () => {
  it("holds every three.js class the scene's JSX and its drei components name", () => {
    const files = sources(SCENE);
    const tags = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<([a-z][A-Za-z0-9]*)[\s/>]/g)].map((match) => match[1]));
    const dreiComponents = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@react-three\/drei'/g)].flatMap((match) => match[1].split(',').map((name) => name.trim()).filter(Boolean)),
    );
    expect(dreiComponents.length).toBeGreaterThan(0);
    const dreiTags = dreiComponents.flatMap((name) => [...readFileSync(join(DREI, `${name}.js`), 'utf8').matchAll(/createElement\("([a-z][A-Za-z0-9]*)"/g)].map((match) => match[1]));
    const needed = threeElements([...tags, ...dreiTags]);
    // The scan finds the scene's own elements (a guard against a regex that matches nothing).
    expect(needed).toEqual(expect.arrayContaining(['Mesh', 'Group', 'PerspectiveCamera']));
    expect(needed.filter((name) => !(name in CATALOGUE))).toEqual([]);
  });

  it('registers the classes themselves', () => {
    for (const [name, value] of Object.entries(CATALOGUE)) expect(value, name).toBe(THREE[name as keyof typeof THREE]);
  });
});
