/**
 * The simulator as a faithful BroadWorks stand-in (issue 11, items 12–14), spoken to in raw XML:
 * it judges a document the way a schema-validating, namespace-aware XML reader does, refuses what
 * BroadWorks' schema refuses (and then changes nothing), and accepts what the schema accepts.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator, type OciSimulatorOptions } from '../../src/simulator/server.js';
import { engineWithHuntGroup, GROUP, HG, SP, USER, USER1 } from '../../src/simulator/testing/fixtures.js';
import { RawOciClient } from './support/raw-client.js';
import type { OciReadCommand } from '../../src/ocip/protocol/index.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DECLARATION = '<?xml version="1.0" encoding="ISO-8859-1"?>\n';

/** A document as most clients write it; `root` replaces the root's namespace declarations. */
const documentOf = (
  sessionId: string,
  commands: string,
  root = `xmlns="C" xmlns:xsi="${XSI}"`,
  sessionElement = `<sessionId xmlns="">${sessionId}</sessionId>`,
): string =>
  `${DECLARATION}<BroadsoftDocument protocol="OCI" ${root}>${sessionElement}${commands}</BroadsoftDocument>\n`;
const modify = (body: string, attributes = 'xsi:type="GroupHuntGroupModifyInstanceRequest" xmlns=""'): string =>
  `<command ${attributes}><serviceUserId>${HG}</serviceUserId>${body}</command>`;

describe('OCI-P simulator: a schema-validating reader', () => {
  let engine: BroadWorksEngine;
  let simulator: OciSimulator;
  let client: RawOciClient;

  const start = async (options: Partial<OciSimulatorOptions> = {}): Promise<void> => {
    simulator = await startOciSimulator({ engine, port: 0, ...options });
    client = await RawOciClient.connect(simulator.port);
  };
  /** Sends one raw document and returns the answers. */
  const send = async (xml: string): Promise<OciReadCommand[]> => {
    client.write(xml);
    const answer = await client.next();
    if (!answer) throw new Error('the simulator closed the connection instead of answering');
    return answer.commands;
  };
  /** Sends a raw document that must be refused: one ErrorResponse per command, and the world unchanged. */
  const refused = async (xml: string): Promise<string> => {
    const before = engine.snapshot();
    const answers = await send(xml);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toMatchObject({ $type: 'ErrorResponse' });
    expect(engine.snapshot()).toBe(before);
    return answers.map((a) => String(a['summary'])).join('\n');
  };
  const huntGroup = async (): Promise<Record<string, unknown>> => {
    const [answer] = await client.request([{ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: HG }]);
    expect(answer).toMatchObject({ $type: 'GroupHuntGroupGetInstanceResponse20' });
    return answer;
  };

  beforeEach(async () => {
    engine = engineWithHuntGroup();
    await start();
    await client.login();
  });
  afterEach(async () => {
    client.close();
    await simulator.close();
  });

  describe('item 12: elements in xs:sequence order', () => {
    it('refuses a command whose elements are out of order, and changes nothing', async () => {
      const summary = await refused(
        documentOf(client.sessionId, modify('<huntAfterNoAnswer>true</huntAfterNoAnswer><policy>Circular</policy>')),
      );
      expect(summary).toMatch(/\[Error 4003\] Invalid content at element 'policy': out of order/);
      // The same elements in schema order are accepted and applied.
      const [ok] = await send(
        documentOf(client.sessionId, modify('<policy>Circular</policy><huntAfterNoAnswer>true</huntAfterNoAnswer>')),
      );
      expect(ok).toMatchObject({ $type: 'SuccessResponse' });
      expect(await huntGroup()).toMatchObject({ policy: 'Circular', huntAfterNoAnswer: true });
    });

    it('refuses the required first element placed last', async () => {
      await refused(
        documentOf(
          client.sessionId,
          `<command xsi:type="GroupHuntGroupModifyInstanceRequest" xmlns=""><policy>Circular</policy><serviceUserId>${HG}</serviceUserId></command>`,
        ),
      );
    });

    it('refuses a list split by another element', async () => {
      await refused(
        documentOf(
          client.sessionId,
          modify(
            `<agentUserIdList><userId>${USER}</userId></agentUserIdList><allowCallWaitingForAgents>true</allowCallWaitingForAgents>` +
              `<agentUserIdList><userId>${USER1}</userId></agentUserIdList>`,
          ),
        ),
      );
    });

    it('checks the order inside nested complex types', async () => {
      const summary = await refused(
        documentOf(
          client.sessionId,
          modify(
            '<serviceInstanceProfile><callingLineIdLastName>Last</callingLineIdLastName><name>Renamed</name></serviceInstanceProfile>',
          ),
        ),
      );
      expect(summary).toMatch(/'serviceInstanceProfile\/name'.*out of order/);
    });

    it('checks the order inside the variant of an abstract type', async () => {
      const department = (inside: string): string =>
        modify(
          `<serviceInstanceProfile><department xsi:type="GroupDepartmentKey">${inside}</department></serviceInstanceProfile>`,
        );
      const summary = await refused(
        documentOf(
          client.sessionId,
          department(
            `<serviceProviderId>${SP}</serviceProviderId><name>test_department_initial</name><groupId>${GROUP}</groupId>`,
          ),
        ),
      );
      expect(summary).toMatch(/'serviceInstanceProfile\/department\/groupId'.*out of order/);
      const [ok] = await send(
        documentOf(
          client.sessionId,
          department(
            `<serviceProviderId>${SP}</serviceProviderId><groupId>${GROUP}</groupId><name>test_department_initial</name>`,
          ),
        ),
      );
      expect(ok).toMatchObject({ $type: 'SuccessResponse' });
    });

    it('checks the order inside the items of a list', async () => {
      const criteria = (inside: string): string =>
        `<command xsi:type="GroupHuntGroupGetAvailableUserListRequest" xmlns=""><serviceProviderId>${SP}</serviceProviderId>` +
        `<groupId>${GROUP}</groupId><searchCriteriaUserLastName>${inside}</searchCriteriaUserLastName></command>`;
      const summary = await refused(
        documentOf(
          client.sessionId,
          criteria('<value>Test</value><mode>Starts With</mode><isCaseInsensitive>true</isCaseInsensitive>'),
        ),
      );
      expect(summary).toMatch(/'searchCriteriaUserLastName\[0\]\/mode'.*out of order/);
    });

    it('refuses elements repeated beyond maxOccurs, and a single element given twice', async () => {
      const aliases = ['a', 'b', 'c', 'd'].map((a) => `<sipAlias>${a}@sip.netaxis.be</sipAlias>`).join('');
      expect(
        await refused(
          documentOf(
            client.sessionId,
            modify(`<serviceInstanceProfile><sipAliasList>${aliases}</sipAliasList></serviceInstanceProfile>`),
          ),
        ),
      ).toMatch(/sipAlias'.*at most 3 times/);
      expect(
        await refused(documentOf(client.sessionId, modify('<policy>Circular</policy><policy>Uniform</policy>'))),
      ).toMatch(/'policy'.*only once/);
    });

    it('refuses an element named like an attribute (echo) and text beside elements', async () => {
      await refused(documentOf(client.sessionId, modify('<echo>x</echo>')));
      await refused(documentOf(client.sessionId, modify('stray text<policy>Circular</policy>')));
    });

    it('refuses an unknown attribute and nil with content', async () => {
      await refused(documentOf(client.sessionId, modify('<policy color="red">Circular</policy>')));
      await refused(
        documentOf(client.sessionId, modify('<forwardToPhoneNumber xsi:nil="true">+3225126700</forwardToPhoneNumber>')),
      );
    });

    it('refuses a document whose envelope is out of order', async () => {
      const command = modify('<policy>Circular</policy>');
      await refused(
        documentOf(client.sessionId, '', undefined, `${command}<sessionId xmlns="">${client.sessionId}</sessionId>`),
      );
      await refused(documentOf(client.sessionId, `<extra xmlns=""/>${command}`));
    });
  });

  describe('item 13: names resolved by namespace, not by prefix text', () => {
    it('accepts any prefix bound to the XML Schema instance namespace, for xsi:type and xsi:nil', async () => {
      const [answer] = await send(
        documentOf(
          client.sessionId,
          modify(
            `<serviceInstanceProfile><department x:type="GroupDepartmentKey"><serviceProviderId>${SP}</serviceProviderId><groupId>${GROUP}</groupId><name>test_department_initial</name></department></serviceInstanceProfile>` +
              '<policy>Uniform</policy><forwardToPhoneNumber x:nil="true"/>',
            'x:type="GroupHuntGroupModifyInstanceRequest" xmlns=""',
          ),
          `xmlns="C" xmlns:x="${XSI}"`,
        ),
      );
      expect(answer).toMatchObject({ $type: 'SuccessResponse' });
      expect(await huntGroup()).toMatchObject({ policy: 'Uniform' });
    });

    it('accepts the XML Schema instance prefix declared on the command itself, and C bound to a prefix on the root', async () => {
      const [answer] = await send(
        documentOf(
          client.sessionId,
          `<command i:type="GroupHuntGroupModifyInstanceRequest" xmlns:i="${XSI}"><serviceUserId>${HG}</serviceUserId><policy>Simultaneous</policy></command>`,
          'xmlns:oci="C"',
          `<sessionId>${client.sessionId}</sessionId>`,
        ).replace(/BroadsoftDocument/g, 'oci:BroadsoftDocument'),
      );
      expect(answer).toMatchObject({ $type: 'SuccessResponse' });
      expect(await huntGroup()).toMatchObject({ policy: 'Simultaneous' });
    });

    it('refuses a prefix bound to no namespace', async () => {
      expect(
        await refused(
          documentOf(
            client.sessionId,
            modify('<policy>Circular</policy>', 'y:type="GroupHuntGroupModifyInstanceRequest" xmlns=""'),
          ),
        ),
      ).toMatch(/unbound namespace prefix y/);
      // Bound nowhere inside the xsi:type value: no such type.
      await refused(
        documentOf(
          client.sessionId,
          modify('<policy>Circular</policy>', 'xsi:type="y:GroupHuntGroupModifyInstanceRequest" xmlns=""'),
        ),
      );
    });

    it('refuses the xsi prefix bound to another namespace', async () => {
      await refused(
        documentOf(
          client.sessionId,
          modify('<policy>Circular</policy>'),
          'xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema"',
        ),
      );
    });

    it('refuses a request type named in namespace C, and the envelope elements left in the default namespace C', async () => {
      await refused(
        documentOf(
          client.sessionId,
          modify('<policy>Circular</policy>', 'xsi:type="c:GroupHuntGroupModifyInstanceRequest" xmlns:c="C" xmlns=""'),
        ),
      );
      // Without xmlns="" the command (and its xsi:type) inherit the default namespace C.
      await refused(
        documentOf(
          client.sessionId,
          modify('<policy>Circular</policy>', 'xsi:type="GroupHuntGroupModifyInstanceRequest"'),
        ),
      );
      await refused(
        documentOf(
          client.sessionId,
          modify('<policy>Circular</policy>'),
          undefined,
          `<sessionId>${client.sessionId}</sessionId>`,
        ),
      );
    });

    it('refuses an element of the command put in a namespace', async () => {
      await refused(documentOf(client.sessionId, modify('<policy xmlns="C">Circular</policy>')));
      await refused(documentOf(client.sessionId, modify('<c:policy xmlns:c="C">Circular</c:policy>')));
    });
  });

  describe('item 14: LoginRequest22V5 with a plain password', () => {
    const plainLogin = (password: string) => [{ $type: 'LoginRequest22V5', userId: 'admin', password }];

    it('is accepted on plain TCP by default, as BroadWorks does', async () => {
      const fresh = await RawOciClient.connect(simulator.port);
      try {
        expect((await fresh.request(plainLogin('wrong')))[0]).toMatchObject({ errorCode: 4962 });
        expect((await fresh.request(plainLogin('admin')))[0]).toMatchObject({ $type: 'LoginResponse22V5' });
        expect((await fresh.request([{ $type: 'VerifySessionIsValidRequest' }]))[0]).toMatchObject({
          $type: 'SuccessResponse',
        });
      } finally {
        fresh.close();
      }
    });

    it('is refused on plain TCP when the simulator is started with plainPasswordNeedsTls', async () => {
      client.close();
      await simulator.close();
      await start({ plainPasswordNeedsTls: true });
      expect(String((await client.request(plainLogin('admin')))[0]['summary'])).toMatch(/over TLS only/);
      expect(
        (await client.request([{ $type: 'LoginRequest14sp4', userId: 'admin', plainTextPassword: 'admin' }]))[0],
      ).toMatchObject({
        $type: 'ErrorResponse',
      });
      expect(await client.login()).toMatchObject({ $type: 'LoginResponse14sp4' });
    });
  });

  it('still serves a well-formed document after refusing the others', async () => {
    await refused(documentOf(client.sessionId, modify('<policy>Circular</policy>', 'y:type="X" xmlns=""')));
    expect(await huntGroup()).toMatchObject({ policy: 'Regular' });
  });
});
