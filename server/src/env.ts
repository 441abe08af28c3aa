import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Set to 1 behind a reverse proxy (nginx) so per-IP limits use the address it appends to X-Forwarded-For. */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  MONGODB_URI: z.string().url().optional(),
  JIUGAI_DATA_DIR: z.string().default('./data'),
  /** `memory` keeps the embedded database in memory only (tests). */
  /** `0` keeps the embedded engine on the main thread. */
  JIUGAI_DB_THREAD: z.enum(['0', '1']).default('1'),
  JIUGAI_DB_MODE: z.enum(['disk', 'memory']).default('disk'),
  JWT_SECRET: z.string().min(16).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(14 * 24 * 3600),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  /** Subscription-message template ids: "survey_open=ID,vote_open=ID,complaint_status=ID". */
  WECHAT_SUBSCRIBE_TEMPLATES: z.string().default(''),
  /** Public origin of the H5 build, used in QR codes when WeChat is not configured. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Requests slower than this (ms) are logged at warn level with their route; 0 = off. */
  SLOW_REQUEST_MS: z.coerce.number().int().min(0).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JIUGAI_SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
});

export type Env = z.infer<typeof EnvSchema> & { JWT_SECRET: string; dataDir: string };

const devSecret = 'jiugai-development-secret-not-for-production';

/** Parses and checks the environment at boot; a bad config stops the server with a clear message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 (invalid environment):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new Error('生产环境必须设置 JWT_SECRET（至少 16 个字符） / JWT_SECRET is required in production');
  }
  return { ...env, JWT_SECRET: env.JWT_SECRET ?? devSecret, dataDir: path.resolve(env.JIUGAI_DATA_DIR) };
}
