// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryView, type QueryLike } from './query-view';

afterEach(cleanup);
const q = (over: Partial<QueryLike<string[]>>): QueryLike<string[]> => ({ isPending: false, isError: false, isFetching: false, error: null, data: undefined, refetch: vi.fn(), ...over });
const view = (query: QueryLike<string[]>) =>
  render(<QueryView query={query} lines={3} isEmpty={(d) => d.length === 0} empty="No documents yet.">{(d) => <ul>{d.map((x) => <li key={x}>{x}</li>)}</ul>}</QueryView>);

describe('QueryView', () => {
  it('shows the loading placeholder, not content, while the query is pending', () => {
    view(q({ isPending: true }));
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText('No documents yet.')).toBeNull();
  });

  it('shows the failure with a retry that asks again', () => {
    const query = q({ isError: true, error: new Error('boom') });
    view(query);
    fireEvent.click(screen.getByRole('button', { name: /try again/i }));
    expect(query.refetch).toHaveBeenCalledTimes(1);
  });

  it('says so when there is nothing, and renders the data otherwise', () => {
    view(q({ data: [] }));
    expect(screen.getByText('No documents yet.')).toBeTruthy();
    cleanup();
    view(q({ data: ['visit-summary.pdf'] }));
    expect(screen.getByRole('listitem').textContent).toBe('visit-summary.pdf');
  });
});
