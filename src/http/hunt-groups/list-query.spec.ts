import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from '../../domain/errors.js';
import { listQueryOf, nextLink } from './list-query.js';

const problemsOf = (query: Record<string, unknown>): string[] => {
  try {
    listQueryOf(query);
    return [];
  } catch (e) {
    if (!(e instanceof ValidationFailed)) throw e;
    return e.problems.map((p) => p.field);
  }
};

describe('the hunt group list query', () => {
  it('is no page at all without its parameters (the whole list, as APIO answers)', () => {
    expect(listQueryOf({})).toBeUndefined();
  });

  it('defaults to the largest page from the start, by service user id, when only a filter is given', () => {
    expect(listQueryOf({ active: 'false' })).toEqual({
      limit: 2000,
      offset: 0,
      sort: [],
      filters: { active: false },
    });
  });

  it('reads sort keys in order, "-" descending', () => {
    expect(listQueryOf({ sort: 'name,-extension,phoneNumber' })?.sort).toEqual([
      { field: 'name', descending: false },
      { field: 'extension', descending: true },
      { field: 'phoneNumber', descending: false },
    ]);
  });

  it('names every bad parameter at once', () => {
    expect(problemsOf({ limit: '0', offset: '+1', sort: 'department', extension: '', active: 'TRUE' })).toEqual([
      'limit',
      'offset',
      'sort',
      'extension',
      'active',
    ]);
    expect(problemsOf({ sort: '' })).toEqual(['sort']);
    // BroadWorks' page starts at offset + 1, an xs:int: one more would be refused by its schema.
    expect(problemsOf({ offset: '2147483646' })).toEqual([]);
    expect(problemsOf({ offset: '2147483647' })).toEqual(['offset']);
    expect(problemsOf({ phoneNumber: ['+32', '+33'] })).toEqual(['phoneNumber']);
  });
});

describe('the next page link', () => {
  it('keeps the query and moves the offset by one page', () => {
    const url = '/api/v1/tenants/t/groups/g/services/hunt_groups?name=a%26b&offset=10&limit=5';
    expect(nextLink(url, { limit: 5, offset: 10 })).toBe(
      '</api/v1/tenants/t/groups/g/services/hunt_groups?name=a%26b&offset=15&limit=5>; rel="next"',
    );
  });
});
