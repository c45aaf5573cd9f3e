import { describe, expect, it } from '@jest/globals';
import { RequestJournal, withJournal } from '../../../domain/request-journal.js';
import { OciErrorResponse } from '../../../ocip/oci-errors.js';
import type { OciRequest } from '../../../ocip/commands.js';
import type { OciExchange } from '../observed-oci-gateway.js';
import { OciRequestJournal } from './oci-request-journal.js';

// A command with a password, as the journal may see one (the hunt group profile's, a login's).
const login = { $type: 'LoginRequest22V5', userId: 'admin', password: 's3cret' } as unknown as OciRequest;
const get: OciRequest = { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'hg1@sip.netaxis.be' };

describe('OciRequestJournal', () => {
  const observer = new OciRequestJournal();
  const exchange: OciExchange = {
    commands: [login, get],
    durationSeconds: 0.01,
    outcomes: [{ $type: 'SuccessResponse' }, new OciErrorResponse('Not found', 4008)],
  };

  it("keeps a write's documents, passwords hidden, with each command's outcome", () => {
    const journal = new RequestJournal('req-1');
    withJournal(journal, () => observer.observe(exchange));
    expect(journal.documents).toEqual([
      {
        commands: [{ $type: 'LoginRequest22V5', userId: 'admin', password: '[REDACTED]' }, get],
        outcomes: ['ok', { error: { errorCode: 4008, summary: 'Not found' } }],
      },
    ]);
  });

  it("keeps none of a read's documents: nothing will record them, and an export sends hundreds", () => {
    const journal = new RequestJournal('req-2', false);
    withJournal(journal, () => observer.observe(exchange));
    expect(journal.documents).toEqual([]);
  });

  it('notes nothing outside a request', () => {
    expect(() => observer.observe(exchange)).not.toThrow();
  });
});
