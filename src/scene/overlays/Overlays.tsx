/**
 * What each optimizer "feels" at its current point: the negative gradient (white),
 * the step actually taken (velocity, in the run's colour) for momentum-type
 * optimizers, and for adaptive ones the per-axis step as two axis-aligned bars
 * (Adam moves about lr along both axes whatever the gradient; SGD in proportion
 * to it). ArrowHelpers are created once per run and updated in useFrame.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color, Group, Vector3 } from 'three';
import { SolidArrow } from './arrow.ts';
import type { OptimizerId, Surface } from '../../core/types.ts';
import type { SceneRun } from '../pane/sceneRuns.ts';
import { appResults, playhead } from '../appBridge.ts';
import { useFrameRef } from '../useFrameRef.ts';
import { clampToDomain, type WorldFrame } from '../surface/heightMapping.ts';
import { sampleAt, type MappedField } from '../surface/mappedField.ts';
import { PATH_LIFT } from '../paths/runPathFrame.ts';

export interface OverlayFlags {
  readonly gradient: boolean;
  readonly velocity: boolean;
  readonly effectiveStep: boolean;
}

const MOMENTUM_TYPE: ReadonlySet<OptimizerId> = new Set(['momentum', 'nesterov', 'adam']);
const ADAPTIVE: ReadonlySet<OptimizerId> = new Set(['adagrad', 'rmsprop', 'adam']);

/** Arrow lengths in world units: never vanishing, never longer than ~a quarter of the surface. */
const MIN_LENGTH = 0.07;
const MAX_LENGTH = 0.5;

const gradient = new Float64Array(2);
const point = new Float64Array(2);
const scratch = new Float64Array(2);
const from = new Vector3();
const direction = new Vector3();

function liftedHeight(field: MappedField, frame: WorldFrame, x: number, y: number): number {
  return sampleAt(field, x, y, scratch) * frame.height + PATH_LIFT * 2;
}

function clampLength(length: number): number {
  return Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, length));
}

function RunOverlay({ run, surface, field, frame, flags }: { run: SceneRun; surface: Surface | null; field: MappedField; frame: WorldFrame; flags: OverlayFlags }) {
  const parts = useMemo(() => {
    const color = new Color(run.color);
    const make = (c: Color | number, thickness: number) => {
      const arrow = new SolidArrow(c, thickness);
      arrow.visible = false;
      return arrow;
    };
    return { gradient: make(0xffffff, 0.009), velocity: make(color, 0.009), barX: make(color.clone().lerp(new Color(0xffffff), 0.45), 0.006), barZ: make(color.clone().lerp(new Color(0xffffff), 0.45), 0.006), group: new Group() };
  }, [run.color]);
  useEffect(() => {
    const { group } = parts;
    group.add(parts.gradient, parts.velocity, parts.barX, parts.barZ);
    return () => {
      group.clear();
      for (const arrow of [parts.gradient, parts.velocity, parts.barX, parts.barZ]) arrow.dispose();
    };
  }, [parts]);

  // Typical gradient size on this surface, so arrow lengths read on every surface.
  const typicalGradient = useMemo(() => Math.max(1e-12, (field.mapping.max - field.mapping.min) / Math.max(field.domain.x[1] - field.domain.x[0], 1e-12)), [field]);

  const partsRef = useFrameRef(parts);

  useFrame(() => {
    const parts = partsRef.current;
    const result = appResults.runs.get(run.id);
    const showGradient = flags.gradient && surface !== null;
    const showVelocity = flags.velocity && MOMENTUM_TYPE.has(run.optimizer);
    const showBars = flags.effectiveStep && ADAPTIVE.has(run.optimizer);
    parts.group.visible = run.visible && result !== undefined && result.length > 0 && (showGradient || showVelocity || showBars);
    if (!parts.group.visible || !result) return;
    const last = Math.min(result.length - 1, run.lastStep ?? Number.POSITIVE_INFINITY);
    const k = Math.max(0, Math.min(Math.floor(playhead.stepAt(performance.now())), last));
    clampToDomain(result.x[k], result.y[k], field.domain, point);
    from.set(frame.toWorldX(point[0]), liftedHeight(field, frame, point[0], point[1]), frame.toWorldZ(point[1]));

    parts.gradient.visible = showGradient;
    if (showGradient && surface) {
      surface.gradient(point[0], point[1], gradient);
      const gx = -gradient[0];
      const gy = -gradient[1];
      const norm = Math.hypot(gx, gy);
      if (Number.isFinite(norm) && norm > 0) {
        // A short probe along −∇L gives the arrow the surface's slope.
        const probe = 0.05 / frame.scale;
        const px = point[0] + (gx / norm) * probe;
        const py = point[1] + (gy / norm) * probe;
        direction.set(frame.toWorldX(px) - from.x, liftedHeight(field, frame, px, py) - from.y, frame.toWorldZ(py) - from.z).normalize();
        parts.gradient.set(from, direction, clampLength(0.1 + 0.3 * (norm / (norm + typicalGradient))));
      } else {
        parts.gradient.visible = false;
      }
    }

    const next = Math.min(k + 1, last);
    const dx = (result.x[next] - result.x[k]) * frame.scale;
    const dz = -(result.y[next] - result.y[k]) * frame.scale;
    const stepLength = Math.hypot(dx, dz);
    const moving = next > k && Number.isFinite(stepLength) && stepLength > 0;
    parts.velocity.visible = showVelocity && moving;
    if (showVelocity && moving) {
      parts.velocity.set(from, direction.set(dx, 0, dz).normalize(), clampLength(stepLength));
    }
    parts.barX.visible = showBars && moving && dx !== 0;
    parts.barZ.visible = showBars && moving && dz !== 0;
    if (showBars && moving) {
      parts.barX.set(from, direction.set(Math.sign(dx), 0, 0), clampLength(Math.abs(dx)), 0.03);
      parts.barZ.set(from, direction.set(0, 0, Math.sign(dz)), clampLength(Math.abs(dz)), 0.03);
    }
  });
  return <primitive object={parts.group} />;
}

export function Overlays({ runs, surface, field, frame, flags }: { runs: readonly SceneRun[]; surface: Surface | null; field: MappedField; frame: WorldFrame; flags: OverlayFlags }) {
  if (!flags.gradient && !flags.velocity && !flags.effectiveStep) return null;
  return (
    <group name="overlays">
      {runs.map((run) => (
        <RunOverlay key={run.id} run={run} surface={surface} field={field} frame={frame} flags={flags} />
      ))}
    </group>
  );
}
