/**
 * A WAL position as PostgreSQL prints it (`pg_lsn`, e.g. `16/B374D848`: the high and low
 * 32 bits in hex) turned into a number that compares. Null stays null (a primary asked
 * for its replay position, a replica that has replayed nothing yet).
 *
 * @example walPosition("0/3001B98") // 50338712n
 */
export function walPosition(lsn: string | null | undefined): bigint | null {
  if (lsn === null || lsn === undefined) return null;
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(lsn);
  if (!match) throw new Error(`Not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
