import { Injectable, Module, type OnModuleInit, Controller, Get } from '@nestjs/common';
import { HuntGroupHooks, PluginRefusal, type HuntGroupEvent, type HuntGroupRequest } from '../../src/domain/hooks.js';

/** What the recording plugin saw; shared so a test can read it. */
export const recorded: { events: HuntGroupEvent[]; requests: HuntGroupRequest[] } = { events: [], requests: [] };

/**
 * A plugin for tests: records every event and request, refuses hunt group names starting with
 * "Forbidden", upper-cases names starting with "shout:", breaks an observer on purpose, and adds a route.
 */
@Injectable()
class RecordingHooks implements OnModuleInit {
  constructor(private readonly hooks: HuntGroupHooks) {}

  onModuleInit(): void {
    this.hooks.observe('recorder', (event) => {
      recorded.events.push(event);
    });
    this.hooks.observe('broken', () => {
      throw new Error('this observer always fails');
    });
    this.hooks.observe('broken-async', () => Promise.reject(new Error('this async observer always fails')));
    this.hooks.addCheck('recorder', (request) => {
      recorded.requests.push(structuredClone(request));
      const body = 'body' in request ? request.body : undefined;
      const profile = body?.serviceInstanceProfile as Record<string, unknown> | undefined;
      const name = typeof profile?.name === 'string' ? profile.name : '';
      if (name.startsWith('Forbidden'))
        throw new PluginRefusal(
          403,
          'NAME_FORBIDDEN',
          `serviceInstanceProfile.name: "${name}" is not allowed by policy`,
        );
      if (name.startsWith('shout:') && profile) profile.name = name.slice('shout:'.length).toUpperCase();
      if (request.operation === 'delete' && request.serviceUserId.startsWith('keep')) {
        throw new PluginRefusal(409, 'HUNT_GROUP_PROTECTED', `${request.serviceUserId} is protected`);
      }
      if (request.operation === 'set-weights' && Array.isArray(body?.agents) && body.agents.length === 1) {
        throw new PluginRefusal(400, 'SPREAD_THE_LOAD', 'agents: give weights to at least two agents');
      }
    });
  }
}

@Controller('api/v1/plugins/recorder')
class RecorderController {
  @Get()
  count(): { events: number } {
    return { events: recorded.events.length };
  }
}

@Module({ providers: [RecordingHooks], controllers: [RecorderController] })
export class RecordingPluginModule {}

export default RecordingPluginModule;
