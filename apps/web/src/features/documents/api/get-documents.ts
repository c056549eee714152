import { DocumentsResponse } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiUrl } from '../../../lib/api-client';

export type DocumentsData = z.infer<typeof DocumentsResponse>;

export const getDocuments = (signal?: AbortSignal): Promise<DocumentsData> => apiGet('/records/documents', DocumentsResponse, signal);

export const documentsQueryOptions = () =>
  queryOptions({ queryKey: ['records', 'documents'], queryFn: ({ signal }) => getDocuments(signal) });

export function useDocuments(): UseQueryResult<DocumentsData> {
  return useQuery(documentsQueryOptions());
}

export const documentContentUrl = (id: string): string => apiUrl(`/records/documents/${encodeURIComponent(id)}/content`);
