import type { OpenEmrHooks, PatientLink } from './types';

/**
 * Second line of patient scoping: every request already names the linked patient; anything that still comes back
 * for someone else (or for no one) is dropped and reported with ids only.
 */
export function keepOwn<T>(
  items: T[],
  ownerOf: (item: T) => { uuid?: string | null; pid?: string | null },
  link: PatientLink,
  ctx: { endpoint: string; resourceType: string; hooks: OpenEmrHooks },
): T[] {
  const kept: T[] = [];
  let dropped = 0;
  for (const item of items) {
    const o = ownerOf(item);
    const mine = o.uuid ? o.uuid === link.uuid : o.pid ? o.pid === link.pid : false;
    if (mine) kept.push(item);
    else dropped++;
  }
  if (dropped > 0) {
    const event = { kind: 'foreign-patient-record-dropped' as const, endpoint: ctx.endpoint, resourceType: ctx.resourceType, expectedPatient: link.uuid, count: dropped };
    try {
      ctx.hooks.onSecurityEvent?.(event);
    } finally {
      ctx.hooks.log?.warn(event, 'dropped records that belong to another patient');
    }
  }
  return kept;
}
