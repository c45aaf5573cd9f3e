import { describe, expect, it } from '@jest/globals';
import { GroupHuntGroupAddInstanceRequest20 } from '../schema.js';
import { OciEncodingError, OciWriteError } from './protocol-errors.js';
import { encodeDocument } from './xml-escape.js';
import { readDocument } from './xml-reader.js';
import { writeDocument, type OciDocumentCommand } from './xml-writer.js';

const write = (...commands: OciDocumentCommand[]): string => writeDocument('sess-1', commands);
/** Element names directly inside the first <command>, in document order. */
const topLevelNames = (xml: string): string[] => {
  const body = /<command[^>]*>([\s\S]*)<\/command>/.exec(xml)?.[1] ?? '';
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
};

describe('writeDocument: envelope', () => {
  it('writes the declaration and envelope exactly as OCI-P.md shows', () => {
    const xml = write({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'sales@example.com' });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n' +
        '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<sessionId xmlns="">sess-1</sessionId>' +
        '<command xsi:type="GroupHuntGroupGetInstanceRequest20" xmlns=""><serviceUserId>sales@example.com</serviceUserId></command>' +
        '</BroadsoftDocument>',
    );
  });

  it('writes the trackingId after the session id and before the commands (R25 OCIMessage), escaped', () => {
    const command = { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'sales@example.com' };
    const xml = writeDocument('sess-1', [command], { trackingId: 'portal-7f3a.42&x' });
    expect(xml).toContain(
      '<sessionId xmlns="">sess-1</sessionId><trackingId xmlns="">portal-7f3a.42&amp;x</trackingId><command ',
    );
    expect(readDocument(xml).trackingId).toBe('portal-7f3a.42&x');
    expect(readDocument(write(command)).trackingId).toBeUndefined();
  });

  it('refuses a trackingId that is not a NonEmptyToken (empty, line breaks, leading, trailing or double spaces)', () => {
    const command = { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'sales@example.com' };
    for (const bad of ['', ' a', 'a ', 'a  b', 'a\nb', 'a\tb']) {
      expect(() => writeDocument('sess-1', [command], { trackingId: bad })).toThrow(OciWriteError);
    }
    expect(() => writeDocument('sess-1', [command], { trackingId: 'a b' })).not.toThrow();
  });

  it('puts SuccessResponse and ErrorResponse in namespace C with echo and the type attribute', () => {
    const xml = write(
      { $type: 'SuccessResponse', echo: '' },
      {
        $type: 'ErrorResponse',
        echo: 'x"1',
        level: 'Warning',
        summary: '[Error 4008] User not found',
        summaryEnglish: 'User not found',
      },
    );
    expect(xml).toContain('<command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>');
    expect(xml).toContain('<command echo="x&quot;1" xsi:type="c:ErrorResponse" xmlns:c="C" type="Warning" xmlns="">');
  });

  it('defaults ErrorResponse type to Error and leaves echo out when there is none', () => {
    const xml = write({ $type: 'ErrorResponse', summary: 's', summaryEnglish: 's' });
    expect(xml).toContain('<command xsi:type="c:ErrorResponse" xmlns:c="C" type="Error" xmlns="">');
    expect(xml).not.toContain('echo=');
  });

  it('writes an empty command as a self-closed element', () => {
    expect(write({ $type: 'VerifySessionIsValidRequest' })).toContain(
      '<command xsi:type="VerifySessionIsValidRequest" xmlns=""/>',
    );
  });
});

describe('writeDocument: schema order and values', () => {
  it('writes elements in schema order whatever the key order of the object', () => {
    // Keys deliberately reversed relative to the schema.
    const command = {
      networkClassOfService: 'Premium',
      applyGroupBusyWhenTerminatingToAgent: false,
      enableGroupBusy: false,
      allowMembersToControlGroupBusy: false,
      makeBusyWhenNotReachable: false,
      enableNotReachableForwarding: false,
      includeHuntGroupNameInCLID: true,
      useSystemHuntGroupCLIDSetting: true,
      allowCallWaitingForAgents: false,
      agentUserId: ['a@example.com', 'b@example.com'],
      forwardTimeoutSeconds: 0,
      forwardAfterTimeout: false,
      noAnswerNumberOfRings: 5,
      huntAfterNoAnswer: true,
      policy: 'Regular',
      serviceInstanceProfile: { callingLineIdFirstName: 'F', callingLineIdLastName: 'L', name: 'N' },
      serviceUserId: 'hg@example.com',
      groupId: 'g',
      serviceProviderId: 'sp',
      $type: 'GroupHuntGroupAddInstanceRequest20',
    };
    const xml = write(command);
    const expected = GroupHuntGroupAddInstanceRequest20.elements
      .map((e) => e.name)
      .filter((n) => n in command)
      .flatMap((n) => (n === 'agentUserId' ? [n, n] : [n]));
    expect(topLevelNames(xml)).toEqual(expected);
    expect(xml).toContain(
      '<serviceInstanceProfile><name>N</name><callingLineIdLastName>L</callingLineIdLastName><callingLineIdFirstName>F</callingLineIdFirstName></serviceInstanceProfile>',
    );
  });

  it('writes booleans as true/false, integers as digits, and leaves undefined optionals out', () => {
    const xml = write({
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'hg@example.com',
      huntAfterNoAnswer: false,
      noAnswerNumberOfRings: 12,
      enableGroupBusy: true,
      policy: undefined,
    });
    expect(xml).toContain(
      '<huntAfterNoAnswer>false</huntAfterNoAnswer><noAnswerNumberOfRings>12</noAnswerNumberOfRings><enableGroupBusy>true</enableGroupBusy>',
    );
    expect(xml).not.toContain('<policy');
  });

  it('writes null as xsi:nil on nillable elements, nested ones included', () => {
    const xml = write({
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'hg@example.com',
      serviceInstanceProfile: { department: null, phoneNumber: null },
      agentUserIdList: null,
    });
    expect(xml).toContain(
      '<serviceInstanceProfile><phoneNumber xsi:nil="true"/><department xsi:nil="true"/></serviceInstanceProfile>',
    );
    expect(xml).toContain('<agentUserIdList xsi:nil="true"/>');
  });

  it('refuses null on a non-nillable element with a programming error', () => {
    expect(() =>
      write({ $type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: 'hg@example.com', policy: null }),
    ).toThrow(OciWriteError);
    expect(() =>
      write({
        $type: 'GroupHuntGroupModifyInstanceRequest',
        serviceUserId: 'hg@example.com',
        serviceInstanceProfile: { name: null },
      }),
    ).toThrow(/serviceInstanceProfile\.name is not nillable/);
  });

  it('writes xsi:type on abstract department keys', () => {
    const xml = write({
      $type: 'GroupHuntGroupGetAvailableUserListRequest',
      serviceProviderId: 'ent',
      groupId: 'g',
      searchCriteriaExactUserDepartment: {
        departmentKey: { name: 'Support', serviceProviderId: 'ent', $type: 'EnterpriseDepartmentKey' },
      },
    });
    expect(xml).toContain(
      '<searchCriteriaExactUserDepartment><departmentKey xsi:type="EnterpriseDepartmentKey"><serviceProviderId>ent</serviceProviderId><name>Support</name></departmentKey></searchCriteriaExactUserDepartment>',
    );
  });

  it('refuses a department without a known $type', () => {
    const profile = {
      name: 'n',
      callingLineIdLastName: 'l',
      callingLineIdFirstName: 'f',
      department: { serviceProviderId: 'sp', name: 'd' },
    };
    expect(() => write({ $type: 'GroupHuntGroupAddInstanceRequest20', serviceInstanceProfile: profile })).toThrow(
      /GroupDepartmentKey \| EnterpriseDepartmentKey/,
    );
  });

  it('writes tables as colHeading+ then row(col+)', () => {
    const xml = write({
      $type: 'GroupHuntGroupGetInstanceListResponse',
      huntGroupTable: {
        headings: ['Name', 'Policy'],
        rows: [
          ['a', 'Regular'],
          ['b', ''],
        ],
      },
    });
    expect(xml).toContain(
      '<huntGroupTable><colHeading>Name</colHeading><colHeading>Policy</colHeading><row><col>a</col><col>Regular</col></row><row><col>b</col><col/></row></huntGroupTable>',
    );
  });

  it.each([
    [{ $type: 'NoSuchRequest' }, /Unknown OCI-P command type/],
    [{ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: 'x', bogus: 1 }, /bogus is not an element/],
    [
      { $type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: 'x', noAnswerNumberOfRings: 1.5 },
      /must be an integer/,
    ],
    [
      { $type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: 'x', enableGroupBusy: 'true' },
      /must be a boolean/,
    ],
    [{ $type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: 42 }, /must be a string/],
    [{ $type: 'GroupHuntGroupAddInstanceRequest20', agentUserId: 'a@example.com' }, /must be an array/],
    [{ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: ['a'] }, /must not be an array/],
    [
      { $type: 'GroupHuntGroupGetInstanceListResponse', huntGroupTable: { headings: ['a'], rows: [[1]] } },
      /must be a table/,
    ],
  ])('refuses misuse: %j', (command, message) => {
    expect(() => write(command)).toThrow(OciWriteError);
    expect(() => write(command)).toThrow(message);
  });
});

describe('writeDocument: escaping and ISO-8859-1', () => {
  const name = (value: string): string => write({ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: value });

  it('escapes the five markup characters, including ]]> and quotes', () => {
    expect(name(`a<b>&"c"'d']]>`)).toContain(
      '<serviceUserId>a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;]]&gt;</serviceUserId>',
    );
  });

  it('keeps ISO-8859-1 characters as single bytes and references everything above', () => {
    const xml = name('é€😀');
    expect(xml).toContain('<serviceUserId>é&#8364;&#128512;</serviceUserId>');
    const wire = encodeDocument(xml);
    const value = wire.subarray(wire.indexOf('<serviceUserId>') + 15, wire.indexOf('</serviceUserId>'));
    expect([...value]).toEqual([0xe9, ...Buffer.from('&#8364;&#128512;', 'ascii')]);
  });

  it('references CR so parsers do not turn it into LF, and keeps tab and LF in text', () => {
    expect(name('a\r\nb\tc')).toContain('<serviceUserId>a&#13;\nb\tc</serviceUserId>');
  });

  it.each(['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uD800', '\uFFFE'])(
    'refuses %j with OciEncodingError',
    (ch) => {
      expect(() => name(`bad${ch}name`)).toThrow(OciEncodingError);
    },
  );

  it('escapes attribute values, whitespace included', () => {
    const xml = write({ $type: 'SuccessResponse', echo: `<&>"'\t\n€` });
    expect(xml).toContain('echo="&lt;&amp;&gt;&quot;&apos;&#9;&#10;&#8364;"');
  });

  it('encodeDocument refuses text that still holds characters above 0xFF', () => {
    expect(() => encodeDocument('<a>€</a>')).toThrow(OciEncodingError);
    // The whole code point is named, past a surrogate pair.
    expect(() => encodeDocument('<a>ok \u{1F600}</a>')).toThrow(/U\+1F600 is not ISO-8859-1/);
    expect([...encodeDocument('<a>é</a>')]).toEqual([
      ...Buffer.from('<a>', 'ascii'),
      0xe9,
      ...Buffer.from('</a>', 'ascii'),
    ]);
  });
});
