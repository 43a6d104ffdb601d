/**
 * node:fs inside the workerd renderer (scripts/release/render/workerd.ts), which has no host file
 * system: every call is refused, so nothing can read or write behind the launch snapshot's back.
 * The launcher's file access goes through cli/launch/snapshot-files.ts instead; the names below
 * are the ones the bundled modules import.
 */
function refuse(name: string) {
  return (): never => {
    throw new Error(`renderer: fs.${name} is not available while rendering the config`);
  };
}

export const existsSync = refuse('existsSync');
export const readFileSync = refuse('readFileSync');
export const readdirSync = refuse('readdirSync');
export const mkdirSync = refuse('mkdirSync');
export const writeFileSync = refuse('writeFileSync');
export default { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync };
