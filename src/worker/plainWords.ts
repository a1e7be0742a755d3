/**
 * Engine messages in words a person can act on. Core's validateSpec starts each
 * error with the field's name ("lr must be a positive finite number (got -1)");
 * here the name becomes the label the controls show.
 */
import { HYPER_PARAMETER_KEYS, HYPER_PARAMETERS } from '../core/index.ts';

/** Spec fields by name; hyper-parameters by their label in core's table, so a new one needs no entry here. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  spec: 'The run settings',
  surface: 'The surface',
  optimizer: 'The optimizer',
  lr: 'The learning rate',
  steps: 'The number of steps',
  start: 'The start point',
  ...Object.fromEntries(HYPER_PARAMETER_KEYS.map((key) => [key, HYPER_PARAMETERS[key].label])),
  schedule: 'The learning-rate schedule',
  datasetSize: 'The data set size',
  batchSize: 'The batch size',
  noise: 'The noise',
  seed: 'The seed',
};

/** "lr must be …" → "The learning rate must be ….". Messages that do not start with a field name pass through. */
export function plainSpecError(message: string): string {
  const match = /^(\w+)\s+(.*)$/s.exec(message);
  const label = match && Object.hasOwn(FIELD_LABELS, match[1]) ? FIELD_LABELS[match[1]] : null;
  const text = label && match ? `${label} ${match[2]}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The message of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error) return error;
  return 'no details';
}
