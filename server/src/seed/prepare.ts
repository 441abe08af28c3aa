import type { Env } from '../env';
import { logger } from '../logger';
import { Region } from '../models/region';
import { User } from '../models/user';
import { roleLabel } from '@jiugai/shared';
import { seedDemo } from './demo';
import { seedParticipation } from './participation';
import { demoAccounts, demoDistrict, demoPassword, demoResidents, demoSupervisors } from './demoData';

export function printDemoAccounts(print: (line: string) => void = console.log): void {
  print('');
  print(`演示数据：${demoDistrict}（30 个小区改造项目）。演示账号（密码均为 ${demoPassword}，如未修改）：`);
  for (const a of demoAccounts)
    print(`  ${a.account.padEnd(10)} ${roleLabel[a.role].padEnd(6, '　')} ${a.name}`);
  print(
    `  小程序开发登录 openid：${demoResidents.join('、')}（居民），${demoSupervisors.map((s) => s.openid).join('、')}（义务监督员）`,
  );
  print('');
}

/**
 * Loads the demo district at start: JIUGAI_SEED_DEMO=yes loads it unless it is already there; `auto` only into an
 * empty database, and never in production (demo accounts have public passwords).
 */
export async function prepareDemoData(env: Env): Promise<boolean> {
  if (env.JIUGAI_SEED_DEMO === 'no') return false;
  const present = Boolean(await Region.exists({ parentId: null, name: demoDistrict }));
  const empty = !present && !(await Region.exists({})) && !(await User.exists({}));
  const wanted = env.JIUGAI_SEED_DEMO === 'yes' || (env.NODE_ENV !== 'production' && empty);
  if (!present && wanted) {
    const started = Date.now();
    const summary = await seedDemo();
    const participation = await seedParticipation();
    logger.info({ ...summary, participation, ms: Date.now() - started }, '已载入演示数据');
  }
  if (present || wanted) printDemoAccounts();
  return !present && wanted;
}
