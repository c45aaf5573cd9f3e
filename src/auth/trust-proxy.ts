import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { authConfig } from '../config/namespaces.js';

/**
 * TRUST_PROXY, applied to Express' `trust proxy`: off by default, so `request.ip` (the address
 * the per-address login bound counts) is the peer's and X-Forwarded-For is ignored; otherwise the
 * client's address as the trusted proxies (a hop count, or their addresses) forward it. Here, not
 * in main.ts, so that every application built from AppModule (the tests') has it too.
 */
@Injectable()
export class TrustProxySetting implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  onModuleInit(): void {
    const express = this.adapterHost.httpAdapter?.getInstance<{ set?(name: string, value: unknown): void }>();
    express?.set?.('trust proxy', this.config.trustProxy);
  }
}
