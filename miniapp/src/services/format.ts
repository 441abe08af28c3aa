import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

// China has one time zone and no daylight saving: a fixed +08:00 avoids relying on Intl time-zone data,
// which not every mini-program JS engine ships.
const shanghaiOffsetMinutes = 8 * 60;
const plainDate = /^\d{4}-\d{2}-\d{2}$/;

const inShanghai = (iso: string) =>
  plainDate.test(iso) ? dayjs(iso) : dayjs(iso).utcOffset(shanghaiOffsetMinutes);

/** "2024年4月10日" (Asia/Shanghai). */
export const formatDate = (iso: string | null | undefined): string =>
  iso ? inShanghai(iso).format('YYYY年M月D日') : '待定';

/** "2024-04-10 09:30" (Asia/Shanghai). */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? inShanghai(iso).format('YYYY-MM-DD HH:mm') : '';

/** Today's date in Shanghai as YYYY-MM-DD (for date fields). */
export const todayInShanghai = (): string => dayjs().utcOffset(shanghaiOffsetMinutes).format('YYYY-MM-DD');

/** "138****5678"; landlines and short numbers are shown as they are (they are public office numbers). */
export const maskPhone = (phone: string): string =>
  /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;

/** A percentage with up to two decimals: 66.67%. */
export const formatPercent = (p: number): string => `${Number(p.toFixed(2))}%`;

/** Money in fen → "1.20 元". */
export const formatFen = (fen: number): string => `${(fen / 100).toFixed(2)} 元`;
