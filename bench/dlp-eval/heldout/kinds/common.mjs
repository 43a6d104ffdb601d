/**
 * What several document kinds share: the fictional companies and their mail domains, and small
 * phrase pickers (phone and birth-date field labels in several languages and styles).
 * @example
 * const co = company(rng); co.name; co.domain; // 'Fernbank Logistics', 'fernbank.io'
 */
export const COMPANIES = [
  { name: 'Fernbank Logistics', domain: 'fernbank.io' }, { name: 'Tallyhq', domain: 'tallyhq.com' },
  { name: 'Quarry Point Insurance', domain: 'quarrypoint.co.uk' }, { name: 'Brightwater Clinic', domain: 'brightwater-clinic.org' },
  { name: 'Nordlicht GmbH', domain: 'nordlicht.de' }, { name: 'Sakura Retail KK', domain: 'sakura-retail.jp' },
  { name: 'Orbita Pagamentos', domain: 'orbita.com.br' }, { name: 'Kestrel Analytics', domain: 'kestrel.ai' },
  { name: 'Lumen & Slate', domain: 'lumenslate.com' }, { name: 'Mapleview School District', domain: 'mapleview.k12.us' },
  { name: 'Ironbark Mining', domain: 'ironbark.com.au' }, { name: 'Cobalt Ferry Lines', domain: 'cobaltferry.ie' },
];
export const company = (rng) => rng.pick(COMPANIES);

export const PHONE_LABELS = ['Phone', 'Tel', 'Mobile', 'Cell', 'Contact no.', 'Ph', 'Work phone', 'Home', 'Téléphone', 'Telefon', 'Móvil', 'Direct line', 'WhatsApp', 'callback number'];
export const DOB_LABELS = ['DOB', 'Date of birth', 'Birth date', 'D.O.B.', 'Born', 'Birthdate', 'Date of Birth', 'Geburtsdatum', 'Fecha de nacimiento', 'Date de naissance', 'dob'];
export const DOB_KEYS = ['dob', 'date_of_birth', 'dateOfBirth', 'birthDate', 'birth_date', 'DOB', 'birthday', 'patient_dob', 'emp_birth_dt', 'BirthDate'];
export const DEPARTMENTS = ['Finance', 'Payroll', 'Customer Success', 'Warehouse', 'Radiology', 'Platform', 'Legal', 'Facilities', 'Sales EMEA', 'Claims'];
export const CITIES = ['Portland', 'Leeds', 'Lyon', 'Pune', 'Porto Alegre', 'Osaka', 'Nairobi', 'Calgary', 'Gdańsk', 'Monterrey', 'Perth', 'Cork'];

/** Sentence-level glue so that prose documents differ in their wording, not only their values. */
export const openers = {
  ticket: ['Customer reports', 'Caller says', 'User writes in that', 'Escalated from tier 1:', 'Reopened because'],
  issue: ['they cannot log in after the password reset', 'the invoice total does not match the quote', 'the delivery was left at the wrong address', 'their card was charged twice', 'the mobile app crashes when uploading a receipt', 'the refund has not arrived after 10 business days'],
  close: ['Will follow up tomorrow.', 'Closing once confirmed.', 'Waiting on customer.', 'Escalating to billing.', 'No further action needed.'],
};
