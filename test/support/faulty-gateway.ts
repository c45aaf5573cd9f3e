import { type OciOutcome } from '../../src/ocip/commands.js';
import type { OciRequest, OciRequestName } from '../../src/ocip/commands.js';
import { OciErrorResponse, OciTransportError } from '../../src/ocip/oci-errors.js';
import { OciGateway } from '../../src/broadworks/oci/oci-gateway.js';

/**
 * Wraps a gateway and makes chosen commands fail the way BroadWorks refuses them, without running
 * them: for proving that a request whose later step fails leaves nothing behind.
 */
export class FaultyGateway extends OciGateway {
  private readonly failures = new Map<OciRequestName, OciErrorResponse>();
  private readonly conditions: { when: (command: OciRequest) => boolean; error: OciErrorResponse }[] = [];
  readonly sent: OciRequest[][] = [];
  /** A slower BroadWorks: each document waits this long before it is answered. */
  delayMs = 0;
  /** BroadWorks down: every document is refused before it is sent, as the pool does when it cannot connect. */
  unreachable = false;

  constructor(private readonly inner: OciGateway) {
    super();
  }

  failAlways(type: OciRequestName, error = OciErrorResponse.of(4400, `Injected failure of ${type}`)): void {
    this.failures.set(type, error);
  }

  /** Fails the commands `when` picks (e.g. the modify of one hunt group among many). */
  failWhen(
    when: (command: OciRequest) => boolean,
    error = OciErrorResponse.of(4400, 'Injected failure of a chosen command'),
  ): void {
    this.conditions.push({ when, error });
  }

  async execute(commands: readonly OciRequest[]): Promise<OciOutcome[]> {
    if (this.unreachable) throw new OciTransportError('unreachable', 'injected: BroadWorks is down');
    this.sent.push([...commands]);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const outcomes: OciOutcome[] = [];
    for (const command of commands) {
      const failure = this.failures.get(command.$type) ?? this.conditions.find((c) => c.when(command))?.error;
      outcomes.push(failure ?? (await this.inner.execute([command]))[0]);
    }
    return outcomes;
  }

  isReady(): Promise<boolean> {
    return this.inner.isReady();
  }
}
