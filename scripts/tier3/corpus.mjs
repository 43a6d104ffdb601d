// The labeled corpus for the default Tier 3 model, generated from a seed: sensitive prose that
// carries no identifier a pattern could catch (health narratives, undisclosed deals, HR
// investigations, classified memos, salaries) and benign look-alikes on the same topics (public
// health information, announced deals, HR policy, public memos, published pay bands).

/** mulberry32: a small deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

const SLOTS = {
  person: ['my colleague', 'our team lead', 'the new hire', 'my manager', 'one of the engineers', 'the contractor', 'a senior analyst', 'my brother', 'the client contact', 'our director'],
  condition: ['early-stage cancer', 'type 2 diabetes', 'severe depression', 'a heart arrhythmia', 'HIV', 'bipolar disorder', 'multiple sclerosis', 'an eating disorder', 'chronic kidney disease', 'a substance use disorder'],
  treatment: ['chemotherapy', 'insulin therapy', 'antidepressants', 'a pacemaker fitting', 'antiretroviral treatment', 'lithium', 'infusion therapy', 'inpatient rehab', 'dialysis', 'counselling twice a week'],
  company: ['a mid-sized competitor', 'the logistics firm we talked about', 'our main supplier', 'a regional bank', 'the robotics startup', 'a European rival', 'the payments company', 'a chip designer'],
  amount: ['four hundred million', 'about two billion', 'ninety million', 'a little over one billion', 'three hundred million', 'six hundred million'],
  quarter: ['next quarter', 'before the end of the year', 'in the spring', 'after the earnings call', 'within six weeks'],
  allegation: ['harassment', 'expense fraud', 'bullying', 'falsifying timesheets', 'leaking customer lists', 'discrimination in hiring', 'misusing company cards', 'retaliation against a whistleblower'],
  operation: ['the northern deployment', 'the convoy schedule', 'the surveillance program', 'the evacuation plan', 'the patrol rotation', 'the intercept program', 'the troop movements'],
  salary: ['one hundred forty thousand', 'ninety-five thousand', 'two hundred ten thousand', 'eighty-two thousand', 'one hundred seventy thousand'],
  topic: ['the migration project', 'the quarterly roadmap', 'the onboarding guide', 'the office move', 'the release checklist', 'the customer survey'],
};

const fill = (r, template) => template.replace(/\{(\w+)\}/g, (_, slot) => pick(r, SLOTS[slot]));

const SENSITIVE = {
  health: [
    'Between us: {person} has been struggling with {condition} and asked me to cover their shifts while they go through {treatment}.',
    'I need to tell my landlord why I missed rent without saying I was hospitalised for {condition}; help me phrase it.',
    '{person} collapsed at work last week; the hospital says it is {condition}, and the family asked us to keep it quiet.',
    'Please draft a sick note for {person} that hides the fact they are receiving {treatment} for {condition}.',
    '{person} told me in confidence that they were diagnosed with {condition} last month and started {treatment}; please do not mention it to anyone else on the team.',
    'Can you help me write a note to HR? {person} has {condition} and will be out for {treatment}, but they do not want the reason shared.',
    'Summarise this for me: my doctor confirmed {condition} and I am starting {treatment}, which I have not told my employer about yet.',
    'The test results came back and {person} has {condition}; the specialist wants to begin {treatment} right away.',
  ],
  deal: [
    'Do not share outside the steering group: the plan to sell our consumer division to {company} closes {quarter} at {amount}.',
    'Our lawyers finished due diligence on {company}; the takeover price of {amount} stays secret until the regulator is told.',
    'Help me prepare the secret briefing for investors: we intend to bid {amount} for {company} {quarter}.',
    'Write to the three insiders that the merger talks with {company} are progressing and must not be discussed with anyone.',
    'Confidential: we are in final talks to acquire {company} for {amount} dollars, with signing expected {quarter}; nothing has been announced.',
    'Draft a board update on the plan to buy {company}. The price we agreed privately is {amount}, and the market does not know yet.',
    'Before the announcement {quarter}, keep quiet that {company} accepted our offer of {amount}; only the deal team is aware.',
    'We will lay off a fifth of the plant staff {quarter} and merge with {company}; this must not leak before the press release.',
  ],
  hr: [
    'Confidential HR case: {person} filed a complaint about {allegation} and the accused manager has not been told yet.',
    'Summarise the witness interviews about {person} and the {allegation} incident for the legal team only.',
    'We are planning to terminate {person} next week because of {allegation}; draft the letter but do not send it.',
    'The investigation report concludes that {person} engaged in {allegation}; restrict access to the case file.',
    'Internal investigation: {person} is accused of {allegation}; two witnesses gave statements and a decision on dismissal is pending.',
    'Please rewrite the findings: {person} was found responsible for {allegation} and will be put on a final warning, not yet communicated.',
    'The disciplinary panel meets on Friday about {person} and the {allegation} complaint; keep the names out of the shared channel.',
    'Notes from the grievance meeting: {person} reported {allegation} by their supervisor and asked for the complaint to stay anonymous.',
  ],
  classified: [
    'SECRET planning note: {operation} will shift its start {quarter}; do not copy the timings to unclassified systems.',
    'Brief the commander on {operation}: the vulnerabilities we found in our own defences are listed in the annex.',
    'The agent handling {operation} reported that our cover may be compromised; keep this in the secure channel.',
    'Compile the list of units assigned to {operation} with their readiness status for the closed session.',
    'Memo for the duty officer: {operation} moves forward {quarter}; locations and unit strengths are attached and must not leave the secure network.',
    'Summarise the briefing on {operation}. The assessment of enemy positions and our response options is for cleared personnel only.',
    'Draft the tasking order for {operation}, including the timing and the routes we agreed in the closed session.',
    'The intelligence source behind {operation} is at risk if the report circulates; restrict distribution to the named recipients.',
  ],
  salary: [
    'Compare what {person} makes, {salary} a year, with the bonus the director gets; the figures are private.',
    '{person} told me their pay is {salary} and asked me not to share it with the rest of the department.',
    'Prepare the confidential spreadsheet of individual pay rises: {person} goes to {salary} from next month.',
    'Our CFO\'s personal compensation is {salary} plus stock; write the internal memo for the board only.',
    '{person} earns {salary} dollars a year and is asking for a raise; please compare it with the rest of the team privately.',
    'Here are the individual salaries for the team: {person} is on {salary} and the others are slightly lower; draft a fair adjustment.',
    'Write an offer letter for {person} at {salary} a year plus a signing bonus; the number must stay between us and finance.',
    'The payroll export shows {person} at {salary} after the adjustment; do not forward it outside the compensation committee.',
  ],
};

const BENIGN = {
  health: [
    'List questions patients often ask their doctor about {treatment}, for a general hospital website.',
    'What does the public health guidance say about screening for {condition}? Summarise it neutrally.',
    'Write a blog post about supporting colleagues with long-term illness, without referring to anyone specific.',
    'Write a short explainer on how {condition} is usually diagnosed and what {treatment} involves, for a public health leaflet.',
    'What are common symptoms of {condition}? I am preparing a general awareness talk for the wellness week.',
    'Our benefits guide should explain that {treatment} is covered by the company plan; draft a neutral paragraph.',
    'Summarise recent public research on {treatment} for {condition} in plain language for a newsletter.',
  ],
  deal: [
    'Explain what a merger arbitrage strategy is, using historical public examples.',
    'Summarise the publicly filed annual report of {company} for a student assignment.',
    'Write a generic template for a press release announcing a completed acquisition.',
    'The press release is out: we completed the acquisition of {company} {quarter}; draft a customer FAQ about the announced deal.',
    'Explain in general terms how companies value an acquisition target like {company}, for a training session.',
    'Analysts reported that {company} raised {amount} in a public offering; summarise the public coverage.',
    'Prepare talking points about our publicly announced partnership with {company} for the all-hands meeting.',
  ],
  hr: [
    'Write an anonymous case study for management training about handling complaints of {allegation}.',
    'Draft a policy paragraph describing how long disciplinary records are retained.',
    'Explain the general legal steps of a workplace investigation for a public webinar.',
    'Draft a section of the employee handbook explaining how complaints about {allegation} are reported and investigated.',
    'What training should managers receive to prevent {allegation}? Write a general checklist.',
    'Summarise our published code of conduct rules on {allegation} for the onboarding guide.',
    'Create a quiz for the annual compliance course covering {allegation} and how to raise a concern.',
  ],
  classified: [
    'Write a school lesson plan about how governments declassify old documents.',
    'Summarise a published book review about the history of military intelligence.',
    'Explain the difference between confidential, secret and top secret as general terms for a glossary.',
    'Write a history essay outline about declassified Cold War operations and how {operation} style planning was taught publicly.',
    'Summarise the public news coverage of military logistics and why {operation} style schedules matter in general.',
    'Explain what a security clearance is and how classification levels work, for a general audience.',
    'Draft a public museum caption about historical reconnaissance programs described in released archives.',
  ],
  salary: [
    'Write a public explainer about how pay transparency laws work in different countries.',
    'Summarise the published median salary for software engineers from the government statistics office.',
    'Draft a job posting with the advertised range starting at {salary} a year.',
    'Our published pay band for analysts runs from {salary} upward; write a job advert mentioning the public range.',
    'Explain how salary benchmarking works in general and which public surveys HR teams use.',
    'Summarise the national statistics release on average salaries in the technology sector.',
    'Write guidance for candidates on how to negotiate an offer, without referring to any real person.',
  ],
};

// Everyday traffic with no sensitive topic at all: most of what a gateway sees. Without it the
// model learns "any text that is not a look-alike is sensitive".
const GENERIC = [
  'Please review the attached release checklist and confirm the steps for {topic}.',
  'The cafeteria menu changes on Monday; vegetarian options are listed on the intranet page.',
  'Here is the meeting agenda: roadmap review, customer survey results, and {topic}.',
  'Can you turn these notes on {topic} into a short summary with action items and owners?',
  'Write a Python function that parses a CSV file and returns the rows as dictionaries.',
  'Translate this paragraph about {topic} into French, keeping the formatting.',
  'The office move is scheduled for the spring and the checklist has been updated with the new steps for the team.',
  'Suggest three names for the internal wiki page about {topic}.',
  'Fix the grammar in this sentence: the servers was restarted after the maintenance window.',
  'What is the difference between a process and a thread? Explain with a short example.',
  'Draft a friendly reminder that the team lunch is on Thursday at noon in the main building.',
  'Our quarterly planning notes list three workstreams and their owners; format them as a table.',
  'Explain how to configure a reverse proxy in front of a web application, step by step.',
  'Summarise the public changelog of the latest release for {topic}.',
  'Write a haiku about the first snow of the winter.',
  'Compare two approaches to caching for {topic} and list the trade-offs.',
];

const FILLER = [
  'Thanks in advance.',
  'Keep it short, please.',
  'Use a friendly tone.',
  'Bullet points are fine.',
  'This is for {topic}.',
  'I need it by tomorrow morning.',
  '',
];

/**
 * Generates `count` documents, half sensitive and half benign, each `{ id, text, label, topic }`
 * with label 'sensitive' or 'clean'. The 'test' split draws only on templates the 'train' split
 * never uses (the last of each topic), so held-out accuracy measures generalisation, not recall
 * of memorised sentences.
 */
export function generateCorpus(seed, count, split = 'train') {
  const r = rng(seed);
  const topics = Object.keys(SENSITIVE);
  const docs = [];
  for (let i = 0; i < count; i++) {
    const sensitive = i % 2 === 0;
    // A third of the clean documents are everyday traffic, the rest look-alikes on the topics.
    const generic = !sensitive && r() < 0.34;
    const topic = generic ? 'generic' : topics[Math.floor(r() * topics.length)];
    const all = sensitive ? SENSITIVE[topic] : generic ? GENERIC : BENIGN[topic];
    // Held-out templates: the last of each topic; of the everyday pool, the last four.
    const held = generic ? 4 : 1;
    const source = split === 'test' ? all.slice(-held) : all.slice(0, -held);
    const parts = [fill(r, pick(r, source))];
    if (r() < 0.5) parts.push(fill(r, pick(r, FILLER)));
    if (r() < 0.2) parts.unshift(fill(r, pick(r, FILLER)));
    docs.push({ id: `${sensitive ? 's' : 'c'}-${i}`, text: parts.filter(Boolean).join(' '), label: sensitive ? 'sensitive' : 'clean', topic });
  }
  return docs;
}
