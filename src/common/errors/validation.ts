import { ArgumentMetadata, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from './app-error';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], path)];
  });
}

/**
 * ValidationPipe answering at once what it only hands back: Nest passes every parameter through the
 * global pipe (the caller of @CallerCheck and @CurrentUser, a path id too), and ValidationPipe's
 * transform is async, which cost each of them a promise and the pipes consumer's waits for it.
 */
class ValidationGate extends ValidationPipe {
  /** As transform() answers, synchronously unless there is a class to validate. */
  transformNow(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.metatype && this.toValidate(metadata)
      ? this.transform(value, metadata)
      : this.transformPrimitive(value, metadata);
  }
}

/** Whitelist DTOs, reject unknown fields, and answer 400 VALIDATION_FAILED listing every field. */
export function createValidationPipe(): PipeTransform {
  const pipe = new ValidationGate({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return new AppError(
        400,
        'VALIDATION_FAILED',
        fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ') || 'The request is not valid',
        fieldErrors,
      );
    },
  });
  return { transform: (value: unknown, metadata) => pipe.transformNow(value, metadata) };
}
