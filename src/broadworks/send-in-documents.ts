import { MAX_COMMANDS_PER_DOCUMENT, type OciOutcome, type OciRequest, type OciResponse } from '../ocip/commands.js';
import { OciErrorResponse } from '../ocip/oci-errors.js';
import { type OciGateway } from './oci/oci-gateway.js';

/**
 * Sends independent commands in as few documents as BroadWorks allows (15 commands each), the
 * documents at once, and throws the first ErrorResponse. One round trip for up to 15 commands.
 */
export async function sendInDocuments(oci: OciGateway, commands: readonly OciRequest[]): Promise<OciResponse[]> {
  const outcomes = await sendInDocumentsSettled(oci, commands);
  const failure = outcomes.find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
  if (failure) throw failure;
  return outcomes as OciResponse[];
}

/** As sendInDocuments, but each command's outcome, an ErrorResponse included, for the caller to judge one by one. */
export async function sendInDocumentsSettled(oci: OciGateway, commands: readonly OciRequest[]): Promise<OciOutcome[]> {
  const documents: OciRequest[][] = [];
  for (let i = 0; i < commands.length; i += MAX_COMMANDS_PER_DOCUMENT)
    documents.push(commands.slice(i, i + MAX_COMMANDS_PER_DOCUMENT));
  return (await Promise.all(documents.map((d) => oci.execute(d)))).flat();
}
