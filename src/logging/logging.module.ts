import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { logConfig, type LogConfig } from '../config/namespaces.js';
import { httpLoggerOptions } from './http-logger-options.js';
import { prettyStream } from './pretty-stream.js';

/** Where log lines go: stdout (synchronous for pipes and files on Linux, so nothing is lost at exit). Tests swap it. */
export const LOG_STREAM = Symbol('LOG_STREAM');

/**
 * Structured logs with pino: JSON lines (LOG_FORMAT=json) or readable ones (pretty), level from
 * LOG_LEVEL; silent under test unless asked. main.ts routes Nest's own logger here too.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [{ provide: LOG_STREAM, useValue: process.stdout }],
      inject: [logConfig.KEY, LOG_STREAM],
      useFactory: async (config: LogConfig, stream: NodeJS.WritableStream) => {
        const destination: DestinationStream = config.format === 'pretty' ? await prettyStream(stream) : stream;
        return { pinoHttp: [httpLoggerOptions(config), destination] };
      },
    }),
  ],
})
export class LoggingModule {}
