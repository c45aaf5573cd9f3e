import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { OciParseError } from './protocol-errors.js';
import { readInfoOf } from './read-info.js';
import { readDocument } from './xml-reader.js';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const envelope = (commands: string): string =>
  `<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" ${XSI}><sessionId xmlns="">s-1</sessionId>${commands}</BroadsoftDocument>`;
const command = (type: string, body: string, attributes = ''): string =>
  `<command${attributes} xsi:type="${type}" xmlns="">${body}</command>`;
const first = (xml: string | Buffer): Record<string, unknown> => readDocument(xml).commands[0];

describe('readDocument: typing by the schema', () => {
  it('reads the envelope, ints, booleans and strings', () => {
    const doc = readDocument(
      envelope(
        command(
          'GroupHuntGroupModifyInstanceRequest',
          '<serviceUserId>hg@example.com</serviceUserId><noAnswerNumberOfRings> 7 </noAnswerNumberOfRings><enableGroupBusy>1</enableGroupBusy><huntAfterNoAnswer>false</huntAfterNoAnswer>',
        ),
      ),
    );
    expect(doc.sessionId).toBe('s-1');
    expect(doc.protocol).toBe('OCI');
    expect(doc.commands).toEqual([
      {
        $type: 'GroupHuntGroupModifyInstanceRequest',
        serviceUserId: 'hg@example.com',
        noAnswerNumberOfRings: 7,
        enableGroupBusy: true,
        huntAfterNoAnswer: false,
      },
    ]);
  });

  it('makes a list an array even with a single item, and reads xsi:nil as null', () => {
    expect(
      first(
        envelope(
          command(
            'GroupHuntGroupModifyInstanceRequest',
            '<serviceUserId>x</serviceUserId><forwardToPhoneNumber xsi:nil="true"/><agentUserIdList><userId>a</userId></agentUserIdList>',
          ),
        ),
      ),
    ).toEqual({
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'x',
      forwardToPhoneNumber: null,
      agentUserIdList: { userId: ['a'] },
    });
  });

  it('reads abstract types with $type from xsi:type', () => {
    const body =
      '<serviceProviderId>e</serviceProviderId><groupId>g</groupId><searchCriteriaExactUserDepartment><departmentKey xsi:type="GroupDepartmentKey"><serviceProviderId>e</serviceProviderId><groupId>g</groupId><name>D</name></departmentKey></searchCriteriaExactUserDepartment>';
    expect(
      first(envelope(command('GroupHuntGroupGetAvailableUserListRequest', body)))['searchCriteriaExactUserDepartment'],
    ).toEqual({
      departmentKey: { $type: 'GroupDepartmentKey', serviceProviderId: 'e', groupId: 'g', name: 'D' },
    });
  });

  it('reads empty elements as "" and keeps whitespace-only strings exactly', () => {
    const cmd = first(envelope(command('UserModifyUserIdRequest', '<userId></userId><newUserId>  </newUserId>')));
    expect(cmd).toEqual({ $type: 'UserModifyUserIdRequest', userId: '', newUserId: '  ' });
  });

  it('reads tables into headings and rows', () => {
    const body =
      '<huntGroupTable><colHeading>Name</colHeading><colHeading>Is Active</colHeading><row><col>a</col><col>true</col></row><row><col/><col>false</col></row></huntGroupTable>';
    expect(first(envelope(command('GroupHuntGroupGetInstanceListResponse', body)))).toEqual({
      $type: 'GroupHuntGroupGetInstanceListResponse',
      huntGroupTable: {
        headings: ['Name', 'Is Active'],
        rows: [
          ['a', 'true'],
          ['', 'false'],
        ],
      },
    });
  });

  it('strips the c: prefix of responses and reads echo and the ErrorResponse type as level', () => {
    const doc = readDocument(
      envelope(
        '<command echo="42" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>' +
          '<command type="Warning" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><errorCode>4008</errorCode><summary>[Error 4008] User not found</summary><summaryEnglish>User not found</summaryEnglish></command>',
      ),
    );
    expect(doc.commands).toEqual([
      { $type: 'SuccessResponse', echo: '42' },
      {
        $type: 'ErrorResponse',
        echo: '',
        level: 'Warning',
        errorCode: 4008,
        summary: '[Error 4008] User not found',
        summaryEnglish: 'User not found',
      },
    ]);
  });

  it('accepts the declaration and the document on separate lines, with whitespace between elements', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>\r\n<BroadsoftDocument protocol="OCI" xmlns="C" ${XSI}>\n  <sessionId xmlns="">s</sessionId>\n  <command xsi:type="GroupGetRequest22V5" xmlns="">\n    <serviceProviderId>sp</serviceProviderId>\n    <groupId>g</groupId>\n  </command>\n</BroadsoftDocument>\n`;
    expect(readDocument(xml).commands).toEqual([
      { $type: 'GroupGetRequest22V5', serviceProviderId: 'sp', groupId: 'g' },
    ]);
  });
});

describe('readDocument: lenient where the server judges later', () => {
  it('keeps unparseable scalars as raw strings', () => {
    const cmd = first(
      envelope(
        command(
          'GroupHuntGroupModifyInstanceRequest',
          '<serviceUserId>x</serviceUserId><noAnswerNumberOfRings>abc</noAnswerNumberOfRings><enableGroupBusy>yes</enableGroupBusy><forwardTimeoutSeconds>99999999999999999999</forwardTimeoutSeconds>',
        ),
      ),
    );
    expect(cmd).toMatchObject({
      noAnswerNumberOfRings: 'abc',
      enableGroupBusy: 'yes',
      forwardTimeoutSeconds: '99999999999999999999',
    });
  });

  it('keeps unknown elements under their name, text or nested, in document order', () => {
    const cmd = first(
      envelope(
        command(
          'GroupHuntGroupDeleteInstanceRequest',
          '<extra>1</extra><serviceUserId>x</serviceUserId><nested><a>1</a><a>2</a><b/></nested>',
        ),
      ),
    );
    expect(cmd).toEqual({
      $type: 'GroupHuntGroupDeleteInstanceRequest',
      extra: '1',
      serviceUserId: 'x',
      nested: { a: ['1', '2'], b: '' },
    });
    expect(Object.keys(cmd)).toEqual(['$type', 'extra', 'serviceUserId', 'nested']);
  });

  it('keeps a repeated single element as an array so the check can see it', () => {
    expect(
      first(
        envelope(
          command(
            'GroupHuntGroupDeleteInstanceRequest',
            '<serviceUserId>a</serviceUserId><serviceUserId>b</serviceUserId>',
          ),
        ),
      )['serviceUserId'],
    ).toEqual(['a', 'b']);
  });

  it('returns an unknown command type with its raw children', () => {
    expect(first(envelope(command('UserGetRequest23', '<userId>u@example.com</userId>')))).toEqual({
      $type: 'UserGetRequest23',
      userId: 'u@example.com',
    });
  });

  it('keeps an element in a namespace under {uri}local, apart from the element of that name', () => {
    const cmd = first(
      envelope(
        command(
          'GroupHuntGroupDeleteInstanceRequest',
          '<serviceUserId>x</serviceUserId><c:serviceUserId xmlns:c="C">y</c:serviceUserId><serviceUserId xmlns="urn:z">z</serviceUserId>',
        ),
      ),
    );
    expect(cmd).toEqual({
      $type: 'GroupHuntGroupDeleteInstanceRequest',
      serviceUserId: 'x',
      '{C}serviceUserId': 'y',
      '{urn:z}serviceUserId': 'z',
    });
  });

  it('returns a command without xsi:type with an empty $type', () => {
    expect(first(envelope('<command xmlns=""><userId>u</userId></command>'))).toEqual({ $type: '', userId: 'u' });
  });

  it('does not resolve inherited names like constructor or __proto__', () => {
    const cmd = first(envelope(command('constructor', '<__proto__><polluted>yes</polluted></__proto__>')));
    expect(cmd['$type']).toBe('constructor');
    expect(Object.getPrototypeOf(cmd)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(cmd, '__proto__')).toBe(true);
  });

  it('keeps an unknown department variant with its $type and raw fields', () => {
    const body =
      '<serviceProviderId>e</serviceProviderId><groupId>g</groupId><searchCriteriaExactUserDepartment><departmentKey xsi:type="OtherKey"><name>D</name></departmentKey></searchCriteriaExactUserDepartment>';
    expect(
      first(envelope(command('GroupHuntGroupGetAvailableUserListRequest', body)))['searchCriteriaExactUserDepartment'],
    ).toEqual({ departmentKey: { $type: 'OtherKey', name: 'D' } });
  });
});

describe('readDocument: names resolved through namespaces, not matched as prefix text', () => {
  const XSI_URI = 'http://www.w3.org/2001/XMLSchema-instance';

  it('reads xsi:type and xsi:nil through any prefix bound to the XML Schema instance namespace', () => {
    const xml = `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:x="${XSI_URI}"><sessionId xmlns="">s</sessionId>${command(
      'GroupHuntGroupModifyInstanceRequest',
      '<serviceUserId>u</serviceUserId><serviceInstanceProfile><department i:type="EnterpriseDepartmentKey" xmlns:i="' +
        XSI_URI +
        '"><serviceProviderId>e</serviceProviderId><name>D</name></department></serviceInstanceProfile><forwardToPhoneNumber x:nil="true"/>',
    ).replace('xsi:type', 'x:type')}</BroadsoftDocument>`;
    expect(first(xml)).toEqual({
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'u',
      serviceInstanceProfile: { department: { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'e', name: 'D' } },
      forwardToPhoneNumber: null,
    });
  });

  it('reads responses of namespace C through any prefix bound to it, and C as a prefix of the root', () => {
    const xml =
      `<oci:BroadsoftDocument protocol="OCI" xmlns:oci="C" xmlns:q="${XSI_URI}"><sessionId>s</sessionId>` +
      '<command q:type="oci:SuccessResponse"/><command q:type="r:ErrorResponse" xmlns:r="C" type="Info"><summary>s</summary><summaryEnglish>s</summaryEnglish></command>' +
      '<command q:type="GroupHuntGroupGetInstanceListResponse"><huntGroupTable><colHeading>Name</colHeading></huntGroupTable></command>' +
      '</oci:BroadsoftDocument>';
    const doc = readDocument(xml);
    expect(doc.problem).toBeUndefined();
    expect(doc.sessionId).toBe('s');
    expect(doc.commands).toEqual([
      { $type: 'SuccessResponse' },
      { $type: 'ErrorResponse', level: 'Info', summary: 's', summaryEnglish: 's' },
      { $type: 'GroupHuntGroupGetInstanceListResponse', huntGroupTable: { headings: ['Name'], rows: [] } },
    ]);
  });

  it('names a type in another namespace than the schema gives it {uri}local, so that it is no known type', () => {
    const types = readDocument(
      envelope(
        '<command xsi:type="SuccessResponse" xmlns=""/>' +
          '<command xsi:type="c:GroupGetRequest22V5" xmlns:c="C" xmlns=""/>' +
          '<command xsi:type="u:SuccessResponse" xmlns:u="urn:other" xmlns=""/>',
      ),
    ).commands.map((c) => c.$type);
    expect(types).toEqual(['{}SuccessResponse', '{C}GroupGetRequest22V5', '{urn:other}SuccessResponse']);
  });

  it('keeps an xsi:type whose prefix is bound to nothing as written, and ignores xsi bound to another namespace', () => {
    expect(first(envelope(command('y:GroupGetRequest22V5', '')))['$type']).toBe('y:GroupGetRequest22V5');
    const wrong = envelope(command('GroupGetRequest22V5', '')).replace(XSI_URI, 'http://www.w3.org/2001/XMLSchema');
    expect(first(wrong)['$type']).toBe('');
  });

  it.each([
    ['an element prefix', envelope('<y:command xmlns=""/>')],
    ['an attribute prefix', envelope('<command y:type="SuccessResponse" xmlns=""/>')],
    [
      'the xsi prefix never declared',
      `<BroadsoftDocument protocol="OCI" xmlns="C">${command('SuccessResponse', '')}</BroadsoftDocument>`,
    ],
    ['a prefix bound to the empty name', envelope('<command xmlns:e="" xmlns=""/>')],
    ['two colons', envelope('<command a:b:c="1" xmlns=""/>')],
    [
      'one attribute twice under two prefixes',
      envelope(`<command xsi:type="A" x:type="B" xmlns:x="${XSI_URI}" xmlns=""/>`),
    ],
    ['a prefix found on Object.prototype', envelope('<constructor:command xmlns=""/>')],
  ])('refuses %s bound to no namespace as malformed', (_label, xml) => {
    expect(() => readDocument(xml)).toThrow(OciParseError);
  });
});

describe('readDocument: what a schema-validating reader sees beyond the values', () => {
  it('records the order of the elements of each complex element, out of sight of equality and JSON', () => {
    const cmd = first(
      envelope(
        command(
          'GroupHuntGroupModifyInstanceRequest',
          '<policy>Regular</policy><serviceUserId>u</serviceUserId><serviceInstanceProfile><extension>12</extension><name>n</name></serviceInstanceProfile>',
        ),
      ),
    );
    expect(cmd).toEqual({
      $type: 'GroupHuntGroupModifyInstanceRequest',
      policy: 'Regular',
      serviceUserId: 'u',
      serviceInstanceProfile: { extension: '12', name: 'n' },
    });
    expect(JSON.stringify(cmd)).not.toContain('order');
    expect(readInfoOf(cmd)).toEqual({ order: ['policy', 'serviceUserId', 'serviceInstanceProfile'], problems: [] });
    expect(readInfoOf(cmd['serviceInstanceProfile'])?.order).toEqual(['extension', 'name']);
    expect(readInfoOf({ ...cmd })).toBeUndefined();
  });

  it('records unexpected attributes, nil with content, a bad nil, text beside elements, a wrong xsi:type', () => {
    const cmd = first(
      envelope(
        command(
          'GroupHuntGroupModifyInstanceRequest',
          'text<serviceUserId id="1">u</serviceUserId><serviceInstanceProfile xsi:type="ServiceInstanceAddProfile"/>' +
            '<forwardToPhoneNumber xsi:nil="true">+1</forwardToPhoneNumber><agentUserIdList xsi:nil="maybe"><userId>a</userId></agentUserIdList>',
          ' requestLocale="fr" debugInfo="x"',
        ),
      ),
    );
    expect(readInfoOf(cmd)?.problems).toEqual([
      { at: '', reason: 'must hold elements only, not text' },
      { at: 'serviceUserId', reason: 'unexpected attribute id' },
      {
        at: 'serviceInstanceProfile',
        reason: 'xsi:type must be ServiceInstanceModifyProfile, not ServiceInstanceAddProfile',
      },
      { at: 'forwardToPhoneNumber', reason: 'is nil (xsi:nil="true") and must be empty' },
      { at: 'agentUserIdList', reason: "xsi:nil must be true or false, not 'maybe'" },
      { at: '', reason: 'unexpected attribute debugInfo' },
    ]);
  });

  it('accepts echo, requestLocale on requests, debugInfo on responses, and xsi:schemaLocation', () => {
    const doc = readDocument(
      envelope(
        command(
          'GroupGetRequest22V5',
          '<serviceProviderId>s</serviceProviderId>',
          ' echo="1" requestLocale="fr" xsi:schemaLocation="C x.xsd"',
        ) + '<command xsi:type="c:SuccessResponse" xmlns:c="C" xmlns="" debugInfo="d"/>',
      ),
    );
    expect(doc.commands.map((c) => readInfoOf(c)?.problems)).toEqual([[], []]);
    expect(doc.commands[0].echo).toBe('1');
  });

  it('records what the envelope does wrong: order, unknown elements and attributes, names in namespace C', () => {
    const session = '<sessionId xmlns="">s</sessionId>';
    const cmd = '<command xsi:type="VerifySessionIsValidRequest" xmlns=""/>';
    const root = (inside: string, attributes = `xmlns="C" ${XSI}`): string =>
      `<BroadsoftDocument protocol="OCI" ${attributes}>${inside}</BroadsoftDocument>`;
    const problemOf = (xml: string): string | undefined => readDocument(xml).problem;
    expect(problemOf(root(`${session}<trackingId xmlns="">t</trackingId>${cmd}`))).toBeUndefined();
    expect(problemOf(root(`${cmd}${session}`))).toBe('<sessionId> must come first in BroadsoftDocument, once');
    expect(problemOf(root(`${session}${session}${cmd}`))).toBe(
      '<sessionId> must come first in BroadsoftDocument, once',
    );
    expect(problemOf(root(`${session}${cmd}<trackingId xmlns="">t</trackingId>`))).toMatch(/trackingId/);
    expect(problemOf(root(`${session}<other xmlns=""/>${cmd}`))).toBe(
      'unexpected element <other> in BroadsoftDocument',
    );
    expect(problemOf(root(`<sessionId>s</sessionId>${cmd}`))).toBe(
      '<sessionId> must be in no namespace (xmlns=""), not in C',
    );
    expect(problemOf(root(`${session}${cmd}`, `xmlns="C" ${XSI} version="2"`))).toBe(
      'unexpected attribute version on BroadsoftDocument',
    );
    expect(problemOf(root(`${session}${cmd}`, XSI))).toBe('BroadsoftDocument must be in namespace C, not no namespace');
    expect(readDocument(root(`${cmd}${session}`)).sessionId).toBe('s');
  });
});

describe('readDocument: characters', () => {
  it('decodes latin1 bytes, numeric references (decimal and hex, astral included) and the XML entities', () => {
    const xml = envelope(
      command(
        'GroupHuntGroupGetInstanceRequest20',
        '<serviceUserId>é &#8364;&#x20AC; &#128512;&#x1F600; &lt;&gt;&amp;&quot;&apos; <![CDATA[<raw & ]]></serviceUserId>',
      ),
    );
    expect(first(Buffer.from(xml, 'latin1'))['serviceUserId']).toBe(`é €€ 😀😀 <>&"' <raw & `);
  });

  it('decodes UTF-8 bytes when the declaration says so', () => {
    const xml = envelope(command('GroupHuntGroupGetInstanceRequest20', '<serviceUserId>é€</serviceUserId>')).replace(
      'ISO-8859-1',
      'UTF-8',
    );
    expect(first(Buffer.from(xml, 'utf8'))['serviceUserId']).toBe('é€');
  });

  it('refuses HTML entities that XML does not define', () => {
    expect(() =>
      readDocument(envelope(command('GroupHuntGroupGetInstanceRequest20', '<serviceUserId>&eacute;</serviceUserId>'))),
    ).toThrow(OciParseError);
  });
});

describe('readDocument: refuses what is not OCI-P, never crashes', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '  \n'],
    ['plain text', 'hello'],
    ['truncated', envelope('').slice(0, 80)],
    ['unclosed command', envelope('<command xsi:type="SuccessResponse">')],
    ['mismatched tags', '<BroadsoftDocument><a></b></BroadsoftDocument>'],
    ['other root', '<html><body/></html>'],
    ['bad entity', '<BroadsoftDocument>&bogus;</BroadsoftDocument>'],
    ['junk after the root', '<BroadsoftDocument protocol="OCI"/><junk/>'],
    ['text after the root', '<BroadsoftDocument protocol="OCI"></BroadsoftDocument>text'],
    ['two documents', `${envelope('')}${envelope('')}`],
  ])('%s → OciParseError', (_label, xml) => {
    expect(() => readDocument(xml)).toThrow(OciParseError);
  });

  it('accepts whitespace and comments after the root', () => {
    expect(readDocument(`${envelope('')}\n<!-- done -->\n`).sessionId).toBe('s-1');
  });

  it('rejects DOCTYPE, so a billion-laughs document cannot expand', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE BroadsoftDocument [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      `<BroadsoftDocument protocol="OCI" ${XSI}><sessionId>&lol3;</sessionId></BroadsoftDocument>`;
    expect(() => readDocument(laughs)).toThrow(/DOCTYPE is not allowed/);
    expect(() => readDocument(`<!DOCTYPE BroadsoftDocument><BroadsoftDocument protocol="OCI"/>`)).toThrow(/DOCTYPE/);
  });

  it('refuses junk nested deeper than the schema could ever be', () => {
    const deep = `${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}`;
    expect(() => readDocument(envelope(command('GroupHuntGroupDeleteInstanceRequest', deep)))).toThrow(
      /nested too deeply/,
    );
  });

  it('throws only OciParseError on random bytes and random cuts of a valid document', () => {
    const valid = envelope(
      command(
        'GroupHuntGroupModifyInstanceRequest',
        '<serviceUserId>x</serviceUserId><agentUserIdList><userId>a</userId></agentUserIdList>',
      ),
    );
    let seed = 12345;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 300; i++) {
      const inputs = [
        randomBytes(rand(200)),
        Buffer.from(valid.slice(0, rand(valid.length)), 'latin1'),
        Buffer.from(
          valid.replace(/./g, (c) => (rand(40) === 0 ? String.fromCharCode(rand(256)) : c)),
          'latin1',
        ),
      ];
      for (const input of inputs) {
        try {
          readDocument(input);
        } catch (err) {
          expect(err).toBeInstanceOf(OciParseError);
        }
      }
    }
  });
});
