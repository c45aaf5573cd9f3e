/**
 * The hunt group services' documents as the simulator reads them off the wire, in raw XML: schema
 * order inside each command and each alternate number entry, nil where the schema allows it, the
 * int enumeration of the number of rings, the xs:choice of UserServiceIsAssignedRequest.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { engineWithHuntGroup, HG } from '../../src/simulator/testing/fixtures.js';
import { RawOciClient } from './support/raw-client.js';
import type { OciReadCommand } from '../../src/ocip/protocol/index.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const documentOf = (sessionId: string, commands: string): string =>
  `<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="${XSI}">` +
  `<sessionId xmlns="">${sessionId}</sessionId>${commands}</BroadsoftDocument>\n`;
const command = (type: string, body: string): string =>
  `<command xsi:type="${type}" xmlns=""><userId>${HG}</userId>${body}</command>`;

describe('OCI-P simulator: the hunt group services documents', () => {
  let engine: BroadWorksEngine;
  let simulator: OciSimulator;
  let client: RawOciClient;
  const send = async (...commands: string[]): Promise<OciReadCommand[]> => {
    client.write(documentOf(client.sessionId, commands.join('')));
    const answer = await client.next();
    if (!answer) throw new Error('no answer');
    return answer.commands;
  };
  const refused = async (xml: string): Promise<string> => {
    const before = engine.snapshot();
    const [answer] = await send(xml);
    expect(answer).toMatchObject({ $type: 'ErrorResponse' });
    expect(engine.snapshot()).toBe(before);
    return String(answer.summary);
  };

  beforeEach(async () => {
    engine = engineWithHuntGroup();
    simulator = await startOciSimulator({ engine, port: 0 });
    client = await RawOciClient.connect(simulator.port);
    await client.login();
    const [assigned] = await send(
      command(
        'UserServiceAssignListRequest',
        '<serviceName>Alternate Numbers</serviceName><serviceName>Call Forwarding No Answer</serviceName>',
      ),
    );
    expect(assigned).toMatchObject({ $type: 'SuccessResponse' });
  });
  afterEach(async () => {
    client.close();
    await simulator.close();
  });

  it('takes alternate entries in order, nil clearing an element, and answers them back', async () => {
    const entry =
      '<phoneNumber>+3225126781</phoneNumber><ringPattern>Long-Long</ringPattern><description>A &amp; B</description>';
    expect(
      await send(command('UserAlternateNumbersModifyRequest', `<alternateEntry01>${entry}</alternateEntry01>`)),
    ).toEqual([expect.objectContaining({ $type: 'SuccessResponse' })]);
    const [cleared] = await send(
      command(
        'UserAlternateNumbersModifyRequest',
        '<alternateEntry01><description xsi:nil="true"/></alternateEntry01>',
      ),
      command('UserAlternateNumbersGetRequest21', ''),
    ).then((answers) => answers.slice(1));
    expect(cleared).toMatchObject({
      $type: 'UserAlternateNumbersGetResponse21',
      distinctiveRing: false,
      alternateEntry01: { phoneNumber: '+3225126781', ringPattern: 'Long-Long' },
    });
    expect(cleared.alternateEntry01).not.toHaveProperty('description');
  });

  it('refuses entries out of order, elements out of order inside an entry, and nil on distinctiveRing', async () => {
    expect(
      await refused(
        command(
          'UserAlternateNumbersModifyRequest',
          '<alternateEntry02><extension>4302</extension></alternateEntry02><alternateEntry01><extension>4301</extension></alternateEntry01>',
        ),
      ),
    ).toMatch(/\[Error 4003\].*'alternateEntry01': out of order/);
    expect(
      await refused(
        command(
          'UserAlternateNumbersModifyRequest',
          '<alternateEntry01><extension>4301</extension><phoneNumber>+3225126781</phoneNumber></alternateEntry01>',
        ),
      ),
    ).toMatch(/'alternateEntry01\/phoneNumber': out of order/);
    expect(await refused(command('UserAlternateNumbersModifyRequest', '<distinctiveRing xsi:nil="true"/>'))).toMatch(
      /distinctiveRing.*may not be nil/,
    );
    expect(
      await refused(
        command(
          'UserAlternateNumbersModifyRequest',
          '<alternateEntry11><extension>4311</extension></alternateEntry11>',
        ),
      ),
    ).toMatch(/alternateEntry11/);
  });

  it('takes 0 and 2..20 rings, not 1', async () => {
    expect(await send(command('UserCallForwardingNoAnswerModifyRequest', '<numberOfRings>0</numberOfRings>'))).toEqual([
      expect.objectContaining({ $type: 'SuccessResponse' }),
    ]);
    expect(
      await refused(command('UserCallForwardingNoAnswerModifyRequest', '<numberOfRings>1</numberOfRings>')),
    ).toMatch(/\[Error 4001\].*numberOfRings.*must be one of 0, 2, 3/);
  });

  it('refuses both choices of UserServiceIsAssignedRequest, and a service name outside the enumeration', async () => {
    expect(
      await refused(
        command(
          'UserServiceIsAssignedRequest',
          '<serviceName>Alternate Numbers</serviceName><servicePackName>Gold</servicePackName>',
        ),
      ),
    ).toMatch(/exactly one of serviceName and servicePackName/);
    expect(await refused(command('UserServiceAssignListRequest', '<serviceName>Call Waiting</serviceName>'))).toMatch(
      /\[Error 4001\].*serviceName/,
    );
    const [answer] = await send(
      command('UserServiceIsAssignedRequest', '<serviceName>Alternate Numbers</serviceName>'),
    );
    expect(answer).toEqual(expect.objectContaining({ $type: 'UserServiceIsAssignedResponse', isAssigned: true }));
  });
});
