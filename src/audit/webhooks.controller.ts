import { randomBytes, randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal.js';
import { BoundedByReach, CurrentPrincipal } from '../auth/public.decorator.js';
import { ApiError, ValidationFailed } from '../domain/errors.js';
import { ApiErrorResponses } from '../http/openapi/error-responses.js';
import { WebhooksRepository, type WebhookSubscription } from '../store/repositories/webhooks.repository.js';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookListDto,
  WebhookParamsDto,
} from './dto/webhook.dto.js';

/** Only http and https URLs with a host and no credentials: a subscription cannot make the service open files or other schemes. */
function assertWebhookUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw new ValidationFailed([{ field: 'url', reasons: ['url must be an absolute http or https URL'] }]);
  }
  // A URL is answered by every GET: a credential in it would be a secret shown to all who read it.
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ValidationFailed([
      { field: 'url', reasons: ['url must not carry credentials: the deliveries are signed with the secret'] },
    ]);
  }
}

/** Whether a subscription is within a caller's reach: all for a system admin, their tenants' for a tenant admin. */
function reaches(principal: Principal, sub: { tenantId?: string }): boolean {
  if (principal.level === 'system') return true;
  return principal.level === 'tenant' && sub.tenantId !== undefined && principal.tenants.includes(sub.tenantId);
}

/**
 * Webhook subscriptions: system admins subscribe to any changes (or a tenant's, or a group's);
 * tenant admins to their tenants' changes. Group admins have no webhooks.
 */
@ApiTags('webhooks')
@BoundedByReach()
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksRepository) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to hunt group changes; the answer shows the signing secret, once' })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiErrorResponses(400, 403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWebhookDto,
  ): Promise<WebhookSubscription & { secret: string }> {
    this.assertManager(principal);
    assertWebhookUrl(body.url);
    if (body.groupId !== undefined && body.tenantId === undefined)
      throw new ValidationFailed([{ field: 'tenantId', reasons: ['tenantId is required with groupId'] }]);
    if (!reaches(principal, body))
      throw ApiError.forbidden('FORBIDDEN', 'A tenant administrator subscribes to one of their own tenants (tenantId)');
    const secret = body.secret ?? randomBytes(32).toString('base64url');
    const created = await this.webhooks.create({
      id: randomUUID(),
      url: body.url,
      secret,
      events: body.events,
      tenantId: body.tenantId,
      groupId: body.groupId,
      createdBy: principal.id,
    });
    return { ...created, secret };
  }

  @Get()
  @ApiOperation({ summary: 'The subscriptions within the caller’s reach (never their secrets)' })
  @ApiOkResponse({ type: WebhookListDto })
  @ApiErrorResponses(403)
  async list(@CurrentPrincipal() principal: Principal): Promise<{ webhooks: WebhookSubscription[] }> {
    this.assertManager(principal);
    return { webhooks: (await this.webhooks.list()).filter((s) => reaches(principal, s)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription: its state, and why it is paused' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrorResponses(400, 403, 404)
  get(@CurrentPrincipal() principal: Principal, @Param() p: WebhookParamsDto): Promise<WebhookSubscription> {
    return this.find(principal, p.id);
  }

  @Post(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the URL or the events, or resume a paused subscription (state: active)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrorResponses(400, 403, 404)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() p: WebhookParamsDto,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookSubscription> {
    await this.find(principal, p.id);
    if (body.url !== undefined) assertWebhookUrl(body.url);
    return this.webhooks.update(p.id, { url: body.url, events: body.events, state: body.state });
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsubscribe: deliveries not yet made are dropped' })
  @ApiOkResponse({ description: 'Unsubscribed (empty body)' })
  @ApiErrorResponses(400, 403, 404)
  async remove(@CurrentPrincipal() principal: Principal, @Param() p: WebhookParamsDto): Promise<void> {
    await this.find(principal, p.id);
    await this.webhooks.delete(p.id);
  }

  private assertManager(principal: Principal): void {
    if (principal.level === 'group')
      throw ApiError.forbidden('FORBIDDEN', 'Webhooks are managed by system and tenant administrators');
  }

  /** The subscription, or 404 when there is none or it is beyond the caller's reach. */
  private async find(principal: Principal, id: string): Promise<WebhookSubscription> {
    this.assertManager(principal);
    const sub = await this.webhooks.get(id);
    if (!sub || !reaches(principal, sub)) throw ApiError.notFound('WEBHOOK_NOT_FOUND', `No webhook ${id}`);
    return sub;
  }
}
