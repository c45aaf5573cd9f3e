import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ALTERNATE_NUMBERS_ANSWER,
  ALTERNATE_NUMBERS_REQUEST,
  AVAILABLE_NUMBERS_ANSWER,
  CREATE_REQUEST,
  EXAMPLE_HUNT_GROUP_ID,
  FORWARDING_ALWAYS_ANSWER,
  FORWARDING_ALWAYS_REQUEST,
  FORWARDING_BUSY_ANSWER,
  FORWARDING_BUSY_REQUEST,
  FORWARDING_NO_ANSWER_ANSWER,
  FORWARDING_NO_ANSWER_REQUEST,
  FORWARDING_NOT_REACHABLE_ANSWER,
  FORWARDING_NOT_REACHABLE_REQUEST,
} from '../src/http/openapi/examples.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

/** The API docs' examples of the hunt group services are what the service answers, replayed on the demo. */
describe.each(DRIVERS)('the hunt group services examples on the %s gateway', (driver) => {
  let t: TestApp;
  const one = `${BASE}/${EXAMPLE_HUNT_GROUP_ID}`;

  beforeAll(async () => {
    t = await startApp(driver);
    await t.http.post(`${BASE}/`).send(CREATE_REQUEST).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['always', FORWARDING_ALWAYS_REQUEST, FORWARDING_ALWAYS_ANSWER],
    ['busy', FORWARDING_BUSY_REQUEST, FORWARDING_BUSY_ANSWER],
    ['no_answer', FORWARDING_NO_ANSWER_REQUEST, FORWARDING_NO_ANSWER_ANSWER],
    ['not_reachable', FORWARDING_NOT_REACHABLE_REQUEST, FORWARDING_NOT_REACHABLE_ANSWER],
  ])('PUT and GET call_forwarding/%s answer its example', async (kind, request, answer) => {
    const url = `${one}/call_forwarding/${kind}/`;
    expect((await t.http.put(`${url}?assign=true`).send(request).expect(200)).body).toEqual(answer);
    expect((await t.http.get(url).expect(200)).body).toEqual(answer);
  });

  it('PUT and GET alternate_numbers answer their example, and numbers/available the free numbers left', async () => {
    const url = `${one}/alternate_numbers/`;
    expect((await t.http.put(`${url}?assign=true`).send(ALTERNATE_NUMBERS_REQUEST).expect(200)).body).toEqual(
      ALTERNATE_NUMBERS_ANSWER,
    );
    expect((await t.http.get(url).expect(200)).body).toEqual(ALTERNATE_NUMBERS_ANSWER);
    expect(
      (await t.http.get('/api/v1/tenants/ApioSpTest/groups/ApioGrpTest/numbers/available/').expect(200)).body,
    ).toEqual(AVAILABLE_NUMBERS_ANSWER);
  });
});
