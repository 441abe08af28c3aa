import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const chinaTimeZone = 'Asia/Shanghai';

/** A moment as seen on a clock in China. */
export const inChina = (at: Date | string | number): Dayjs => dayjs(at).tz(chinaTimeZone);

/** "2026-05-01 18:00" in China time, for people. */
export const formatChinaTime = (at: Date | string | number): string => inChina(at).format('YYYY-MM-DD HH:mm');

/**
 * Working days are Monday to Friday in China time. Statutory holidays (春节, 国庆 …) and their make-up
 * working weekends are deliberately ignored: the State Council publishes them yearly and no calendar is kept
 * here, so a deadline across a holiday week can come a few days early.
 */
export const isWorkingDay = (day: Dayjs): boolean => day.day() !== 0 && day.day() !== 6;

/**
 * Deadline for a time limit of `days` working days counted from `start`: the end (23:59:59.999, China time)
 * of the `days`-th working day after the start day. The start day itself never counts, so a complaint filed
 * on Friday afternoon with one working day to accept is due at the end of Monday.
 */
export function addWorkingDays(start: Date, days: number): Date {
  let day = inChina(start).startOf('day');
  let left = days;
  while (left > 0) {
    day = day.add(1, 'day');
    if (isWorkingDay(day)) left -= 1;
  }
  return day.endOf('day').toDate();
}

/** Whole working days from the end of `from`'s day through the end of `to`'s day (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date): number {
  let day = inChina(from).startOf('day');
  const last = inChina(to).startOf('day');
  let count = 0;
  while (day.isBefore(last)) {
    day = day.add(1, 'day');
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
