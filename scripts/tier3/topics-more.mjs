// More training templates for the default Tier 3 model, by topic (the same shape as TOPICS in
// topics.mjs, merged there before each list's held-out tail, so the held-out split stays the
// same templates). Written for this project; nothing is taken from elsewhere or from
// bench/tier3-eval/. What they add: government, diplomatic and police secrets besides military
// operations; third-person reports and notes as well as first-person confidences; plainer and
// non-native English ("he is having cancer", "they will buy the company but it is not said
// yet"); and more benign texts about deals, health and pay (announced news, general advice).

export const MORE = {
  health: {
    facts: [
      'the head of finance is having cancer treatment and did not tell the team',
      'my sister in law was diagnosed with {condition} last week and only the family knows',
      'our supplier contact told me he is taking {treatment} and may be off for months',
      'the results came back and {someone} has {condition}',
      'the doctor said {someone} needs {treatment} soon',
      '{someone} is pregnant but has not told work yet',
      '{someone} tried to take her own life last month and is in hospital',
    ],
    asks: [
      'Please write a sick note for the school; my daughter is having {treatment} for {condition} and the teachers should not tell the other parents.',
      'He asked me to inform the team he is away, without saying that he has {condition}. How do I write it?',
    ],
    lookalikes: [
      'What are the common side effects of {treatment}? A general overview for patients.',
      'Write a leaflet for the waiting room about the early signs of {condition}.',
      'The hospital announced today that its new cancer wing will open in March.',
      'Summarise the public health guidance on flu vaccines for people over sixty-five.',
      'Give me a weekly workout plan for someone recovering from a knee injury, in general terms.',
    ],
  },
  deal: {
    facts: [
      'the board agreed to sell the whole company to {company} for {amount} but it is not public',
      'we will buy {company} {when}, the price is {amount}, the market does not know',
      'the bank told us quietly that {company} is going bankrupt {when}',
      'the merger with {company} is signed but the announcement is only {when}',
      'our biggest customer will cancel its contract {when} and the investors have not been told',
      'the profit warning goes out {when}; revenue is down a third',
    ],
    asks: [
      'Write the talking points for the call with {company}; they do not know yet that we will offer {amount} for them.',
      'Prepare the insider list for the project to acquire {company}; only the deal team can see it.',
    ],
    lookalikes: [
      'Summarise the press release: {company} completed its previously announced acquisition last week.',
      'Explain what a tender offer is and how shareholders usually respond to one.',
      'Write a short news item about the merger of two regional banks that was announced this morning.',
      'What does due diligence involve in a typical acquisition? A general explanation for students.',
      'Draft a public statement welcoming the new partnership announced at the conference today.',
      'List the largest technology acquisitions of the last decade, from public sources.',
    ],
  },
  hr: {
    facts: [
      '{someone} is being investigated for {allegation} and does not know yet',
      'HR will fire {someone} on Friday because of {allegation}',
      'there is a formal complaint against {someone} for {allegation}',
      'the disciplinary hearing for {someone} about {allegation} is {when}',
    ],
    asks: ['Write the letter suspending {someone} pending the investigation into {allegation}; the team must not find out before Monday.'],
    lookalikes: ['Summarise the new company policy on reporting harassment, for the staff handbook.', 'Write a general article on how to run a fair workplace investigation.'],
  },
  classified: {
    facts: [
      'the embassy cable says the foreign minister plans to resign before the summit',
      'the intelligence service believes the opposition leader is being paid by a foreign government',
      'the police are preparing a raid on the port warehouses {when} and the suspects must not learn of it',
      'the undercover officer inside the gang reported that the shipment arrives {when}',
      'the cabinet decided in secret to close three army bases {when}',
      'the ambassador reported that the negotiations are about to collapse',
      'the nuclear inspectors found that the reactor safety report was falsified and this is not public',
      'the defence ministry is buying the new fighter jets from the second bidder and the contract is still secret',
      'the informant says the attack is planned for {when}',
      'the list of agents working under diplomatic cover is in the attached file',
      'the government has a secret plan to devalue the currency {when}',
      'our codes for the secure radio network were changed because one was lost',
      'the president\'s travel route and the security arrangements for the visit are below',
      'the border police will start the operation at the northern crossings {when}',
      'the report marked top secret says the missile defence failed two of three tests',
      'the minister was briefed that the hostages are held in the old factory',
    ],
    asks: [
      'Summarise this cable from the embassy for the minister; it is marked secret and must not leave the ministry.',
      'Translate the intercepted call between the two officials into English; eyes only for the director.',
      'Make a timeline of the police operation against the smuggling network; the suspects are still under surveillance.',
      'Write a briefing for the cabinet on the undisclosed results of the weapons tests; classification top secret.',
      'Rewrite this restricted assessment of the protest movement for the interior minister.',
    ],
    lookalikes: [
      'Summarise the declassified report on the Cuban missile crisis that was released to the public archives.',
      'Write a spy novel opening where an agent receives a coded message in a Vienna café.',
      'Explain how parliamentary oversight of intelligence services works in most democracies.',
      'Summarise today\'s public press conference of the defence minister about the new budget.',
      'What does "need to know" mean in information security? A general explanation.',
      'Write a history lesson on the breaking of the Enigma code for secondary school students.',
      'The ministry published its annual report on border security, with statistics by region.',
    ],
  },
  salary: {
    facts: [
      'the new director will earn {salary} a year and the rest of the board does not know',
      '{someone} got a raise to {salary} while the team had a pay freeze',
      'we pay the women in the team less than the men for the same role, about {salary} against more',
      'the severance package for {someone} is {salary} and it is confidential',
    ],
    asks: ['Make a table of the bonuses for each person in my team next to their current salary; the list must not be shared with them.'],
    lookalikes: ['What is the average salary of a data analyst in Germany, from public surveys?', 'Write a guide on how to negotiate a raise, in general terms.', 'Explain how pay bands work in a typical public sector organisation.'],
  },
  trade_secret: {
    facts: [
      'the formula for our coating uses a catalyst that no competitor knows about',
      'I am attaching {asset}; it is our most valuable know-how',
      'the competitor\'s engineer who joined us brought {asset} from his old job',
      'the yield of the new process is ninety percent because of a step we never published',
    ],
    asks: ['Explain our secret manufacturing step to the new supplier in simple words, but they must sign the NDA first: {asset}.'],
    lookalikes: ['Explain what a trade secret is under the law and how it differs from a patent.', 'Summarise the public patent for a new type of battery electrode.'],
  },
  security: {
    facts: [
      '{breach} and the customers have not been informed',
      'the admin password for the production database is shared by the whole team and was leaked',
      'we found that {breach}; the incident is not reported yet',
      'the attackers are still in our network and we are watching them quietly',
    ],
    asks: ['Write the internal incident report: {breach}. Do not send it outside the security team.'],
    lookalikes: ['What should a small company do after a ransomware attack? General advice.', 'Summarise the public report of the national cyber security centre on phishing trends.'],
  },
};
