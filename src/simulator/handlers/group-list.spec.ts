import { describe, expect, it } from '@jest/globals';
import type { GroupGetListInServiceProviderResponse } from '../../ocip/commands.js';
import { demoEngine, records, refusal } from '../testing/fixtures.js';

const list = (serviceProviderId: string, responseSizeLimit?: number) => ({
  $type: 'GroupGetListInServiceProviderRequest',
  serviceProviderId,
  ...(responseSizeLimit !== undefined ? { responseSizeLimit } : {}),
});

describe('GroupGetListInServiceProviderRequest', () => {
  it("lists the enterprise's groups by id, with their name and user limit", () => {
    const answer = demoEngine().execute(list('ApioSpTest')) as GroupGetListInServiceProviderResponse;
    expect(answer.groupTable.headings).toEqual(['Group Id', 'Group Name', 'User Limit']);
    expect(records(answer.groupTable).map((r) => r['Group Id'])).toEqual(['ApioGrpTest', 'ApioGrpTest2']);
    expect(records(answer.groupTable)[0]).toMatchObject({ 'Group Name': 'APIO Test Group', 'User Limit': '100' });
  });

  it('lists only the groups of the service provider asked, and at most responseSizeLimit', () => {
    const engine = demoEngine();
    const foo = engine.execute(list('foo')) as GroupGetListInServiceProviderResponse;
    expect(records(foo.groupTable).map((r) => r['Group Id'])).toEqual(['foogroup']);
    const one = engine.execute(list('ApioSpTest', 1)) as GroupGetListInServiceProviderResponse;
    expect(one.groupTable.rows).toHaveLength(1);
  });

  it('refuses an unknown service provider', () => {
    expect(refusal(demoEngine(), list('nobody'))).toMatchObject({ code: 4002, unchanged: true });
  });
});
