import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error.js';
import { tableRecords, type GroupHuntGroupGetAvailableUserListRequest } from '../oci/commands.js';
import { MAX_COMMANDS_PER_DOCUMENT, OciGateway } from '../oci/oci-gateway.js';

@Injectable()
export class AgentsService {
  constructor(private readonly oci: OciGateway) {}

  /**
   * Checks, before anything is changed, that every user can be an agent of a hunt group of this
   * group: an exact user id search of the available users per agent, up to 15 searches a document.
   * An unknown user and a user of another group or tenant look the same here, on purpose: the
   * answer must not reveal users outside the caller's reach.
   */
  async assertAssignable(tenantId: string, groupId: string, userIds: readonly string[]): Promise<void> {
    const searches = userIds.map(
      (userId): GroupHuntGroupGetAvailableUserListRequest => ({
        $type: 'GroupHuntGroupGetAvailableUserListRequest',
        serviceProviderId: tenantId,
        groupId,
        searchCriteriaUserId: [{ mode: 'Equal To', value: userId, isCaseInsensitive: false }],
      }),
    );
    const documents: (typeof searches)[] = [];
    for (let i = 0; i < searches.length; i += MAX_COMMANDS_PER_DOCUMENT) documents.push(searches.slice(i, i + MAX_COMMANDS_PER_DOCUMENT));
    const answers = (await Promise.all(documents.map((commands) => this.oci.send(...commands)))).flat();
    const missing = userIds.filter((userId, i) => !tableRecords(answers[i].userTable).some((row) => row['User Id'] === userId));
    if (missing.length > 0) {
      throw ApiError.badRequest(
        'AGENT_NOT_AVAILABLE',
        `agents: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not a user who can be an agent of hunt groups in group ${groupId}`,
        missing.map((userId) => ({ field: 'agents', userId, reasons: ['unknown user, or not available to this hunt group'] })),
      );
    }
  }
}
