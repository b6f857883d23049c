let bishkekDay: Intl.DateTimeFormat | undefined;

/** Today as YYYY-MM-DD in Bishkek, where the hub's days begin. */
export function todayInBishkek(): string {
  bishkekDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' });
  return bishkekDay.format(new Date());
}
