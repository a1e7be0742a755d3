/**
 * The floor for `npm run bench:lighthouse`: the least a three.js page showing a
 * landscape can cost. One 256×256-segment mesh (the app's default surface
 * resolution), lit, drawn once and again on resize, under a heading (a
 * canvas-only page has no LCP element). Built by Vite like the app, so both are
 * minified and served the same way.
 */
import * as THREE from 'three';

const SEGMENTS = 256;

const canvas = document.getElementById('scene') as HTMLCanvasElement;
const renderer = new THREE.WebGLRenderer({ canvas, antialias: true });
renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
const scene = new THREE.Scene();
scene.background = new THREE.Color(0x0b0e13);
const camera = new THREE.PerspectiveCamera(45, 1, 0.01, 100);
camera.position.set(0, 2.2, 2.4);
camera.lookAt(0, 0, 0);

const geometry = new THREE.PlaneGeometry(2, 2, SEGMENTS, SEGMENTS);
geometry.rotateX(-Math.PI / 2);
const position = geometry.getAttribute('position');
for (let i = 0; i < position.count; i++) {
  const x = position.getX(i);
  const z = position.getZ(i);
  position.setY(i, 0.25 * (x * x + z * z) + 0.05 * Math.sin(4 * x) * Math.cos(4 * z));
}
geometry.computeVertexNormals();
scene.add(new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: 0x4d7fbf, roughness: 0.7 })));
scene.add(new THREE.AmbientLight(0xffffff, 0.6));
const light = new THREE.DirectionalLight(0xffffff, 1.2);
light.position.set(2, 4, 1);
scene.add(light);

function draw(): void {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  renderer.setSize(width, height, false);
  camera.aspect = width / Math.max(1, height);
  camera.updateProjectionMatrix();
  renderer.render(scene, camera);
}

new ResizeObserver(draw).observe(canvas);
