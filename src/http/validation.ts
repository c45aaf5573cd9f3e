import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError, type FieldProblem } from '../domain/errors.js';
import { assertXmlSafe } from './xml-safe.js';

/** Flattens class-validator's tree into `a.b[0].c: reason` entries. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${prefix.replace(/\.$/, '')}[${e.property}]` : `${prefix}${e.property}`;
    const own: FieldProblem[] = e.constraints ? [{ field, reasons: Object.values(e.constraints) }] : [];
    return [...own, ...fieldProblems(e.children ?? [], `${field}.`)];
  });
}

/**
 * Validates every body and query against its DTO: unknown fields are dropped (APIO ignores them),
 * values are never coerced (a string where a number is due is an error), and the answer names
 * each bad field with its reasons.
 */
export function createValidationPipe(): ValidationPipe {
  return new XmlSafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const problems = fieldProblems(errors);
      const summary = problems.map((p) => `${p.field}: ${p.reasons.join(', ')}`).join('; ');
      return ApiError.badRequest('VALIDATION_FAILED', `Invalid request: ${summary}`, problems);
    },
  });
}

/** The pipe validateDto uses, made once (it runs on the available-users route and after plugin checks). */
let sharedPipe: ValidationPipe | undefined;

/** Validates a plain object against a DTO class the way the global pipe does; used where the pipe cannot run. */
export async function validateDto<T extends object>(cls: new () => T, plain: unknown): Promise<T> {
  sharedPipe ??= createValidationPipe();
  return (await sharedPipe.transform(plain, { type: 'body', metatype: cls })) as T;
}

/**
 * The validation pipe, after a check that no string (or field name) of the body, query or path
 * holds a control character or one XML cannot carry: every field, typed by a DTO or not, is
 * refused alike (400 INVALID_CHARACTERS) before any OCI-P is written, on every gateway.
 */
class XmlSafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertXmlSafe(value, metadata.type === 'param' ? 'path' : metadata.type);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
