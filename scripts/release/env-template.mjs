// The release's environment template (etc/outpost.env.example), generated from the variable table
// (worker/config/variables.ts), so it lists every variable the gateway reads, with its default and
// whether it is secret. The file works as a systemd EnvironmentFile, a docker --env-file and with
// `set -a; . FILE; set +a`.

/** Values an installed release should set instead of the development defaults. */
export const RELEASE_SETTINGS = {
  OUTPOST_AIRGAP: 'true',
  OUTPOST_STATE_DIR: '/opt/outpost/state',
  AUDIT_QUEUE_DB_PATH: '/opt/outpost/state/audit/audit_queue.db',
};

/**
 * @param {ReadonlyArray<{name: string, default: string, secret: boolean, description: string}>} variables
 * @param {string} version
 */
export function envTemplate(variables, version) {
  const lines = [
    `# Outpost ${version}: environment template, generated from worker/config/variables.ts.`,
    '# Every variable the gateway reads, its default, and [secret] for secrets.',
    '# Commented lines show the default; uncomment to change. Empty or unset means "default".',
    '# Secrets: keep this file mode 0600 (or use your secret store); they reach the runtime as',
    '# environment bindings and are never written into the generated workerd config.',
    '',
    '# --- Set for an installed release (state outside the release folders, air gap on) ---',
    ...Object.entries(RELEASE_SETTINGS).map(([k, v]) => `${k}=${v}`),
    '',
    '# --- Every variable ---',
  ];
  for (const v of variables) {
    lines.push('');
    lines.push(`# ${v.secret ? '[secret] ' : ''}${v.description}`);
    lines.push(`# default: ${v.default === '' ? '(unset)' : v.default}`);
    lines.push(`${v.name in RELEASE_SETTINGS ? '# (set above) ' : '# '}${v.name}=${v.secret ? '' : v.default}`);
  }
  return `${lines.join('\n')}\n`;
}
