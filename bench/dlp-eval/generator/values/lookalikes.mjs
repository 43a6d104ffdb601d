/** Numbers and strings that resemble sensitive values but are not: every one is a hard negative. */
import { ordinaryDate } from './people.mjs';
import { luhnInvalid16 } from './finance.mjs';
import { gitSha, imageDigest, integrity, sha256, uuid } from './secrets.mjs';

const pad = (n) => String(n).padStart(2, '0');

export const LOOKALIKES = {
  order_id: (r) => r.pick([`ORD-${r.int(2019, 2026)}-${r.digits(6)}`, `#${r.digits(7)}`, `SO${r.digits(8)}`, `order ${r.digits(10)}`]),
  tracking: (r) => r.pick([`1Z${r.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 16)}`, `9400${r.digits(18)}`, `JD${r.digits(16)}`]),
  invoice: (r) => `INV-${r.digits(5)}`,
  po_number: (r) => `45${r.digits(8)}`,
  unix_time: (r) => String(1600000000 + r.int(0, 2e8)),
  timestamp: (r) => `${r.int(2023, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}${r.pick(['Z', '.123Z', '+02:00'])}`,
  date: ordinaryDate,
  version: (r) => r.pick([`v${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 20)}`, `${r.int(1, 20)}.${r.int(0, 9)}.${r.int(0, 99)}-rc.${r.int(1, 5)}`, `build ${r.int(1000, 9999)}.${r.int(10, 99)}`]),
  uuid,
  git_sha: gitSha,
  sha256,
  integrity,
  image_digest: imageDigest,
  luhn_invalid: luhnInvalid16,
  zip: (r) => r.pick([r.digits(5), `${r.digits(5)}-${r.digits(4)}`]),
  amount: (r) => `$${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`,
  ticket_ref: (r) => `${r.pick(['INC', 'CHG', 'REQ', 'JIRA-'])}${r.digits(7)}`,
  sku: (r) => `${r.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 3)}-${r.digits(4)}-${r.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}`,
  account_code: (r) => `${r.digits(4)}-${r.digits(3)}-${r.digits(3)}`,
  port_list: (r) => `${r.int(1024, 9000)}, ${r.int(1024, 9000)}, ${r.int(1024, 9000)}`,
};

/** A random look-alike with its kind. */
export function lookalike(r) {
  const kind = r.pick(Object.keys(LOOKALIKES));
  return { kind, value: LOOKALIKES[kind](r) };
}
