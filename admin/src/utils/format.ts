import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const displayTimeZone = 'Asia/Shanghai';

/** A server ISO time shown in Shanghai time, e.g. "2024-04-10 09:30". */
export function formatDateTime(iso?: string | null): string {
  return iso ? dayjs(iso).tz(displayTimeZone).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso?: string | null): string {
  return iso ? dayjs(iso).tz(displayTimeZone).format('YYYY-MM-DD') : '—';
}

/** 138****5678: phones are shown masked unless the task needs the full number. */
export function maskPhone(phone?: string | null): string {
  if (!phone) return '—';
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 张*, 欧阳** : only the first character of a name is shown. */
export function maskName(name?: string | null): string {
  if (!name) return '—';
  return name.slice(0, 1) + '*'.repeat(Math.max(1, name.length - 1));
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}
