/**
 * The built-in baseline bundle (assets/policy/policy_bundle.baseline.json, compiled into the
 * worker): what the gateway enforces when no other bundle loads, so it never runs with no policy.
 * It goes through the same validator as any bundle; it is part of the signed release artifact,
 * so it needs no bundle signature.
 */
import baselineJson from '../../assets/policy/policy_bundle.baseline.json';

/** The baseline's bytes, as validated and hashed. */
export function baselineBytes(): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(baselineJson, null, 2));
}
