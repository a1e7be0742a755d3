/**
 * The shareable link: `#v=1&s=<base64url of the setup's JSON>`, plus
 * `&chart=grad,lr` when the chart's toggles differ from their defaults (they
 * belong to the page, not the setup, but a copied link keeps every view
 * toggle). Reading one never throws: the text is decoded, parsed and repaired
 * field by field (repair.ts), and the notice names what had to change
 * (problems.ts); an unknown chart token is ignored.
 */
import { HYPER_PARAMETER_KEYS, MAX_LINK_LENGTH, OPTIMIZERS } from '../core/index.ts';
import { defaultSetup } from './defaults.ts';
import { describeProblems } from './problems.ts';
import { validateSetup, type ValidatedSetup } from './repair.ts';
import type { Setup } from './setup.ts';
import { DEFAULT_CHART, type ChartSeries } from './store/uiSlice.ts';

/** Version written into every link; bump it when the schema changes incompatibly. */
export const LINK_VERSION = 1;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The setup as a link carries it: each run keeps only the hyper-parameters its optimizer
 * uses (reading fills the others with the table's defaults, quietly), so a link stays short
 * however many hyper-parameters the optimizer table grows.
 */
function linkPayload(setup: Setup): unknown {
  return {
    ...setup,
    runs: setup.runs.map((run) => {
      const used = new Set<string>(OPTIMIZERS[run.optimizer].hyperParameters.map((parameter) => parameter.key));
      return Object.fromEntries(Object.entries(run).filter(([key]) => used.has(key) || !(HYPER_PARAMETER_KEYS as readonly string[]).includes(key)));
    }),
  };
}

/** The hash fragment (with "#") that carries `setup`. */
export function encodeSetup(setup: Setup): string {
  return `#v=${LINK_VERSION}&s=${toBase64Url(JSON.stringify(linkPayload(setup)))}`;
}

/** A full shareable URL: `base` (page address) without its old hash, plus the setup's hash. */
export function setupLink(base: string, setup: Setup): string {
  const hashAt = base.indexOf('#');
  return `${hashAt === -1 ? base : base.slice(0, hashAt)}${encodeSetup(setup)}`;
}

/** The result of reading a link: null when the hash carries no setup at all. */
export interface DecodedLink extends ValidatedSetup {
  /** The notice to show, or null when the link was clean. */
  readonly notice: string | null;
}

/** The default setup, with a notice saying why the link gave nothing usable. */
function unusable(notice: string): DecodedLink {
  return { setup: defaultSetup(), problems: [{ path: [], fix: 'replaced' }], notice };
}

/**
 * Read a location hash ("#v=1&s=…"). Returns null when there is no `s` field
 * (so a persisted session may be used instead). Never throws.
 */
export function decodeSetupHash(hash: string): DecodedLink | null {
  try {
    if (typeof hash !== 'string') return null;
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    if (text.length > MAX_LINK_LENGTH) return unusable('This link is too long to be a Descent Lab setup; the default setup is shown instead.');
    const params = new URLSearchParams(text);
    const encoded = params.get('s');
    if (encoded === null) return null;
    const version = params.get('v');
    const json = fromBase64Url(encoded);
    let parsed: unknown = undefined;
    if (json !== null) {
      try {
        parsed = JSON.parse(json);
      } catch {
        parsed = undefined;
      }
    }
    if (parsed === undefined) return unusable('This link is damaged (it may have been cut short); the default setup is shown instead.');
    const result = validateSetup(parsed);
    const notices: string[] = [];
    if (version !== String(LINK_VERSION)) notices.push(`This link was made by another version of Descent Lab (v=${(version ?? 'none').slice(0, 8)}); what could be read was kept.`);
    if (result.problems.length > 0) notices.push(describeProblems(result.problems));
    return { ...result, notice: notices.length ? notices.join(' ') : null };
  } catch {
    return unusable('This link could not be read; the default setup is shown instead.');
  }
}

// ---------------------------------------------------------------- the chart's toggles

export const CHART_PARAM = 'chart';
/** Each toggle's word in the link; `linear` stands for a chart whose log scale is off. */
const CHART_TOKENS: Readonly<Record<keyof ChartSeries, string>> = { logY: 'log', gradNorm: 'grad', learningRate: 'lr' };
const CHART_KEYS = Object.keys(CHART_TOKENS) as (keyof ChartSeries)[];

/** "&chart=log,grad": every toggle that is on, or '' when all are at their defaults (links stay as they were). */
export function encodeChartToggles(chart: ChartSeries): string {
  if (CHART_KEYS.every((key) => chart[key] === DEFAULT_CHART[key])) return '';
  const on = CHART_KEYS.filter((key) => chart[key]).map((key) => CHART_TOKENS[key]);
  return `&${CHART_PARAM}=${on.length > 0 ? on.join(',') : 'linear'}`;
}

/** The chart toggles a hash carries (every toggle, off unless named), or null when it names none. Never throws. */
export function decodeChartToggles(hash: string): ChartSeries | null {
  try {
    if (typeof hash !== 'string') return null;
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    if (text.length > MAX_LINK_LENGTH) return null;
    const raw = new URLSearchParams(text).get(CHART_PARAM);
    if (raw === null) return null;
    const tokens = new Set(raw.split(',').slice(0, 8));
    return Object.fromEntries(CHART_KEYS.map((key) => [key, tokens.has(CHART_TOKENS[key])])) as unknown as ChartSeries;
  } catch {
    return null;
  }
}
