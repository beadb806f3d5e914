import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const DEV_JWT_SECRET = 'kenal-development-secret-change-me';

/** Every setting Kenal reads from the environment, validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/kenal';

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces BullMQ keys so that test runs and the dev instance never share queues. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'kenal';

  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'Kenal <no-reply@kenal.local>';

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Transform(({ value }) => (value === undefined || value === '' ? 900 : Number(value)))
  @IsInt()
  @Min(30)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL = 'http://localhost:3000';

  @IsString()
  UPLOAD_DIR = './uploads';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Appends the JSON logs to this file instead of writing them to standard output. */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Login and sign-up attempts per minute per client address; 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(0)
  AUTH_RATE_LIMIT = 10;

  /** Largest JSON body accepted, in bytes. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1048576 : Number(value)))
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1048576;

  /** Multiplies every job's retry backoff; tests shrink it to see a message fail for good quickly. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1 : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(100)
  JOB_BACKOFF_SCALE = 1;

  /** How often the outbox relay looks for pending rows, in milliseconds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 500 : Number(value)))
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  /**
   * Longest wait for one Redis command in the API (and for a job producer in the worker): with
   * Redis away a request answers 503 DEPENDENCY_UNAVAILABLE instead of waiting.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 1000 : Number(value)))
  @IsInt()
  @Min(50)
  REDIS_COMMAND_TIMEOUT_MS = 1000;

  /** PostgreSQL statement_timeout of the API's connections, in milliseconds (0: none). */
  @Transform(({ value }) => (value === undefined || value === '' ? 15000 : Number(value)))
  @IsInt()
  @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  /** PostgreSQL idle_in_transaction_session_timeout of the API's connections, in ms (0: none). */
  @Transform(({ value }) => (value === undefined || value === '' ? 10000 : Number(value)))
  @IsInt()
  @Min(0)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10000;

  /** The same for the worker, whose matching and assignment jobs read and write whole rounds. */
  @Transform(({ value }) => (value === undefined || value === '' ? 600000 : Number(value)))
  @IsInt()
  @Min(0)
  WORKER_DB_STATEMENT_TIMEOUT_MS = 600000;

  /**
   * The worker's idle_in_transaction_session_timeout: an assignment run solves while it holds its
   * round, and a delivery holds its row while the SMTP server answers.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 600000 : Number(value)))
  @IsInt()
  @Min(0)
  WORKER_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 600000;

  /** Delivered notifications are deleted from the outbox this many days after delivery. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_DAYS = 30;
}

export class ConfigError extends Error {}

/** Reads the environment into AppConfig; throws one readable line listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new AppConfig())) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  if (config.NODE_ENV === 'production' && (!env.JWT_SECRET || env.JWT_SECRET === DEV_JWT_SECRET)) {
    problems.push('JWT_SECRET must be set in production');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
