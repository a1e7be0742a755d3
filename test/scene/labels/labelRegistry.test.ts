import { OrthographicCamera } from 'three';
import { describe, expect, it } from 'vitest';
import { LabelRegistry } from '../../../src/scene/labels/labelRegistry.ts';

/** The bits of an HTMLElement the registry touches. */
function fakeElement() {
  return { style: { visibility: '', transform: '' }, textContent: '', firstElementChild: null } as unknown as HTMLElement;
}

describe('label registry', () => {
  it('moves a label to its projected pixel and hides it when asked', () => {
    const camera = new OrthographicCamera(-1, 1, 1, -1, 0.1, 10);
    camera.position.set(0, 0, 5);
    camera.updateMatrixWorld();
    const labels = new LabelRegistry();
    const element = fakeElement();
    labels.refFor('a')(element);
    labels.place('a', 0.5, -0.5, 0);
    labels.project(camera, 200, 100);
    expect(element.style.transform).toBe('translate(150px, 75px)');
    expect(element.style.visibility).toBe('visible');
    labels.hide('a');
    labels.project(camera, 200, 100);
    expect(element.style.visibility).toBe('hidden');
  });

  it('keeps the same ref callback per id and writes text only when it changes', () => {
    const labels = new LabelRegistry();
    expect(labels.refFor('x')).toBe(labels.refFor('x'));
    const element = fakeElement();
    labels.refFor('x')(element);
    labels.setText('x', 'diverged at step 7');
    expect(element.textContent).toBe('diverged at step 7');
  });
});
