import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module, Controller, Get } from '@nestjs/common';
@Controller() class A { @Get() hi(): string { return 'hi'; } }
@Module({ controllers: [A] }) class M {}
const app = await NestFactory.create(M);
await app.listen(3999);
console.log('up');
