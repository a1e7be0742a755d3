/**
 * A solid arrow (cylinder shaft, cone head) for the overlays: visible on a
 * projector, unlike ArrowHelper's 1-pixel line. Drawn over the surface (no depth
 * test) so an arrow that dips into a valley stays readable. Allocation-free updates.
 */
import { ConeGeometry, CylinderGeometry, Group, Mesh, MeshBasicMaterial, Quaternion, Vector3, type ColorRepresentation } from 'three';

const shaftGeometry = new CylinderGeometry(1, 1, 1, 10).translate(0, 0.5, 0);
const headGeometry = new ConeGeometry(1, 1, 14).translate(0, -0.5, 0);
const up = new Vector3(0, 1, 0);
const rotation = new Quaternion();

export class SolidArrow extends Group {
  private readonly shaft: Mesh;
  private readonly head: Mesh;
  private readonly material: MeshBasicMaterial;
  private readonly outlineMaterial: MeshBasicMaterial;
  private readonly shaftOutline: Mesh;
  private readonly headOutline: Mesh;

  /** `thickness` is the shaft radius in world units; a dark outline keeps light arrows readable on light ground. */
  constructor(color: ColorRepresentation, private readonly thickness = 0.009) {
    super();
    this.material = new MeshBasicMaterial({ color, depthTest: false, transparent: true });
    this.outlineMaterial = new MeshBasicMaterial({ color: 0x0b0d12, depthTest: false, transparent: true, opacity: 0.85 });
    this.shaft = new Mesh(shaftGeometry, this.material);
    this.head = new Mesh(headGeometry, this.material);
    this.shaftOutline = new Mesh(shaftGeometry, this.outlineMaterial);
    this.headOutline = new Mesh(headGeometry, this.outlineMaterial);
    this.shaftOutline.renderOrder = 10;
    this.headOutline.renderOrder = 10;
    this.shaft.renderOrder = 11;
    this.head.renderOrder = 11;
    this.add(this.shaftOutline, this.headOutline, this.shaft, this.head);
  }

  /** Point from `from` along the unit vector `direction` for `length` world units. */
  set(from: Vector3, direction: Vector3, length: number, headLength = Math.min(0.07, length * 0.45)): void {
    this.position.copy(from);
    this.quaternion.copy(rotation.setFromUnitVectors(up, direction));
    const shaftLength = Math.max(1e-4, length - headLength);
    this.shaft.scale.set(this.thickness, shaftLength, this.thickness);
    this.head.scale.set(this.thickness * 2.8, headLength, this.thickness * 2.8);
    this.head.position.set(0, length, 0);
    const outline = this.thickness * 0.9;
    this.shaftOutline.scale.set(this.thickness + outline, shaftLength, this.thickness + outline);
    this.headOutline.scale.set(this.thickness * 2.8 + outline * 1.5, headLength + outline * 2, this.thickness * 2.8 + outline * 1.5);
    this.headOutline.position.set(0, length + outline, 0);
  }

  dispose(): void {
    this.material.dispose();
    this.outlineMaterial.dispose();
  }
}
