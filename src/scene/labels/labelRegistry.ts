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
  /** Higher wins when two labels would overlap (diverged marks, then axis titles, then ticks). */
  priority: number;
  /** Text box size (px), measured once per text and type size; null until measured. */
  size: { width: number; height: number } | null;
}

const projected = new Vector3();

/** Labels are a zero-size anchor (moved by the projection) holding one text element (aligned by CSS). */
function textTarget(element: HTMLElement): HTMLElement {
  return (element.firstElementChild as HTMLElement | null) ?? element;
}

export class LabelRegistry {
  private readonly slots = new Map<string, Slot>();
  private readonly refs = new Map<string, (element: HTMLElement | null) => void>();
  /** Slots by priority, highest first (rebuilt when a slot or a priority is added or changed). */
  private order: Slot[] | null = null;
  /** Boxes of the labels placed so far in this projection pass: [x0, y0, x1, y1] each. */
  private placed = new Float64Array(64 * 4);
  private lastWidth = 0;
  private lastHeight = 0;

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
      slot = { element: null, position: new Vector3(), visible: false, text: null, screenX: NaN, screenY: NaN, shown: false, priority: 1, size: null };
      this.slots.set(id, slot);
      this.order = null;
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
    slot.size = null;
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

  /** Which label gives way when two overlap: the lower priority is hidden for that frame. */
  setPriority(id: string, priority: number): void {
    const slot = this.slot(id);
    if (slot.priority === priority) return;
    slot.priority = priority;
    this.order = null;
  }

  /** The label's text box size in px (layout is read once and cached until its text or the pane size changes). */
  measure(id: string): { width: number; height: number } | null {
    const slot = this.slots.get(id);
    if (!slot?.element) return null;
    if (!slot.size) {
      const text = textTarget(slot.element);
      if (!text.textContent) return null;
      slot.size = { width: text.offsetWidth, height: text.offsetHeight };
    }
    return slot.size;
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
    slot.size = null;
    if (slot.element) textTarget(slot.element).textContent = text;
  }

  /**
   * Move every label to its projected position for this camera and canvas size (CSS px).
   * Labels that would overlap a label of higher priority, or stick out of the pane,
   * are hidden for this frame, so no two texts ever collide and none is cut off.
   */
  project(camera: Camera, width: number, height: number): void {
    if (width !== this.lastWidth || height !== this.lastHeight) {
      // A new pane size may come with a new type size (presentation mode): measure again.
      for (const slot of this.slots.values()) slot.size = null;
      this.lastWidth = width;
      this.lastHeight = height;
    }
    this.order ??= [...this.slots.values()].sort((a, b) => b.priority - a.priority);
    if (this.placed.length < this.order.length * 4) this.placed = new Float64Array(this.order.length * 8);
    let placedCount = 0;
    for (const slot of this.order) {
      const element = slot.element;
      if (!element) continue;
      projected.copy(slot.position).project(camera);
      let show = slot.visible && projected.z < 1 && projected.z > -1 && Number.isFinite(projected.x) && Number.isFinite(projected.y);
      const x = Math.round(((projected.x + 1) / 2) * width);
      const y = Math.round(((1 - projected.y) / 2) * height);
      if (show) {
        const box = this.boxAt(slot, element, x, y);
        if (box) {
          const [x0, y0, x1, y1] = box;
          if (x0 < 0 || y0 < 0 || x1 > width || y1 > height) show = false;
          for (let i = 0; show && i < placedCount; i++) {
            const o = i * 4;
            if (x0 < this.placed[o + 2] && x1 > this.placed[o] && y0 < this.placed[o + 3] && y1 > this.placed[o + 1]) show = false;
          }
          if (show) {
            this.placed.set(box, placedCount * 4);
            placedCount++;
          }
        }
      }
      if (!show) {
        if (slot.shown) element.style.visibility = 'hidden';
        slot.shown = false;
        continue;
      }
      if (x !== slot.screenX || y !== slot.screenY) {
        element.style.transform = `translate(${x}px, ${y}px)`;
        slot.screenX = x;
        slot.screenY = y;
      }
      if (!slot.shown) element.style.visibility = 'visible';
      slot.shown = true;
    }
  }

  /** The label's text box at anchor (x, y), from its measured size and its alignment class; null for empty text. */
  private boxAt(slot: Slot, element: HTMLElement, x: number, y: number): [number, number, number, number] | null {
    if (!slot.size) {
      const text = textTarget(element);
      if (!text.textContent) return null;
      slot.size = { width: text.offsetWidth, height: text.offsetHeight };
    }
    const { width: w, height: h } = slot.size;
    const classes = element.classList;
    // Mirrors scene.css: center, left, right and above alignments; diverged marks sit up and to the right.
    if (classes.contains('diverged')) return [x + 10, y - h, x + 10 + w, y];
    if (classes.contains('left')) return [x, y - h / 2, x + w, y + h / 2];
    if (classes.contains('right')) return [x - w, y - h / 2, x, y + h / 2];
    if (classes.contains('above')) return [x - w / 2, y - h, x + w / 2, y];
    return [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
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
