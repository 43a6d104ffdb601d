/** A small runbook whose three sections answer three different questions (retrieval tests). */
export const RUNBOOK = [
  '# VPN',
  'To rotate the VPN certificate, open the certificate console, revoke the old client certificate and issue a new one with the ops profile.',
  '',
  '# Printers',
  'Printer jams on floor three are reported to facilities through the help desk queue; toner is ordered monthly.',
  '',
  '# Backups',
  'Nightly backups run at 01:00 and are verified every Sunday by restoring one random database into the staging cluster.',
].join('\n');
