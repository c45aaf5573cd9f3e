/**
 * Baseline (d): a plain NestJS route on the same HTTP adapter (Express), answering a fixed JSON
 * body of the size of a hunt group instance. What NestJS + Express cost with nothing behind them.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const BODY = {
  serviceUserId: 'APIOTestHuntGroup@sip.netaxis.be',
  serviceInstanceProfile: {
    name: 'APIO Test Hunt Group',
    cliLastName: 'Last Test',
    cliFirstName: 'First Test',
    language: 'English',
  },
  policy: 'Regular',
  agents: [
    {
      userId: 'ApioUserTest@sip.netaxis.be',
      lastName: 'Test',
      firstName: 'Test',
      weight: 60,
      phoneNumber: '',
      extension: '4000',
    },
  ],
  active: true,
};

@Controller('plain')
class PlainController {
  @Get()
  get(): typeof BODY {
    return BODY;
  }
}

@Module({ controllers: [PlainController] })
class PlainModule {}

const app = await NestFactory.create(PlainModule, { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
console.log(`plain app listening on ${process.env.PORT}`);
