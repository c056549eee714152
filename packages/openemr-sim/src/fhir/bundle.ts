import type { FastifyRequest } from 'fastify';
import { baseUrl } from '../context';
import { nowLocal } from '../util/time';

export interface Item { pid: number | null; resource: Record<string, unknown> }

/** OpenEMR 7.0.2 Bundle: type collection, a self link without the query, no paging unless the knob asks for it. */
export function bundle(req: FastifyRequest, tz: string, items: Item[], pageSize?: number): Record<string, unknown> {
  const u = new URL(req.url, baseUrl(req));
  const self = `${u.origin}${u.pathname}`;
  const link: { relation: string; url: string }[] = [{ relation: 'self', url: self }];
  let page = items;
  if (pageSize && pageSize > 0) {
    const offset = Math.max(0, Number(u.searchParams.get('_offset') ?? 0) || 0);
    page = items.slice(offset, offset + pageSize);
    if (offset + pageSize < items.length) {
      const next = new URLSearchParams(u.searchParams);
      next.set('_offset', String(offset + pageSize));
      next.set('_page', String(Math.floor(offset / pageSize) + 2));
      link.push({ relation: 'next', url: `${self}?${next.toString()}` });
    }
  }
  const b: Record<string, unknown> = {
    meta: { lastUpdated: nowLocal(tz).replace(' ', 'T') }, resourceType: 'Bundle', type: 'collection', total: page.length, link,
  };
  if (pageSize && pageSize > 0) b.total = items.length;
  if (page.length) b.entry = page.map((i) => ({ fullUrl: `${self}/${String(i.resource.id)}`, resource: i.resource }));
  return b;
}

/** FHIR token parameter: "system|code" or "code", comma separated alternatives. */
export function tokenCodes(v: unknown): string[] | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  return v.split(',').map((t) => t.split('|').pop() ?? t);
}
