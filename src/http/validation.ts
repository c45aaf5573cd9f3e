import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationFailed, type FieldProblem } from '../domain/errors.js';
import { assertXmlSafe } from './xml-safe.js';

/** Flattens class-validator's tree into `a.b[0].c: reason` entries. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${prefix.replace(/\.$/, '')}[${e.property}]` : `${prefix}${e.property}`;
    // A reason is said once, however many constraints gave it.
    const own: FieldProblem[] = e.constraints ? [{ field, reasons: [...new Set(Object.values(e.constraints))] }] : [];
    return [...own, ...fieldProblems(e.children ?? [], `${field}.`)];
  });
}

/**
 * Validates every body and query against its DTO: unknown fields are dropped (APIO ignores them),
 * values are never coerced (a string where a number is due is an error), and the answer names
 * each bad field with its reasons.
 */
export function createValidationPipe(forbidUnknown = false): ValidationPipe {
  return new XmlSafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: forbidUnknown,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false },
    // The first problem of a field is the real one ("must be an integer" rather than also "must be
    // 1 to 20", which a non-number fails too).
    stopAtFirstError: true,
    exceptionFactory: (errors: ValidationError[]) => new ValidationFailed(fieldProblems(errors)),
  });
}

/** The pipes validateDto uses, made once (they run on the available-users route and after plugin checks). */
const sharedPipes = new Map<boolean, ValidationPipe>();

/**
 * Validates a plain object against a DTO class the way the global pipe does; used where the pipe
 * cannot run. With `forbidUnknown`, a field the DTO does not declare is refused, naming it (filters:
 * a misspelt one must not be ignored), instead of dropped (bodies: APIO ignores unknown fields).
 */
export async function validateDto<T extends object>(
  cls: new () => T,
  plain: unknown,
  { forbidUnknown = false } = {},
): Promise<T> {
  let pipe = sharedPipes.get(forbidUnknown);
  if (!pipe) sharedPipes.set(forbidUnknown, (pipe = createValidationPipe(forbidUnknown)));
  return (await pipe.transform(plain, { type: 'body', metatype: cls })) as T;
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
