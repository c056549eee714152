import type { FastifyRequest } from 'fastify';
import type { Db, Knobs } from './types';
import type { TokenService } from './oauth/tokens';

export interface Client {
  id: string; secret: string; confidential: boolean; name: string; redirectUris: string[]; postLogoutUris: string[];
  scopes: string[]; needsApproval: boolean; registrationToken: string; issuedAt: number;
}

export interface Sim {
  db: Db;
  tz: string;
  knobs: Knobs;
  clients: Map<string, Client>;
  tokens: TokenService;
}

/** Absolute base as the client reached us; OpenEMR uses its configured site address the same way. */
export function baseUrl(req: FastifyRequest): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}
