/**
 * The learner's guess for a "click where you think this run ends" question: a
 * magenta ring on the surface with a short stem, where they clicked (or typed the
 * point). It stays after the reveal, so the guess and the run's real end can be
 * compared.
 */
import { useEffect, useMemo } from 'react';
import { CylinderGeometry, MeshBasicMaterial, SphereGeometry, TorusGeometry, Vector3 } from 'three';
import { GUESS_COLOR } from '../../view/runColors.ts';
import { useAppStore } from '../appBridge.ts';
import { clampToDomain, type WorldFrame } from '../surface/heightMapping.ts';
import { sampleAt, type MappedField } from '../surface/mappedField.ts';

const STEM = 0.12;
const ringGeometry = new TorusGeometry(0.07, 0.012, 8, 40);
const stemGeometry = new CylinderGeometry(0.006, 0.006, STEM, 8);
const headGeometry = new SphereGeometry(0.026, 16, 12);

export function GuessMarker({ field, frame }: { field: MappedField; frame: WorldFrame }) {
  const point = useAppStore((s) => {
    const session = s.lesson;
    if (!session || session.lesson.stages[session.stage].question?.kind !== 'click') return null;
    return session.clickGuess;
  });
  const material = useMemo(() => new MeshBasicMaterial({ color: GUESS_COLOR, depthTest: false, transparent: true }), []);
  useEffect(() => () => material.dispose(), [material]);
  const position = useMemo(() => {
    if (!point) return null;
    const scratch = [0, 0];
    clampToDomain(point[0], point[1], field.domain, scratch);
    const t = sampleAt(field, scratch[0], scratch[1], [0, 0]);
    return new Vector3(frame.toWorldX(scratch[0]), t * frame.height, frame.toWorldZ(scratch[1]));
  }, [point, field, frame]);
  if (!position) return null;
  return (
    <group position={position} name="guess-marker" renderOrder={5}>
      <mesh geometry={ringGeometry} material={material} rotation-x={Math.PI / 2} position-y={0.01} renderOrder={5} />
      <mesh geometry={stemGeometry} material={material} position-y={STEM / 2} renderOrder={5} />
      <mesh geometry={headGeometry} material={material} position-y={STEM} renderOrder={5} />
    </group>
  );
}
