import type { Practitioner } from '@medplum/fhirtypes';
import type { FhirClient } from './fhir-client';

/**
 * Provider display names by Practitioner uuid. OpenEMR 7.0.2's appointment list and MedicationRequest carry only the
 * provider's uuid, so names are read once per uuid and kept for the life of the client (staff names, not PHI; a
 * clinic has few). A failed read yields null rather than failing the patient's list.
 */
export class PractitionerNames {
  private readonly cache = new Map<string, Promise<string | null>>();

  constructor(private readonly fhir: FhirClient) {}

  name(uuid: string | null | undefined): Promise<string | null> {
    if (!uuid) return Promise.resolve(null);
    let p = this.cache.get(uuid);
    if (!p) {
      p = this.fhir.read<Practitioner>('Practitioner', uuid).then(displayName, () => {
        this.cache.delete(uuid); // do not remember a transient failure
        return null;
      });
      this.cache.set(uuid, p);
    }
    return p;
  }
}

export function displayName(p: Practitioner): string | null {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return null;
  if (n.text?.trim()) return n.text.trim();
  const parts = [...(n.prefix ?? []), ...(n.given ?? []), n.family ?? ''].map((s) => s.trim()).filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}
