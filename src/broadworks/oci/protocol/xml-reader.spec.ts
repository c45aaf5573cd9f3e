import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { OciParseError } from './protocol-errors.js';
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
