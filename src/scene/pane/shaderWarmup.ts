/**
 * Shaders are compiled before they are first drawn, and the frame waits (without
 * blocking) until the GPU has worked through them. three.js compiles a material's
 * program when an object first draws with it, and the first draw then waits for the
 * link to finish: on a slow GPU (software WebGL here: 0.1–0.6 s per pane) that is one
 * long main-thread task. `WebGLRenderer.compile` only issues the compile and link
 * commands; a fence after them, polled from later tasks, tells when they are done
 * (browsers without KHR_parallel_shader_compile, such as SwiftShader, give no other
 * way to ask without waiting).
 */
import type { Camera, Object3D, WebGLRenderer } from 'three';
import { sceneCounters } from './sceneCounters.ts';

/** The longest a frame is held for new shaders; after that it draws (and waits) anyway. */
const MAX_HOLD_MS = 3000;

export interface ShaderWarmup {
  /**
   * Whether the scene can be drawn now without first linking shaders. When objects
   * were added since the last call, compiles their programs and returns false until
   * the GPU has caught up; call again from a later task.
   */
  ready(renderer: WebGLRenderer, scene: Object3D, camera: Camera): boolean;
  dispose(): void;
}

function countObjects(scene: Object3D): number {
  let count = 0;
  scene.traverse(() => count++);
  return count;
}

export function createShaderWarmup(): ShaderWarmup {
  let objects = -1;
  let fence: WebGLSync | null = null;
  let context: WebGL2RenderingContext | null = null;
  let holdUntil = 0;
  // While a fence is pending the frame is held: counted in sceneCounters().holding, so that tests
  // do not take a quiet frame counter for the latest state on screen.
  const release = () => {
    if (fence === null) return;
    context?.deleteSync(fence);
    fence = null;
    sceneCounters().holding--;
  };
  return {
    ready(renderer, scene, camera) {
      if (fence && context) {
        if (context.getSyncParameter(fence, context.SYNC_STATUS) !== context.SIGNALED && performance.now() < holdUntil) return false;
        release();
        // A program's first use asks the GPU process for its link status and uniforms: calls
        // that wait until the GPU has worked through everything queued before them. Asked now,
        // just after the fence, they wait for little; asked at the program's first draw, in
        // the middle of a heavy load (16 long paths on software WebGL), one waited 0.5–0.8 s.
        for (const program of renderer.info.programs ?? []) program.getUniforms();
        // Objects added while the GPU was busy are compiled now, before the frame.
      }
      const count = countObjects(scene);
      if (count === objects) return true;
      objects = count;
      const programs = renderer.info.programs?.length ?? 0;
      renderer.compile(scene, camera);
      const gl = renderer.getContext();
      if ((renderer.info.programs?.length ?? 0) === programs || typeof WebGL2RenderingContext !== 'function' || !(gl instanceof WebGL2RenderingContext)) return true;
      context = gl;
      fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      if (fence !== null) sceneCounters().holding++;
      gl.flush();
      holdUntil = performance.now() + MAX_HOLD_MS;
      return fence === null;
    },
    dispose: release,
  };
}
