import { MAX_COMMANDS_PER_DOCUMENT, type OciOutcome, type OciRequest } from '../../../ocip/commands.js';
import { OciGateway } from '../oci-gateway.js';
import { BroadWorksEngine } from '../../../simulator/engine.js';

/**
 * Runs commands on the embedded simulated BroadWorks, in process. Commands and answers are copied
 * across the boundary so neither side can keep a reference into the other, as over a socket.
 */
export class InMemoryOciGateway extends OciGateway {
  constructor(readonly engine: BroadWorksEngine) {
    super();
  }

  /** The embedded simulated BroadWorks, loaded from a world file (the only way production code reaches the simulator). */
  static fromWorldFile(path: string): InMemoryOciGateway {
    return new InMemoryOciGateway(BroadWorksEngine.fromFile(path));
  }

  /** No document is written in process, so there is no trackingId to carry (the exchange log still shows it). */
  async execute(commands: readonly OciRequest[]): Promise<OciOutcome[]> {
    if (commands.length < 1 || commands.length > MAX_COMMANDS_PER_DOCUMENT) {
      throw new RangeError(
        `An OCI-P document carries 1..${MAX_COMMANDS_PER_DOCUMENT} commands, not ${commands.length}`,
      );
    }
    // Yield once so callers see the same asynchrony as on the network.
    await Promise.resolve();
    return commands.map((command) => {
      const outcome = this.engine.execute(structuredClone(command));
      return outcome instanceof Error ? outcome : structuredClone(outcome);
    });
  }

  isReady(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
