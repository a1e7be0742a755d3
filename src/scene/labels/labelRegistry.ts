/**
 * HTML labels pinned to points of the 3D scene (axis ticks, "diverged at step k"):
 * plain DOM elements in an overlay, moved by one projection pass per rendered
 * frame. Cheaper than a React root per label, crisp at any size, and easy to copy
 * into an exported PNG.
 */
import { Vector3, type Camera } from 'three';

interface Slot {
  element: HTMLElement | null;
  readonly position: Vector3;
  visible: boolean;
  text: string | null;
  /** Last written screen position (px), to skip unchanged style writes. */
  screenX: number;
  screenY: number;
  shown: boolean;
}

const projected = new Vector3();

/** Labels are a zero-size anchor (moved by the projection) holding one text element (aligned by CSS). */
function textTarget(element: HTMLElement): HTMLElement {
  return (element.firstElementChild as HTMLElement | null) ?? element;
}

export class LabelRegistry {
  private readonly slots = new Map<string, Slot>();
  private readonly refs = new Map<string, (element: HTMLElement | null) => void>();

  /** A stable ref callback for the label `id` (so React does not detach and re-attach it on every render). */
  refFor(id: string): (element: HTMLElement | null) => void {
    let ref = this.refs.get(id);
    if (!ref) {
      ref = (element) => this.attach(id, element);
      this.refs.set(id, ref);
    }
    return ref;
  }

  private slot(id: string): Slot {
    let slot = this.slots.get(id);
    if (!slot) {
      slot = { element: null, position: new Vector3(), visible: false, text: null, screenX: NaN, screenY: NaN, shown: false };
      this.slots.set(id, slot);
    }
    return slot;
  }

  /** Ref callback for the label's element. */
  attach(id: string, element: HTMLElement | null): void {
    const slot = this.slot(id);
    if (slot.element === element) return;
    slot.element = element;
    slot.screenX = NaN;
    slot.shown = false;
    if (element) {
      element.style.visibility = 'hidden';
      if (slot.text !== null) textTarget(element).textContent = slot.text;
    }
  }

  /** Place a label (world coordinates). Allocation-free; safe to call every frame. */
  place(id: string, x: number, y: number, z: number, visible = true): void {
    const slot = this.slot(id);
    slot.position.set(x, y, z);
    slot.visible = visible;
  }

  hide(id: string): void {
    const slot = this.slots.get(id);
    if (slot) slot.visible = false;
  }

  /** Change a label's text; writes the DOM only when it differs. */
  setText(id: string, text: string): void {
    const slot = this.slot(id);
    if (slot.text === text) return;
    slot.text = text;
    if (slot.element) textTarget(slot.element).textContent = text;
  }

  /** Move every label to its projected position for this camera and canvas size (CSS px). */
  project(camera: Camera, width: number, height: number): void {
    for (const slot of this.slots.values()) {
      const element = slot.element;
      if (!element) continue;
      projected.copy(slot.position).project(camera);
      const inView = slot.visible && projected.z < 1 && projected.z > -1 && Number.isFinite(projected.x) && Number.isFinite(projected.y);
      if (!inView) {
        if (slot.shown) element.style.visibility = 'hidden';
        slot.shown = false;
        continue;
      }
      const x = Math.round(((projected.x + 1) / 2) * width);
      const y = Math.round(((1 - projected.y) / 2) * height);
      if (x !== slot.screenX || y !== slot.screenY) {
        element.style.transform = `translate(${x}px, ${y}px)`;
        slot.screenX = x;
        slot.screenY = y;
      }
      if (!slot.shown) element.style.visibility = 'visible';
      slot.shown = true;
    }
  }

  /** Draw the visible labels onto a 2D context whose origin is the pane's top-left corner (PNG export). */
  draw(context: CanvasRenderingContext2D, origin: DOMRect): void {
    for (const slot of this.slots.values()) {
      if (!slot.element || !slot.shown) continue;
      const element = textTarget(slot.element);
      if (!element.textContent) continue;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      context.fillStyle = style.color;
      context.textBaseline = 'middle';
      context.textAlign = 'left';
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(15, 17, 23, 0.85)';
      const x = rect.left - origin.left + parseFloat(style.paddingLeft || '0');
      const y = rect.top - origin.top + rect.height / 2;
      context.strokeText(element.textContent, x, y);
      context.fillText(element.textContent, x, y);
    }
  }
}
