/**
 * Words that say a capitalised token is not a person's name: the words organisation, place and
 * product names are made of, capitalised words common at sentence starts and in headings, and the
 * first words of place names. Typed lists (each short enough to review), read by name-lexicon.ts
 * and the PERSON detectors.
 */

/** Words that end or make up organisation, place and product names ("Harbor Dental Group"). */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  `Inc Incorporated LLC LLP Ltd Limited Corp Corporation Co Company Companies GmbH AG SA SAS BV NV PLC Pty Group Holdings Partners Associates
  Dental Dentistry Freight Logistics Shipping Transport Bank Bancorp Financial Finance Capital Credit Insurance Hospital Clinic Medical Health Healthcare
  Pharmacy Labs Lab Laboratories Systems Solutions Technologies Technology Tech Software Services Service Consulting Industries Enterprises Foundation
  Institute University College School Academy Church Council Agency Department Ministry Bureau Office Studio Studios Media Press News Network Networks
  Energy Power Motors Airlines Air Airways Realty Properties Construction Builders Foods Food Farms Market Markets Store Stores Mart Shop Supply Supplies
  Cafe Restaurant Hotel Hotels Resort Inn Bakery Brewing Records Pictures Games Cloud Data Digital Analytics Security Systems Ventures Fund Trust Mutual
  Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Dr Court Ct Way Place Square Park Plaza Center Centre Building Tower Hall Bridge River Lake Mountain
  County City Town Village Valley Heights Beach Island Islands Port Harbor Harbour Bay Airport Station Mall Campus Avenue Region Republic Kingdom States
  Orchestra Band Club Society Association Union Federation League Alliance Committee Commission Board Authority Trustees Brothers Bros Sons
  Investments Investment Resources Gems Mining Oil Gas Motor Mobile Oncology Pharmaceuticals Pharma Therapeutics Biosciences Biotech Realty Staffing
  Legal Law Telecom Communications Electric Electronics Airlines Railway Railways Express Verify Studio Suite Pro Enterprise Edition Cloud Platform
  Garden Gardens Maintenance Landscaping Cleaning Repair Repairs Plumbing Roofing Auto Salon Spa Fitness Gym Catering Printing Realtors Copper Steel Chemicals`.split(/\s+/),
);

/** Capitalised words common at the start of sentences, in headings and UI text, that name lists also hold. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  `The A An This That These Those There Here Then Than When Where What Which Who Whom Whose Why How If Else And Or But Nor Not No Yes Ok Okay
  Hi Hello Hey Dear Thanks Thank Regards Best Cheers Sincerely Kind Warm Please Sorry Welcome Congrats Morning Afternoon Evening Night Today Tomorrow Yesterday
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun Spring Summer Autumn Fall Winter Christmas Easter
  Mr Mrs Ms Miss Mx Dr Prof Sir Madam Mme Mlle Herr Frau Sr Sra Srta Dott Dra Team All Everyone Customer Customers Support Admin User Users Manager Director Lead Owner Member Members Client Clients
  Patient Employee Staff Sales Service Account Accounts Billing Order Orders Invoice Payment Ticket Case Issue Project Product Products Note Notes Name Names
  Subject From To Cc Bcc Re Fwd Date Time Phone Email Address Contact Contacts Status Priority Summary Details Description Comment Comments Update Updates
  New Old Good Great Very Just Also Only Even Still Will Would Could Should Can May Might Must Shall Has Have Had Is Are Was Were Be Been Do Does Did Get Got
  Let Lets See Note Please Call Send Check Review Approve Approved Pending Closed Open Done Per Via With Without For In On At By Of Off Up Down Out Over Under
  After Before During Since Until Upon About Above Below Into Onto Across Between Among Each Every Some Any Many Much More Most Other Another Such Both
  Our Your Their His Her Its My We You They He She It I Me Us Them Him Hers One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next
  Total Amount Balance Price Cost Fee Tax Rate Plan Policy Claim Claims Report Reports Data File Files Page Section Chapter Table Figure Version Release
  Error Warning Info Debug Success Failed True False Null None Default Test Demo Example Sample Unknown Other Misc General Main Home Back Front Top Bottom
  North South East West Central Northern Southern Eastern Western United American English French German Spanish Italian Chinese Japanese Indian African
  Sunshine Summer Autumn Winter River Ocean Forest Meadow Stone Rock Cash Money Gold Silver
  Power Best Case Price Story Love Lovely Sweet Happy Lucky Major Minor Alpha Beta Gamma Delta Omega Sigma Echo Nova Atlas Apollo Orion Phoenix Titan
  Paris London Berlin Rome Madrid Lisbon Vienna Prague Dublin Sydney Melbourne Austin Dallas Houston Phoenix Denver Boston Chicago Jackson Lincoln Washington
  Georgia Virginia Carolina Dakota Florida Nevada Indiana Montana Alabama Arizona Kansas Texas Jordan Chad Israel America Asia Africa Europe China India Japan
  Node Tier Docker Linux Python Java Rust Swift Kotlin Chrome Safari Edge Windows Android Apple Amazon Google Microsoft Oracle Slack Zoom Teams Jira Excel
  Word Outlook Azure Redis Kafka Mongo Postgres Nginx Ubuntu Debian Fedora Alpine Vault Consul Helm Ansible Terraform Jenkins Git Deno React Angular Vue Ember
  Estimado Estimada Estimados Querido Querida Caro Cara Gentile Gentilissimo Gentilissima Liebe Lieber Sehr Geehrte Geehrter Cher Chère Beste Geachte Kære Drogi Droga Sayın Sevgili Prezado Prezada
  Atentamente Saludos Saludo Cordialmente Cordiales Grüße Grüßen Freundlichen Cordialement Salutations Distinti Cordiali Saluti Atenciosamente Abraços Groeten Hälsningar Hilsen Pozdrawiam Saygılarımla
  Departamento Comercial Ventas Atención Cliente Clientes Soporte Abteilung Vertrieb Kundenservice Kundendienst Équipe Commerciale Servizio Assistenza Ufficio Equipe Suporte Atendimento
  Kenya Chile Peru Cuba Mali Niger Nigeria Ghana Egypt Sudan Lebanon Syria Iran Iraq Oman Qatar Wales Scotland England Ireland France Germany Spain Italy
  Tel Fax Mob Cell Login Logout Signin Signup Username Password Url Api Ref Ext Id Uid Sku Qty Attn Encl Mfr Dept Hr Ops Dev Prod Staging Beta
  Viele Liebe Lieber Grüße Grüsse Gruß Saludos Atentamente Cordialement Cumprimentos Abraços Groeten Hälsningar Pozdrawiam Pozdrav Saluti Distinti
  Hallo Hola Bonjour Bonsoir Buongiorno Buenos Buenas Merci Gracias Danke Obrigado Obrigada Grazie Dank Bedankt Tack Freundliche Freundlichen Herzliche
  British Irish English Scottish Welsh Dutch Danish Swedish Norwegian Finnish Polish Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Russian
  Ukrainian Portuguese Brazilian Mexican Canadian Australian Thai Vietnamese Korean Filipino Indonesian Malaysian Pakistani Bangladeshi Nepali Iranian Iraqi
  Egyptian Moroccan Nigerian Kenyan Ethiopian Ghanaian Israeli Arab Arabic Persian Swiss Austrian Belgian Sunni Shia Muslim Christian Jewish Hindu Buddhist
  Catholic Protestant Orthodox European Asian Latino Latina Hispanic Caribbean Nordic Baltic Slavic Celtic God Lord Jesus Allah Buddha`.split(/\s+/),
);

/** First words of place names: "Santa Monica", "Lake Geneva", "Saint Vincent", "Costa Rica". */
export const PLACE_PREFIXES: ReadonlySet<string> = new Set(
  `San Santa Santo Sankt Saint St Ste Sainte São Sao Lake Mount Mt Fort Ft Port Porto Puerto Cape Cabo Isla Isle Lac Los Las El Al Ciudad Villa Vila
  New Nueva Nuevo Nova Novo North South East West Upper Lower Great Little Costa Sierra Monte Mont Rio Bad Ras Bandar Kota Sri Val Valle Col Pointe Point`.split(/\s+/),
);

/** Titles and roles written before a surname ("Judge Inoue", "Nurse Han"): the first word of a span, they say the name is the rest. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `Mr Mrs Ms Miss Mx Dr Prof Professor Sir Madam Mme Mlle Herr Frau Sr Sra Srta Dott Dra Judge Justice Nurse Officer Coach Captain Capt Detective
  Sergeant Sgt Inspector Lieutenant Colonel General Major Father Sister Brother Pastor Reverend Rev Rabbi Imam Senator Governor Mayor President
  Chancellor Minister Ambassador Councillor Councilor Commissioner Uncle Aunt Auntie Agent Doctor Chef Engineer Principal Dean`.split(/\s+/),
);

/**
 * Given names that are also everyday lowercase English words ("will", "may", "mark"): in lowercase
 * text they are the word unless a strong cue says otherwise. Checked on top of the ordinary-word list,
 * which leaves out some words that are mostly names when capitalised.
 */
export const LOWERCASE_WORD_NAMES: ReadonlySet<string> = new Set(
  `will may mark bill grace rose june art april august pat sue frank rob bob jack guy ray gene joy hope faith iris lily daisy dawn
  sky river rock stone penny ruby amber pearl honey sunny chase drew grant hunter mason miles max rich sandy dale glen ivy holly
  heather violet jasmine olive hazel ginger crystal misty brook lane cliff wade reed rod nick don dean earl duke king prince
  bishop baker carter cook major summer winter autumn star storm rain`.split(/\s+/),
);

/**
 * Chat words that no dictionary holds and that follow a greeting or an introduction as a name would
 * ("hey yall", "i'm gonna", "hi lmao"): never read as an unlisted name in lowercase chat.
 */
export const CHAT_WORDS: ReadonlySet<string> = new Set(
  `yall yalls peeps dude dudes bro bros bruh fam lmao lmfao haha hahaha hehe yeah yea yep yup nope okay okk pls plz thanx thnx sup wassup
  gonna wanna gotta tryna kinda sorta dunno idk imo imho tbh brb afk omw ngl smh btw fyi asap lol rofl omg wtf hmm hmmm ugh meh yay woo
  alright aight lgtm wontfix todo tbd wip nit nvm np ty tysm gm gn hbu wbu irl rn tmrw tmr ppl msg msgs pic pics vid vids convo info admin team guys folks everyone`.split(/\s+/),
);
