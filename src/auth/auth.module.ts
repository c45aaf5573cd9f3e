import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { Clock, SystemClock } from './clock.js';
import { LoginLimiter } from './login-limiter.js';
import { MachineTokensController } from './machine-tokens.controller.js';
import { MachineTokensStore } from './machine-tokens.store.js';
import { AuthCache } from './auth-cache.js';
import { TokenService } from './token.service.js';
import { TrustProxySetting } from './trust-proxy.js';
import { UsersStore } from './users.store.js';

/**
 * Users, tokens and the global guard, on the store (StoreModule, global). The guard is an APP_GUARD here, so every controller of the
 * application (plugins included) is protected by default, in main.ts and in tests alike.
 */
@Module({
  // The secret is passed on each sign/verify from the validated auth namespace, not registered here.
  imports: [JwtModule.register({})],
  controllers: [AuthController, MachineTokensController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    AuthCache,
    UsersStore,
    MachineTokensStore,
    TokenService,
    LoginLimiter,
    AuthService,
    TrustProxySetting,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
