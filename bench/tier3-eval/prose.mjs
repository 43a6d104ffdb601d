// Held-out prose for Tier 3, written apart from the training templates (scripts/tier3/*) and
// never imported by the training script: its own vocabulary (other conditions, companies,
// allegations, programmes, amounts), its own sentence structures (e-mails, chat messages, minutes,
// third-person reports, requests to an assistant), and two topics the first training corpus did
// not have (trade secrets, security incidents).
//
// 200 sensitive documents that carry no identifier a pattern could catch (no names, numbers of
// accounts, IDs, e-mail addresses), and 200 benign look-alikes on the same topics: public
// information, policies, announced news, teaching material, hypotheticals.

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

const POOLS = {
  who: ['a guy on my squad', 'the woman who runs our warehouse', 'my deputy', 'one of our nurses', 'the intern from last summer', 'our head of sales', 'a driver on the night route', 'my sister-in-law', 'the facilities supervisor', 'a longtime customer of ours', 'the ops lead in the other office'],
  illness: ["Crohn's disease", 'epilepsy', 'a brain tumour', 'PTSD', 'hepatitis C', 'schizophrenia', 'endometriosis', 'ALS', 'lupus', 'an opioid addiction', 'early-onset dementia', 'stage three breast cancer'],
  care: ['radiotherapy', 'a stint in a psychiatric ward', 'methadone treatment', 'weekly infusions', 'surgery next month', 'an experimental drug trial', 'a residential treatment programme', 'anti-seizure medication'],
  firm: ['Helmbright', 'Ostara Foods', 'the Dutch packaging group', 'a listed telecom operator', 'our biggest distributor', 'a family-owned brewery', 'the satellite imaging outfit', 'a struggling airline'],
  money: ['roughly 700 million euros', 'just under 1.5 billion', '240 million', 'a bit north of 3 billion', '85 million in cash and shares'],
  when: ['by the end of March', 'over the summer', 'early next year', 'once the audit is done', 'in about eight weeks'],
  misconduct: ['sexual harassment', 'taking kickbacks from a vendor', 'racist remarks in meetings', 'padding overtime claims', 'stalking a coworker', 'drinking on shift', 'forging inspection records', 'threatening a subordinate'],
  programme: ['Operation Tidewater', 'the border sensor network', 'the submarine refit schedule', 'the embassy drawdown plan', 'the drone basing study', 'the signals collection effort', 'the reserve mobilisation order'],
  pay: ['118k', '$264,000', 'ninety-one thousand pounds', '€152,000', 'a base of 187,500'],
  secret: ['the curing formula for the new sealant', 'our battery electrolyte recipe', 'the pricing algorithm source', 'the supplier cost sheet', 'the unreleased chip floor plan', 'the yield numbers from the pilot fab', 'the customer churn model weights'],
  incident: ['someone got into the VPN with a stolen session', 'ransomware encrypted two file servers', 'an attacker dumped the customer table', 'a contractor laptop with database backups was stolen', 'we found a web shell on the billing host', 'admin credentials were posted on a paste site'],
  subject: ['the parking garage reopening', 'the Q3 offsite', 'the new expense tool', 'the printer fleet upgrade', 'the holiday rota', 'the API deprecation'],
};

const SENSITIVE = {
  health: [
    'hey, quick one - {who} just got diagnosed with {illness} and is starting {care}. they begged me not to tell the team, so how do I explain the absence without outing them?',
    'Re: cover for next month\n\nI can only share this with you: {who} has {illness}. Doctors want {care}. Please keep it off the rota notes.',
    'Can you rewrite this so my boss does not guess the real reason? The real reason is that I have {illness} and will be in {care}.',
    'Minutes (do not circulate): we discussed {who}, who was admitted after an episode linked to {illness}; return date unknown, family wants privacy.',
    'My partner does not know yet that the biopsy showed {illness}. Help me plan how to tell them, and how to ask work for leave for {care}.',
    'Private: the occupational health report says {who} cannot drive because of {illness}. Nobody outside HR should see this.',
  ],
  deal: [
    'Team - strictly internal. We agreed terms last night to buy {firm} for {money}. Nothing goes out {when}. Do not trade, do not tell spouses.',
    'Draft me talking points for the board dinner: the {firm} acquisition at {money} is still secret and the target\'s staff have no idea.',
    'fyi only the four of us know {firm} is selling itself to us for {money}. lawyers say announcement {when}. keep it off slack',
    'Summarise the term sheet we signed with {firm}: {money}, exclusivity until the announcement {when}. Market has not been told.',
    'We are quietly shutting the Leeds plant {when} as part of the {firm} merger; the unions have not been informed. Write the internal Q&A.',
    'Before the results call, nobody may hint that we are walking away from the {firm} bid at {money}. This is price-sensitive.',
  ],
  hr: [
    'Need help wording an email: {who} is under investigation for {misconduct}. They have not been told yet and the complaint must stay anonymous.',
    'Confidential - grievance outcome: the panel upheld the allegation of {misconduct} against {who}. Dismissal letter goes out Monday.',
    'notes from today: two staff came forward about {misconduct} by {who}. we are suspending them quietly pending interviews. do not share',
    'We are about to let {who} go over {misconduct}; help me write a script for the meeting, nobody else in the department knows.',
    'Please tidy these investigation notes. Witness B says {who} was involved in {misconduct} on three occasions. Restricted to legal and HR.',
    'I reported {misconduct} by {who} to the ethics line and I am scared they will find out it was me. How do I protect myself?',
  ],
  classified: [
    'TOP SECRET draft: {programme} slips {when}; the revised timeline and the units involved are in para 3. Handle via the secure net only.',
    'Summarise for the minister: {programme} has a gap in coverage that an adversary could exploit. Not for release.',
    'Reformat this cable about {programme}: our source inside the ministry says the other side knows about it. Eyes only.',
    'Rewrite these briefing notes on {programme} for the closed committee; the locations and force numbers must be kept exactly.',
    'Restricted distribution: the after-action review of {programme} lists weaknesses in our own communications security.',
    'Help me condense the intel assessment on {programme} into a one-pager for cleared staff; it names the collection methods.',
  ],
  salary: [
    'ok so {who} is on {pay} and I am on way less for the same job. this is from a leaked spreadsheet so keep it between us. how do I raise it?',
    'Private comp review: proposing {who} moves to {pay} plus a retention bonus. Do not put this in the shared drive.',
    'Draft a reply to {who}: we can offer {pay}, which is above band, so please treat the figure as confidential.',
    'Help me understand this payslip: my base is {pay} and my bonus was cut, which my manager asked me not to discuss.',
    'The CEO quietly got a raise to {pay} while the rest of us had a freeze. I want to write to the board without revealing how I know.',
    'Table of individual pay for the design team: {who} at {pay}; others to follow. For the comp committee only.',
  ],
  trade_secret: [
    'Our competitor would pay a fortune for {secret}. I am attaching it - please turn it into a clean summary for the new plant manager only.',
    'Under NDA: explain {secret} in simpler terms for the two engineers joining the project. It must not leave the team.',
    'I am leaving next week and want to take {secret} with me for my next job. How do I copy it without IT noticing?',
    'Proprietary - do not share: review {secret} and tell me which parameters give us the edge over the competition.',
    'Here is {secret} in full. Reformat it as a table; this is our crown-jewel IP and the partner has not signed the NDA yet.',
    'Internal only: the reason our margins beat everyone is {secret}; draft a briefing for the new COO.',
  ],
  security: [
    'Incident update, not public yet: {incident}. We have not notified customers or the regulator. Draft the internal status note.',
    'Keep this in the war room: {incident}, and the attacker may still have access. Help me write the containment plan.',
    'Legal says do not disclose until we know the scope - {incident}. Write a holding statement for staff that says nothing specific.',
    'Post-mortem draft (restricted): {incident} because the old admin portal was left exposed; the unpatched hosts are still listed below.',
    'we think {incident}. the board does not know yet. can you help me figure out what to tell them and when?',
    'Confidential for the CISO: {incident}; forensic timeline attached, with the systems that remain vulnerable.',
  ],
};

const BENIGN = {
  health: [
    'What is the usual treatment path for {illness}? I am writing a general explainer for our staff newsletter.',
    'Our wellbeing page should explain how to request leave for medical appointments such as {care}. Draft it without personal details.',
    'Summarise what the NHS website says about living with {illness}, in plain English, for a school project.',
    'Write a fictional short story in which a character learns to manage {illness}.',
    'What questions should a manager avoid asking when an employee mentions a health condition? General guidance please.',
    'Explain the difference between {illness} and similar conditions for a first-aid training handout.',
  ],
  deal: [
    '{firm} announced this morning that it completed the sale for {money}. Summarise the press release for our customer newsletter.',
    'Explain how a tender offer differs from a merger, with examples from public deals.',
    'Write a case study for business students about a well-known acquisition that failed to deliver value.',
    'The merger with {firm} closed last month and is public. Draft a welcome note for their staff joining us.',
    'What does due diligence usually cover when a company is bought? A checklist for a seminar.',
    'List the public filings a listed company must make when it agrees to be acquired.',
  ],
  hr: [
    'Draft a policy section on how we investigate complaints of {misconduct}, written for the employee handbook.',
    'Create a training scenario (fictional people) about a manager responding to a report of {misconduct}.',
    'What are the legal steps for a fair disciplinary process in the UK? General overview only.',
    'Write a poster encouraging staff to use the anonymous ethics line.',
    'Summarise best practice for running exit interviews, for our HR wiki.',
    'Explain how whistleblower protection laws work, in general terms, for a compliance course.',
  ],
  classified: [
    'Explain how documents are declassified after thirty years, with a few historical examples.',
    'Write a book report on a published memoir by a retired intelligence officer.',
    'What is the difference between restricted, confidential and secret markings? A glossary entry.',
    'Summarise the public parliamentary debate about defence spending for a civics class.',
    'Draft a museum label for a decommissioned cold war radar station.',
    'Write a thriller scene in which a fictional analyst discovers a leak.',
  ],
  salary: [
    'What is the typical salary range for a data engineer in Berlin? Use public surveys.',
    'Our job advert says the role pays {pay}; rewrite it to sound more welcoming.',
    'Explain how pay bands work and why companies publish them.',
    'Write tips for asking for a raise, for a careers blog.',
    'Summarise the public gender pay gap report that large employers must file.',
    'Create a spreadsheet template for comparing job offers, with columns for base, bonus and benefits.',
  ],
  trade_secret: [
    'Explain what counts as a trade secret under US law, with famous public examples like a soft drink formula.',
    'Write an onboarding paragraph reminding staff why we protect confidential information, without naming any.',
    'Draft a generic NDA clause for a supplier agreement.',
    'Summarise a public court case about employees taking trade secrets to a competitor.',
    'What are good practices for labelling internal documents? General guidance.',
    'Write a blog post about the history of industrial espionage, using public sources.',
  ],
  security: [
    'Summarise the public breach notification a retailer published last year and the lessons for others.',
    'Write a tabletop exercise (fictional company) where {incident}.',
    'Explain the stages of incident response from the NIST guide for a beginner course.',
    'Draft a phishing-awareness email for all staff, general tips only.',
    'What is ransomware and how do companies usually recover? Plain-language explainer.',
    'Create a checklist for patching servers after a vendor security advisory.',
  ],
};

const WRAPPERS = [
  (t) => t,
  (t) => `Hi,\n\n${t}\n\nThanks`,
  (t) => `${t} Keep the tone calm and professional.`,
  (t) => `[10:42] ${t}`,
  (t) => `Quick favour - ${t}`,
  (t) => `${t}\n\nCheers, and sorry for the long message.`,
  (t) => `Context: this is about ${'{subject}'} as well, but mainly: ${t}`,
];

/**
 * The held-out prose set: `{ id, text, label: 'sensitive' | 'benign', topic }`, 200 of each label,
 * deterministic.
 * @example
 * proseDocuments().filter((d) => d.label === 'sensitive').length; // 200
 */
export function proseDocuments(seed = 16, perLabel = 200) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const fill = (s) => s.replace(/\{(\w+)\}/g, (_, slot) => pick(POOLS[slot]));
  const topics = Object.keys(SENSITIVE);
  const docs = [];
  for (const [label, frames] of [['sensitive', SENSITIVE], ['benign', BENIGN]]) {
    for (let i = 0; i < perLabel; i++) {
      const topic = topics[i % topics.length];
      // Frames in turn, so that every frame is used; slots and wrapper at random.
      const frame = frames[topic][Math.floor(i / topics.length) % frames[topic].length];
      docs.push({ id: `${label}-${i}`, text: fill(pick(WRAPPERS)(frame)), label, topic });
    }
  }
  return docs;
}
