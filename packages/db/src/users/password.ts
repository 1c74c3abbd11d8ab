import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { workSlots } from "../shared/work-slots.js";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

// OWASP's scrypt floor: N=2^17, r=8, p=1 (128 MiB); maxmem leaves room for it.
const N = 2 ** 17;
const r = 8;
const p = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

/**
 * How many scrypt runs at once: each takes a core and 128 MiB for a few hundred
 * milliseconds, so eight logins at once starved every other request (a simple query's
 * median went from 11 ms to 3.7 s). Half the cores (one on two) hash; the rest serve.
 */
export const PASSWORD_HASHING_SLOTS = Math.max(1, Math.floor(availableParallelism() / 2));
const hashing = workSlots(PASSWORD_HASHING_SLOTS);

/** How many password checks or hashes wait for a slot (sign-in refuses new attempts when too many do). */
export function passwordHashesWaiting(): number {
  return hashing.waiting();
}

/**
 * Hashes a password with scrypt and a random salt, in a self-describing string
 * (`scrypt$N$r$p$salt$hash`, base64) so parameters can be raised later.
 *
 * @example const stored = await hashPassword("correct horse battery staple");
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await hashing.run(() =>
    scryptAsync(password.normalize("NFC"), salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY }),
  );
  return ["scrypt", N, r, p, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** Checks a password against a stored {@link hashPassword} string in constant time (one slot at a time, see above). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !rr || !pp || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await hashing.run(() =>
    scryptAsync(password.normalize("NFC"), Buffer.from(salt, "base64"), expected.length, {
      N: Number(n),
      r: Number(rr),
      p: Number(pp),
      maxmem: MAX_MEMORY,
    }),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
