import { isIP } from 'node:net';
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
/** The admin password the README and .env.example show: fine on a laptop, refused in production. */
export const DEV_ADMIN_PASSWORD = 'change-me-now-please';
/** Shortest JWT_SECRET accepted in production (HS256 wants at least 256 bits of secret). */
export const PRODUCTION_JWT_SECRET_MIN = 32;

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

  /** Failed logins for one account (any address) per 15 minutes; 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(0)
  LOGIN_FAILURE_LIMIT = 10;

  /** Password-reset emails to one address per hour; 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 3 : Number(value)))
  @IsInt()
  @Min(0)
  PASSWORD_RESET_LIMIT = 3;

  /**
   * Which proxies in front of the API may report the client's address in X-Forwarded-For: a hop
   * count (1 = the nearest proxy) or a comma-separated list of proxy addresses or CIDR ranges.
   * Empty (the default) trusts none: the client address is the socket's.
   */
  @IsString()
  TRUST_PROXY = '';

  /**
   * Seconds during which a refresh token already rotated may be presented again (two browser tabs
   * refreshing at once) and answers the same new pair; later reuse ends the session. 0 = none.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60)
  REFRESH_REUSE_GRACE_SECONDS = 10;
  /** Guardian-consent emails a day, per minor and per guardian address; 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 3 : Number(value)))
  @IsInt()
  @Min(0)
  CONSENT_EMAILS_PER_DAY = 3;

  /** Team invitations a person may send a day; 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(0)
  INVITATIONS_PER_SENDER_PER_DAY = 20;

  /** Team invitations one email address may receive a day, from everyone; 0 turns it off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(0)
  INVITATIONS_PER_RECIPIENT_PER_DAY = 5;

  /** New email-verification links a person may ask for per hour; 0 turns the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt()
  @Min(0)
  VERIFY_EMAILS_PER_HOUR = 5;

  /** Files one submission may hold. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt()
  @Min(1)
  UPLOAD_MAX_FILES_PER_SUBMISSION = 20;

  /** Bytes all files of one submission may take together (default 3 GiB: a 2 GiB film and more). */
  @Transform(({ value }) => (value === undefined || value === '' ? 3 * 1024 ** 3 : Number(value)))
  @IsInt()
  @Min(1)
  UPLOAD_MAX_BYTES_PER_SUBMISSION = 3 * 1024 ** 3;

  /** Bytes all files one person uploaded may take together (default 5 GiB). */
  @Transform(({ value }) => (value === undefined || value === '' ? 5 * 1024 ** 3 : Number(value)))
  @IsInt()
  @Min(1)
  UPLOAD_MAX_BYTES_PER_USER = 5 * 1024 ** 3;

  /** Uploads are refused (507) while the disk under UPLOAD_DIR has less free space (default 1 GiB). */
  @Transform(({ value }) => (value === undefined || value === '' ? 1024 ** 3 : Number(value)))
  @IsInt()
  @Min(0)
  UPLOAD_MIN_FREE_BYTES = 1024 ** 3;

  /** Connections each process (API, worker) keeps to PostgreSQL at most. */
  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

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

  /** The built web app (`npm --prefix web run build`), served on the API's origin when present. */
  @IsString()
  WEB_DIST_DIR = 'web/dist';

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
  problems.push(...trustProxyProblems(config.TRUST_PROXY));
  if (config.NODE_ENV === 'production') problems.push(...productionProblems(config, env));
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}

/** Refuses the documented development values in production, where they would be public knowledge. */
function productionProblems(config: AppConfig, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (!env.JWT_SECRET || env.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push(
      'JWT_SECRET must be set in production (a random string of 32 characters or more)',
    );
  } else if (env.JWT_SECRET.length < PRODUCTION_JWT_SECRET_MIN) {
    problems.push(
      `JWT_SECRET must be at least ${PRODUCTION_JWT_SECRET_MIN} characters in production`,
    );
  }
  if (config.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) {
    problems.push(
      'ADMIN_PASSWORD is the documented default; set your own before starting in production',
    );
  }
  return problems;
}

function trustProxyProblems(value: string): string[] {
  if (value === '' || /^\d+$/.test(value)) return [];
  const bad = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => {
      const [address, bits, ...rest] = part.split('/');
      const family = isIP(address);
      if (!family || rest.length > 0) return true;
      if (bits === undefined) return false;
      const n = Number(bits);
      return !/^\d+$/.test(bits) || n > (family === 4 ? 32 : 128);
    });
  return bad.length > 0 ? [`TRUST_PROXY has a bad address or range: ${bad.join(', ')}`] : [];
}

/** Fastify's trustProxy: false, a hop count, or the list of trusted proxy addresses and ranges. */
export function trustProxySetting(config: AppConfig): boolean | number | string[] {
  const value = config.TRUST_PROXY.trim();
  if (value === '') return false;
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(',').map((part) => part.trim());
}
