import { describe, expect, it } from '@jest/globals';
import type { GroupDepartmentGetListResponse18 } from '../../ocip/commands.js';
import { demoEngine, records, refusal, SP } from '../testing/fixtures.js';

const list = (includeEnterpriseDepartments: boolean, groupId = 'ApioGrpTest', serviceProviderId = SP) => ({
  $type: 'GroupDepartmentGetListRequest18',
  serviceProviderId,
  groupId,
  includeEnterpriseDepartments,
});
const table = (command: unknown) => (demoEngine().execute(command) as GroupDepartmentGetListResponse18).departmentTable;

describe('GroupDepartmentGetListRequest18', () => {
  it("lists the group's and the enterprise's departments with their full path", () => {
    const answer = table(list(true));
    expect(answer.headings).toEqual([
      'Is Enterprise Department',
      'Department Name',
      'Full Path Name',
      'Calling Line Id Name',
      'Calling Line Id Phone Number',
    ]);
    expect(records(answer)).toEqual([
      {
        'Is Enterprise Department': 'true',
        'Department Name': 'test_department_parent_1',
        'Full Path Name': 'test_department_parent_1',
        'Calling Line Id Name': '',
        'Calling Line Id Phone Number': '',
      },
      {
        'Is Enterprise Department': 'false',
        'Department Name': 'test_department_initial',
        'Full Path Name': 'test_department_parent_1 \\ test_department_initial',
        'Calling Line Id Name': '',
        'Calling Line Id Phone Number': '',
      },
    ]);
  });

  it('leaves enterprise departments out unless asked', () => {
    expect(records(table(list(false))).map((r) => r['Department Name'])).toEqual(['test_department_initial']);
    expect(table(list(true, 'ApioGrpTest2')).rows.map((r) => r[1])).toEqual(['test_department_parent_1']);
    expect(table(list(true, 'foogroup', 'foo')).rows).toEqual([]);
  });

  it('answers 4152 for an unknown group', () => {
    expect(refusal(demoEngine(), list(true, 'ghost'))).toEqual({
      code: 4152,
      summary: '[Error 4152] Group not found: ghost',
      unchanged: true,
    });
  });
});
