/**
 * The typed-in function's draft (what the field holds) against the function in the setup: when
 * a change in the setup replaces what is being typed. The panel commits each draft that parses
 * a moment after the last key; that commit coming back must not put its older text over keys
 * typed since (on a busy machine they were lost: typing "log(x) + y^2" could end as "log(x)").
 */
import type { Domain } from '../../core/types.ts';
import type { CustomSurface } from '../../state/setup.ts';

function sameDomain(a: Domain, b: Domain): boolean {
  return a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];
}

export function sameCustom(a: CustomSurface | null, b: CustomSurface): boolean {
  return a !== null && a.expression === b.expression && sameDomain(a.domain, b.domain);
}

/**
 * Whether a function that arrived in the setup replaces the draft: yes when it came from elsewhere
 * (a link, a lesson, undo) and differs from the draft; no when it is the draft, or the last draft
 * the panel checked (and so committed) coming back while newer keys are in the field.
 */
export function replacesDraft(custom: CustomSurface, draft: CustomSurface, checked: CustomSurface): boolean {
  return !sameCustom(custom, draft) && !sameCustom(custom, checked);
}
