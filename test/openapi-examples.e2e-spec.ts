import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AVAILABLE_USERS_ANSWER,
  CREATE_ANSWER,
  CREATE_REQUEST,
  EXAMPLE_HUNT_GROUP_ID,
  HUNT_GROUP_ANSWER,
  LIST_ANSWER,
  SAME_GROUP_ONLY_ANSWER,
  SAME_GROUP_ONLY_REQUEST,
  UPDATE_ANSWER,
  UPDATE_DRY_RUN_ANSWER,
  UPDATE_REQUEST,
  WEIGHTS_ANSWER,
  WEIGHTS_REQUEST,
} from '../src/http/openapi/examples.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

/** The OpenAPI document's examples are what the service answers: replayed in order on the demo world. */
describe.each(DRIVERS)('the API docs examples on the %s gateway', (driver) => {
  let t: TestApp;
  const one = `${BASE}/${EXAMPLE_HUNT_GROUP_ID}/`;

  beforeAll(async () => {
    t = await startApp(driver);
  });
  afterAll(async () => {
    await t.close();
  });

  it('available users, unfiltered and sameGroupOnly from the body', async () => {
    expect((await t.http.get(`${BASE}/users/available/`).expect(200)).body).toEqual(AVAILABLE_USERS_ANSWER);
    expect((await t.http.get(`${BASE}/users/available/`).send(SAME_GROUP_ONLY_REQUEST).expect(200)).body).toEqual(
      SAME_GROUP_ONLY_ANSWER,
    );
  });

  it('POST answers the create example', async () => {
    expect((await t.http.post(`${BASE}/`).send(CREATE_REQUEST).expect(201)).body).toEqual(CREATE_ANSWER);
  });

  it('PUT weighted_distribution and GET weighted_distribution answer the weights example', async () => {
    expect((await t.http.put(`${one}weighted_distribution/`).send(WEIGHTS_REQUEST).expect(200)).body).toEqual(
      WEIGHTS_ANSWER,
    );
    expect((await t.http.get(`${one}weighted_distribution/`).expect(200)).body).toEqual(WEIGHTS_ANSWER);
  });

  it('GET and the list answer their examples', async () => {
    expect((await t.http.get(one).expect(200)).body).toEqual(HUNT_GROUP_ANSWER);
    expect((await t.http.get(`${BASE}/`).expect(200)).body).toEqual(LIST_ANSWER);
  });

  it('PUT ?dryRun=true answers the dry-run example, then PUT answers the update example', async () => {
    expect((await t.http.put(`${one}?dryRun=true`).send(UPDATE_REQUEST).expect(200)).body).toEqual(
      UPDATE_DRY_RUN_ANSWER,
    );
    expect((await t.http.put(one).send(UPDATE_REQUEST).expect(200)).body).toEqual(UPDATE_ANSWER);
  });

  it('DELETE answers 200 with an empty body', async () => {
    const res = await t.http.delete(one).expect(200);
    expect(res.text).toBe('');
  });
});
