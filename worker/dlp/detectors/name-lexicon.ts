/**
 * Lookups over the generated name lists (name-data.ts, from @faker-js/faker, MIT) plus the small
 * word lists that keep organisations, places and ordinary capitalised words from reading as names.
 * The sets are built on first use so that loading the worker costs nothing until a name is checked.
 */
import { FIRST_NAMES, SURNAMES } from './name-data.js';

let firstNames: ReadonlySet<string> | undefined;
let surnames: ReadonlySet<string> | undefined;

/**
 * @example
 * isFirstName('Priya'); // true
 */
export function isFirstName(token: string): boolean {
  return (firstNames ??= new Set(FIRST_NAMES.split('|'))).has(token);
}

/**
 * @example
 * isSurname('Okonkwo'); // true
 */
export function isSurname(token: string): boolean {
  return (surnames ??= new Set(SURNAMES.split('|'))).has(token);
}

/** Words that end or make up organisation, place and product names ("Harbor Dental Group"). */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  `Inc Incorporated LLC LLP Ltd Limited Corp Corporation Co Company Companies GmbH AG SA SAS BV NV PLC Pty Group Holdings Partners Associates
  Dental Dentistry Freight Logistics Shipping Transport Bank Bancorp Financial Finance Capital Credit Insurance Hospital Clinic Medical Health Healthcare
  Pharmacy Labs Lab Laboratories Systems Solutions Technologies Technology Tech Software Services Service Consulting Industries Enterprises Foundation
  Institute University College School Academy Church Council Agency Department Ministry Bureau Office Studio Studios Media Press News Network Networks
  Energy Power Motors Airlines Air Airways Realty Properties Construction Builders Foods Food Farms Market Markets Store Stores Mart Shop Supply Supplies
  Cafe Restaurant Hotel Hotels Resort Inn Bakery Brewing Records Pictures Games Cloud Data Digital Analytics Security Systems Ventures Fund Trust Mutual
  Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Dr Court Ct Way Place Square Park Plaza Center Centre Building Tower Hall Bridge River Lake Mountain
  County City Town Village Valley Heights Beach Island Islands Port Harbor Harbour Bay Airport Station Mall Campus Avenue Region Republic Kingdom States`.split(/\s+/),
);

/** Capitalised words common at the start of sentences, in headings and UI text, that name lists also hold. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  `The A An This That These Those There Here Then Than When Where What Which Who Whom Whose Why How If Else And Or But Nor Not No Yes Ok Okay
  Hi Hello Hey Dear Thanks Thank Regards Best Cheers Sincerely Kind Warm Please Sorry Welcome Congrats Morning Afternoon Evening Night Today Tomorrow Yesterday
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun Spring Summer Autumn Fall Winter Christmas Easter
  Mr Mrs Ms Miss Mx Dr Prof Sir Madam Mme Team All Everyone Customer Customers Support Admin User Users Manager Director Lead Owner Member Members Client Clients
  Patient Employee Staff Sales Service Account Accounts Billing Order Orders Invoice Payment Ticket Case Issue Project Product Products Note Notes Name Names
  Subject From To Cc Bcc Re Fwd Date Time Phone Email Address Contact Contacts Status Priority Summary Details Description Comment Comments Update Updates
  New Old Good Great Very Just Also Only Even Still Will Would Could Should Can May Might Must Shall Has Have Had Is Are Was Were Be Been Do Does Did Get Got
  Let Lets See Note Please Call Send Check Review Approve Approved Pending Closed Open Done Per Via With Without For In On At By Of Off Up Down Out Over Under
  After Before During Since Until Upon About Above Below Into Onto Across Between Among Each Every Some Any Many Much More Most Other Another Such Both
  Our Your Their His Her Its My We You They He She It I Me Us Them Him Hers One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next
  Total Amount Balance Price Cost Fee Tax Rate Plan Policy Claim Claims Report Reports Data File Files Page Section Chapter Table Figure Version Release
  Error Warning Info Debug Success Failed True False Null None Default Test Demo Example Sample Unknown Other Misc General Main Home Back Front Top Bottom
  North South East West Central Northern Southern Eastern Western United American English French German Spanish Italian Chinese Japanese Indian African
  Angel Hope Faith Joy Grace Charity Honor Justice Liberty Unity Destiny Harmony Crystal Amber Ruby Pearl Jade Ivory Ebony Dawn Sky Rain Storm Star Sunny
  Sunshine Summer Autumn Winter River Ocean Forest Meadow Stone Rock Cash Money Gold Silver Bill Bills Mark Marks Will Wills Grant Grants Rose Page Chase
  Price Young Long Black White Green Brown Gray Grey Red Blue King Queen Prince Duke Earl Baron Lord Major General Private Law Judge Hunter Porter Miller
  Cook Baker Mason Carter Taylor Turner Walker Fisher Gardner Parker Cooper Ward Bishop Pope Dean Chancellor Bank Banks Hill Hills Wood Woods Field Fields
  Lane Street Park Parks Church Hall Holmes Wells Mills Brooks Marsh Moss Fox Wolf Bird Swan Crane Lamb Bell Bells Rich Sharp Strong Small Short Little Noble
  Power Best Case Price Story Love Lovely Sweet Happy Lucky Major Minor Alpha Beta Gamma Delta Omega Sigma Echo Nova Atlas Apollo Orion Phoenix Titan
  Paris London Berlin Rome Madrid Lisbon Vienna Prague Dublin Sydney Melbourne Austin Dallas Houston Phoenix Denver Boston Chicago Jackson Lincoln Washington
  Georgia Virginia Carolina Dakota Florida Nevada Indiana Montana Alabama Arizona Kansas Texas Jordan Chad Israel America Asia Africa Europe China India Japan
  Node Tier Docker Linux Python Java Rust Swift Kotlin Chrome Safari Edge Windows Android Apple Amazon Google Microsoft Oracle Slack Zoom Teams Jira Excel
  Word Outlook Azure Redis Kafka Mongo Postgres Nginx Ubuntu Debian Fedora Alpine Vault Consul Helm Ansible Terraform Jenkins Git Deno React Angular Vue Ember
  Kenya Chile Peru Cuba Mali Niger Nigeria Ghana Egypt Sudan Lebanon Syria Iran Iraq Oman Qatar Wales Scotland England Ireland France Germany Spain Italy`.split(/\s+/),
);

/**
 * A token shaped like a given name or surname: capitalised, lowercase after, optional
 * apostrophe prefix (O'Brien), inner capital (McDonald) or hyphenated second part.
 */
export const NAME_TOKEN = String.raw`(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?`;

/** Whether a capitalised token is a known name that is not also an ordinary word. */
export function isKnownName(token: string): boolean {
  if (NOT_NAME_WORDS.has(token) || ORGANISATION_WORDS.has(token)) return false;
  const base = token.includes('-') ? token.split('-')[0]! : token;
  return isFirstName(base) || isSurname(base) || isFirstName(token) || isSurname(token);
}

/** Whether a token cannot be part of a person's name at all (organisation word, heading word). */
export function isBlockedToken(token: string): boolean {
  return ORGANISATION_WORDS.has(token) || (NOT_NAME_WORDS.has(token) && !isFirstName(token) && !isSurname(token));
}
